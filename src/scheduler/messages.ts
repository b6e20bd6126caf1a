import type { Msg, Reply } from '../reply.js';
import { daysUntil, localDateTime, localTime, type NextStep, type UnitRef } from '../domain/reminders.js';
import type { HandoverView, MeetingView, RoundView } from '../store/reminder-batch.js';
import { BALLOT_REMINDER_MESSAGE_IDS } from './ballot-messages.js';

/**
 * The reminders' replies, as locale ids and arguments (the sentences live in
 * `locales/*.reminders.ftl`). Dates are formatted in the cluster's time zone; "in N days" is
 * counted from the moment the reminder goes out, so a late (caught-up) reminder stays true.
 */

/** Every locale id reminders use; the scheduler checks at construction that each exists. */
export const REMINDER_MESSAGE_IDS = [
  'reminder-chat-gone',
  'reminder-round-submit',
  'reminder-round-confirm',
  'reminder-round-overdue',
  'reminder-round-confirm-overdue',
  'reminder-missing-submit',
  'reminder-missing-confirm',
  'reminder-unit-score',
  'reminder-unit-submit',
  'reminder-unit-confirm',
  'reminder-unit-await-appraisal',
  'reminder-unit-await-review',
  'reminder-meeting',
  'reminder-meeting-place',
  'reminder-handover',
  'reminder-handover-from',
  'reminder-rollover',
  'reminder-rollover-year',
  'reminder-rollover-next',
  'reminder-upcoming-header',
  'reminder-upcoming-none',
  'reminder-upcoming-round',
  'reminder-upcoming-overdue',
  'reminder-upcoming-meeting',
  'reminder-upcoming-handover',
  'reminder-upcoming-rollover',
  ...BALLOT_REMINDER_MESSAGE_IDS,
] as const;

/** The sentence of each next step a missing unit has (the private reminders reuse it). */
export const STEP_KEY: Record<NextStep, string> = {
  score: 'reminder-unit-score',
  submit: 'reminder-unit-submit',
  confirm: 'reminder-unit-confirm',
  'await-review': 'reminder-unit-await-review',
  'await-appraisal': 'reminder-unit-await-appraisal',
};

/**
 * A round's reminder: what is due and when, then each missing unit by code and name with the
 * command it needs next. While the round is open it asks for submissions; in the review phase
 * for confirmations. `overdue` (the deadline has passed) gives the one overdue notice.
 */
export function roundReminderReply(round: RoundView, overdue: boolean, now: Date, timezone: string): Reply {
  const review = round.state === 'review';
  const deadline = localDateTime(round.deadline, timezone);
  const text: Msg[] = [];
  if (overdue)
    text.push({ key: review ? 'reminder-round-confirm-overdue' : 'reminder-round-overdue', args: { kind: round.kind, deadline } });
  else
    text.push({
      key: review ? 'reminder-round-confirm' : 'reminder-round-submit',
      args: { kind: round.kind, deadline, days: daysUntil(round.deadline, now, timezone) },
    });
  text.push({ key: review ? 'reminder-missing-confirm' : 'reminder-missing-submit', args: { count: round.missing.length } });
  for (const unit of round.missing) text.push({ key: STEP_KEY[unit.step], args: { code: unit.code, name: unit.name } });
  return { text };
}

/** A review meeting's reminder: which meeting, when, in how many days, where. */
export function meetingReminderReply(meeting: MeetingView, now: Date, timezone: string): Reply {
  const text: Msg[] = [
    {
      key: 'reminder-meeting',
      args: { kind: meeting.kind, at: localDateTime(meeting.at, timezone), days: daysUntil(meeting.at, now, timezone) },
    },
  ];
  if (meeting.place) text.push({ key: 'reminder-meeting-place', args: { place: meeting.place } });
  return { text };
}

/** A handover's reminder: the receiving unit, when, in how many days, and who hands over. */
export function handoverReminderReply(handover: HandoverView, now: Date, timezone: string): Reply {
  const text: Msg[] = [
    {
      key: 'reminder-handover',
      args: { ...unitArgs(handover.toUnit), at: localDateTime(handover.at, timezone), days: daysUntil(handover.at, now, timezone) },
    },
  ];
  if (handover.fromUnit) text.push({ key: 'reminder-handover-from', args: unitArgs(handover.fromUnit) });
  return { text };
}

/**
 * The handover has happened: the receiving unit leads now, the year closed (when it was still
 * open), and the secretary is asked to open the next year with `/term` (the year after the
 * closed one; else the handover's own year).
 */
export function rolloverReply(handover: HandoverView, closedYear: number | null, timezone: string): Reply {
  const text: Msg[] = [{ key: 'reminder-rollover', args: unitArgs(handover.toUnit) }];
  if (closedYear !== null) text.push({ key: 'reminder-rollover-year', args: { year: closedYear } });
  text.push({
    key: 'reminder-rollover-next',
    args: { year: closedYear !== null ? closedYear + 1 : localTime(handover.at, timezone).year },
  });
  return { text };
}

function unitArgs(unit: UnitRef | null): { code: string; name: string } {
  return { code: unit?.code ?? '–', name: unit?.name ?? '' };
}

/** The notice to a cluster's other chats when the bot lost one of them (`chat`: its title, else its key). */
export function chatGoneReply(chat: string): Reply {
  return { text: [{ key: 'reminder-chat-gone', args: { chat } }] };
}
