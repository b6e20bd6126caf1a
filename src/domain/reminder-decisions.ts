import type { RoundState } from './lifecycle.js';
import { catchUpDecision, type ReminderSlot, type SkipReason } from './reminders.js';
import type { BallotState, HandoverState, MeetingState } from './states.js';

/**
 * Whether a due reminder goes out: the rules the scheduler applies to each reminder it holds,
 * as pure functions of the reminder, its subject as it stands now, and the time.
 */

/** A due reminder, as the decision reads it. */
export interface DueReminder {
  slot: ReminderSlot;
  /** The event time the reminder was planned for. */
  eventAt: Date;
}

/** A reminder's subject as it stands now; `null` when it is gone. */
export type SubjectNow =
  | { type: 'round'; state: RoundState; deadline: Date; missing: number }
  | { type: 'meeting'; state: MeetingState; at: Date }
  | { type: 'handover'; state: HandoverState; at: Date }
  | { type: 'ballot'; state: BallotState; openedAt: Date; closesAt: Date | null; missing: number }
  | null;

/**
 * What to do with a due reminder: skip it (and why), send it, or (`h0`, the handover's own
 * moment) roll the year over first and send what the rollover did, or (`bc`, a ballot's
 * closing time) close the ballot first and publish its count.
 */
export type ReminderDecision = { send: false; reason: SkipReason } | { send: true; rollover: boolean; close?: boolean };

/**
 * Decides a due reminder. Catch-up first (`catchUpDecision`: an advance reminder whose event
 * has passed, or that a later due slot supersedes, is skipped); then the subject must still be
 * the one planned for: not gone, not closed or cancelled, at the same time. A round reminder
 * goes out only while some unit is missing; an advance handover reminder only while the
 * handover is still scheduled; `h0` also after it was done (another instance's rollover, its
 * delivery not finished), and asks for the rollover.
 */
export function decideReminder(reminder: DueReminder, subject: SubjectNow, now: Date, superseded: boolean): ReminderDecision {
  if (subject?.type === 'ballot') return decideBallotReminder(reminder, subject, now, superseded);
  const catchUp = catchUpDecision(reminder, now, superseded);
  if (!catchUp.send) return catchUp;
  const changed = { send: false, reason: 'subject-changed' } as const;
  if (!subject) return changed;
  const sameTime = (at: Date) => at.getTime() === reminder.eventAt.getTime();
  switch (subject.type) {
    case 'round':
      if (subject.state === 'closed' || !sameTime(subject.deadline)) return changed;
      return subject.missing > 0 ? { send: true, rollover: false } : { send: false, reason: 'nothing-missing' };
    case 'meeting':
      return subject.state === 'scheduled' && sameTime(subject.at) ? { send: true, rollover: false } : changed;
    case 'handover':
      if (subject.state === 'cancelled' || !sameTime(subject.at)) return changed;
      if (reminder.slot === 'h0') return { send: true, rollover: true };
      return subject.state === 'scheduled' ? { send: true, rollover: false } : changed;
  }
}

/**
 * Decides a ballot's due reminder. The subject must be the ballot it was planned for (the same
 * closing time, or, with none, the same opening). `bc` (the closing time) asks for the close,
 * also once the ballot is closed: whether this reminder still has a count to publish (its
 * instance closed it and died mid-send) is the close's to say (`afterBallotClose`). Any other
 * slot is a reminder to vote: sent while the ballot is open, its closing time ahead, some unit
 * has not voted, and no later reminder of it is due too (after downtime only the latest goes).
 */
function decideBallotReminder(
  reminder: DueReminder,
  ballot: Extract<SubjectNow, { type: 'ballot' }>,
  now: Date,
  superseded: boolean,
): ReminderDecision {
  const plannedFor = ballot.closesAt ?? ballot.openedAt;
  if (plannedFor.getTime() !== reminder.eventAt.getTime()) return { send: false, reason: 'subject-changed' };
  if (reminder.slot === 'bc') return { send: true, rollover: false, close: true };
  if (ballot.closesAt && ballot.closesAt.getTime() <= now.getTime()) return { send: false, reason: 'event-passed' };
  if (superseded) return { send: false, reason: 'superseded' };
  if (ballot.state !== 'open') return { send: false, reason: 'subject-changed' };
  return ballot.missing > 0 ? { send: true, rollover: false } : { send: false, reason: 'nothing-missing' };
}

/**
 * What closing a ballot at its closing time did (the app's use case reports it): `closed` when
 * this call closed it; `published-elsewhere` when a command closed it first (the secretary, the
 * last vote, or the first command after the closing time), which published the count itself;
 * `closed` with `closedNow: false` when an earlier call of the same reminder closed it (its
 * instance died before every chat had the count); `open` when it is not due; `missing` when gone.
 */
export interface BallotCloseOutcome {
  state: 'closed' | 'published-elsewhere' | 'open' | 'missing';
  /** True when this call closed the ballot. */
  closedNow: boolean;
}

/** After the close, its count goes out only if the reminder's own close closed the ballot. */
export function afterBallotClose(outcome: BallotCloseOutcome): ReminderDecision {
  return outcome.state === 'closed' ? { send: true, rollover: false } : { send: false, reason: 'subject-changed' };
}

/** What the year's rollover at a handover did (the app's use case reports it). */
export interface RolloverOutcome {
  /** True when this call marked the handover done (false: it already was, or was cancelled). */
  rolled: boolean;
  /** The handover's state after the call; `missing` when it no longer exists. */
  state: HandoverState | 'missing';
  /** The year closed by the rollover, if its term was open (or already closed). */
  closedYear: number | null;
}

/** After the rollover, its reminder goes out only if the handover is done (not cancelled or gone). */
export function afterRollover(outcome: RolloverOutcome): ReminderDecision {
  return outcome.state === 'done' ? { send: true, rollover: false } : { send: false, reason: 'subject-changed' };
}
