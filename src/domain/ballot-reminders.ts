import { DateTime } from 'luxon';
import { REMINDER_HOUR, type BallotSlot, type PlannedReminder } from './reminders.js';

/**
 * A secret ballot's reminders: when the units that have not voted are reminded, and when the
 * scheduler closes the ballot. Pure: times come in as arguments, wall-clock rules use the
 * cluster's IANA time zone.
 *
 * - **With a closing time**, as a round's deadline: at 08:00 on the day before the closing day
 *   (`b1`) and on the closing day (`b0`), and a last call two hours before the closing time
 *   (`bh`); then, at the closing time, the ballot is closed and its count published (`bc`).
 * - **Without one** (the secretary closes it, or the last vote does): at 08:00 on each of the
 *   seven days after the opening day (`bd1`…`bd7`) while it stays open.
 *
 * A reminder is left out when it would come less than an hour after the opening (the opening
 * itself was just announced, with how to vote) or at or after the closing time; of two
 * reminders less than two hours apart only the later is kept. Past slots are never collapsed
 * into one sent at once: a ballot is planned when it opens, and the opening is that message.
 *
 * ```ts
 * planBallotReminders(opened, closes, 'Asia/Ho_Chi_Minh');
 * // closes 12/12/2026 17:00, opened 10/12 09:00 → b1 11/12 08:00, b0 12/12 08:00, bh 12/12 15:00, bc 12/12 17:00
 * ```
 */

/** The last call comes this long before the closing time. */
export const BALLOT_LAST_CALL_MS = 2 * 3_600_000;

/** No reminder comes sooner than this after the opening. */
export const BALLOT_QUIET_MS = 3_600_000;

/** Of two reminders closer than this, only the later is kept. */
export const BALLOT_MIN_GAP_MS = 2 * 3_600_000;

/** Days after the opening day a ballot without a closing time is reminded of. */
export const BALLOT_DAILY_DAYS = 7;

/** A ballot's plan: the time its reminders are planned against, and the reminders. */
export interface BallotPlan {
  /**
   * The closing time, or (no closing time) the opening: what each reminder row keeps as its
   * `eventAt`, so a reminder planned for another closing time is known as such.
   */
  eventAt: Date;
  reminders: (PlannedReminder & { slot: BallotSlot })[];
}

/** The reminders of a ballot opened at `openedAt`, closing at `closesAt` (or never by itself). */
export function planBallotReminders(openedAt: Date, closesAt: Date | null, timezone: string): BallotPlan {
  const at = (day: DateTime) => day.set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  const opened = DateTime.fromJSDate(openedAt, { zone: timezone });
  if (!opened.isValid) throw new Error(`invalid time zone "${timezone}"`);
  const candidates: (PlannedReminder & { slot: BallotSlot })[] = [];
  if (closesAt) {
    const closingDay = DateTime.fromJSDate(closesAt, { zone: timezone }).startOf('day');
    candidates.push({ slot: 'b1', dueAt: at(closingDay.minus({ days: 1 })) });
    candidates.push({ slot: 'b0', dueAt: at(closingDay) });
    candidates.push({ slot: 'bh', dueAt: new Date(closesAt.getTime() - BALLOT_LAST_CALL_MS) });
  } else {
    const openingDay = opened.startOf('day');
    for (let day = 1; day <= BALLOT_DAILY_DAYS; day += 1)
      candidates.push({ slot: `bd${day}` as BallotSlot, dueAt: at(openingDay.plus({ days: day })) });
  }
  const kept = candidates
    .filter((c) => c.dueAt.getTime() >= openedAt.getTime() + BALLOT_QUIET_MS)
    .filter((c) => !closesAt || c.dueAt.getTime() < closesAt.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .filter((c, i, all) => {
      const next = all[i + 1];
      return !next || next.dueAt.getTime() - c.dueAt.getTime() >= BALLOT_MIN_GAP_MS;
    });
  if (closesAt) kept.push({ slot: 'bc', dueAt: new Date(closesAt.getTime()) });
  return { eventAt: closesAt ?? openedAt, reminders: kept };
}
