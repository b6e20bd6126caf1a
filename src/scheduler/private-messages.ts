import type { Msg, Reply } from '../reply.js';
import type { MissingUnit, UnitRef } from '../domain/reminders.js';
import type { HandoverView, MeetingView, RoundView } from '../store/reminder-batch.js';
import { handoverReminderReply, meetingReminderReply, roundReminderReply, STEP_KEY } from './messages.js';

/**
 * The private reminders' replies: the same news as the group's (what is due and when), then
 * what the representative's own unit still has to do (sentences in `locales/*.private.ftl`).
 */

/** Every locale id private reminders add; the scheduler checks at construction that each exists. */
export const PRIVATE_REMINDER_MESSAGE_IDS = ['reminder-private-unit', 'reminder-private-for'] as const;

/** A deadline's private reminder for one missing unit: the round's news, then its own next step. */
export function privateRoundReply(round: RoundView, unit: MissingUnit, overdue: boolean, now: Date, timezone: string): Reply {
  const news = roundReminderReply({ ...round, missing: [] }, overdue, now, timezone).text!.slice(0, 1);
  const text: Msg[] = [...news, { key: 'reminder-private-unit', args: unitArgs(unit) }, { key: STEP_KEY[unit.step], args: unitArgs(unit) }];
  return { text };
}

/** A meeting's private reminder for one unit's representative. */
export function privateMeetingReply(meeting: MeetingView, unit: UnitRef, now: Date, timezone: string): Reply {
  return { text: [...meetingReminderReply(meeting, now, timezone).text!, { key: 'reminder-private-for', args: unitArgs(unit) }] };
}

/** A handover's private reminder for one unit's representative. */
export function privateHandoverReply(handover: HandoverView, unit: UnitRef, now: Date, timezone: string): Reply {
  return { text: [...handoverReminderReply(handover, now, timezone).text!, { key: 'reminder-private-for', args: unitArgs(unit) }] };
}

function unitArgs(unit: UnitRef): { code: string; name: string } {
  return { code: unit.code, name: unit.name };
}
