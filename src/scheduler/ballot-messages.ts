import type { Msg, Reply } from '../reply.js';
import { daysUntil, localDateTime, type UnitRef } from '../domain/reminders.js';
import type { BallotView } from '../store/ballot-reminders.js';

/**
 * A secret ballot's reminders, as locale ids and arguments (`locales/*.reminders.ftl`): which
 * ballot, until when, the units that have not voted (who has voted is public, never how), and
 * that voting happens in a private chat with the bot.
 */

/** Every locale id ballot reminders use (part of `REMINDER_MESSAGE_IDS`). */
export const BALLOT_REMINDER_MESSAGE_IDS = [
  'reminder-ballot-closes',
  'reminder-ballot-open',
  'reminder-ballot-missing',
  'reminder-ballot-unit',
  'reminder-ballot-how',
  'reminder-ballot-private',
  'reminder-ballot-missing-council',
  'reminder-ballot-person',
  'reminder-ballot-how-council',
  'reminder-ballot-private-council',
  'reminder-hands-closes',
  'reminder-hands-open',
  'reminder-ballot-how-open',
  'reminder-upcoming-ballot',
  'reminder-upcoming-ballot-close',
] as const;

/** The first line: the ballot (or show of hands), and its closing time with the days left (or that it is open). */
function news(ballot: BallotView, now: Date, timezone: string): Msg {
  const args = { id: ballot.id, question: ballot.question, round: ballot.round };
  const kind = ballot.method === 'open' ? 'hands' : 'ballot';
  return ballot.closesAt
    ? {
        key: `reminder-${kind}-closes`,
        args: { ...args, closes: localDateTime(ballot.closesAt, timezone), days: daysUntil(ballot.closesAt, now, timezone) },
      }
    : { key: `reminder-${kind}-open`, args: { ...args, opened: localDateTime(ballot.openedAt, timezone) } };
}

/** How to vote: privately for a secret ballot (units or a council), anywhere for a show of hands. */
function how(ballot: BallotView): Msg {
  const key =
    ballot.method === 'open' ? 'reminder-ballot-how-open' : ballot.council ? 'reminder-ballot-how-council' : 'reminder-ballot-how';
  return { key, args: { id: ballot.id } };
}

/**
 * The group's reminder: the ballot, the units that have not voted by code and name (a council's
 * ballot: the council members by name), how to vote.
 */
export function ballotReminderReply(ballot: BallotView, now: Date, timezone: string): Reply {
  const council = ballot.council;
  const text: Msg[] = [
    news(ballot, now, timezone),
    {
      key: council ? 'reminder-ballot-missing-council' : 'reminder-ballot-missing',
      args: { count: ballot.missing.length, issued: ballot.issued },
    },
  ];
  for (const unit of ballot.missing)
    text.push(
      council
        ? { key: 'reminder-ballot-person', args: { name: unit.name } }
        : { key: 'reminder-ballot-unit', args: { code: unit.code, name: unit.name } },
    );
  text.push(how(ballot));
  return { text };
}

/**
 * A representative's private reminder: the ballot, that their unit has not voted (a council's
 * ballot: that they, a member, have not), how to vote.
 */
export function privateBallotReply(ballot: BallotView, unit: UnitRef, now: Date, timezone: string): Reply {
  return {
    text: [
      news(ballot, now, timezone),
      ballot.council
        ? { key: 'reminder-ballot-private-council', args: { id: ballot.id } }
        : { key: 'reminder-ballot-private', args: { code: unit.code, name: unit.name } },
      how(ballot),
    ],
  };
}
