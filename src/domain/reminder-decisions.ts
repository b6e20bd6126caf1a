import type { RoundState } from './lifecycle.js';
import { catchUpDecision, type ReminderSlot, type SkipReason } from './reminders.js';
import type { HandoverState, MeetingState } from './states.js';

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
  | null;

/**
 * What to do with a due reminder: skip it (and why), send it, or (`h0`, the handover's own
 * moment) roll the year over first and send what the rollover did.
 */
export type ReminderDecision = { send: false; reason: SkipReason } | { send: true; rollover: boolean };

/**
 * Decides a due reminder. Catch-up first (`catchUpDecision`: an advance reminder whose event
 * has passed, or that a later due slot supersedes, is skipped); then the subject must still be
 * the one planned for: not gone, not closed or cancelled, at the same time. A round reminder
 * goes out only while some unit is missing; an advance handover reminder only while the
 * handover is still scheduled; `h0` also after it was done (another instance's rollover, its
 * delivery not finished), and asks for the rollover.
 */
export function decideReminder(reminder: DueReminder, subject: SubjectNow, now: Date, superseded: boolean): ReminderDecision {
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
