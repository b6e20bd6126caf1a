import type { SkipReason } from '../domain/reminders.js';

/** What one tick did. */
export interface TickReport {
  /** Batches claimed and processed. */
  batches: number;
  /** Reminders this instance claimed (due ones, and lapsed leases taken over). */
  claimed: number;
  /** Reminders sent out (to every chat that had not got them yet). */
  sent: number;
  /** Reminders marked skipped, by reason. */
  skipped: number;
  skippedBy: Partial<Record<SkipReason, number>>;
  /** Chat deliveries made and recorded. */
  deliveries: number;
  /** Chat deliveries that failed (recorded, not retried). */
  failures: number;
  /** Private deliveries to representatives made and recorded. */
  privateDeliveries: number;
  /** Private deliveries that failed (recorded, not retried). */
  privateFailures: number;
  /** Chats marked removed (the platform said gone or forbidden). */
  removedChats: number;
  /** Handovers done and years rolled over. */
  rollovers: number;
  /** Ballots this instance closed at their closing time (their count published). */
  ballotsClosed: number;
  /** Reminders left claimed after an error (taken over once their lease lapses). */
  errors: number;
  /** Reminders whose lease lapsed and went to another instance mid-batch (it finishes them). */
  lost: number;
}

/** A report of a tick that did nothing yet. */
export function emptyReport(): TickReport {
  return {
    batches: 0,
    claimed: 0,
    sent: 0,
    skipped: 0,
    skippedBy: {},
    deliveries: 0,
    failures: 0,
    privateDeliveries: 0,
    privateFailures: 0,
    removedChats: 0,
    rollovers: 0,
    ballotsClosed: 0,
    errors: 0,
    lost: 0,
  };
}
