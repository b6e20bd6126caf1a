import { DateTime } from 'luxon';
import type { RoundState, SheetState } from './lifecycle.js';

/**
 * Reminder plans: which reminders a deadline, a review meeting or a handover gets, when each
 * is due, and what a due reminder should do once the scheduler finds it. Pure: time comes in
 * as arguments, wall-clock rules use the cluster's IANA time zone.
 *
 * ```ts
 * planReminders('round', deadline, now, 'Asia/Ho_Chi_Minh');
 * // → [{ slot: 'd7', dueAt: … 01:00Z }, { slot: 'd3', … }, { slot: 'd1', … }, { slot: 'd0', … },
 * //    { slot: 'overdue', dueAt: deadline + 1 min }]
 * ```
 */

/**
 * What a reminder is about: a round's deadline, a review meeting, a leadership handover, a
 * secret ballot of the year-end meeting (its units that have not voted, and its closing time).
 */
export type ReminderSubjectType = 'round' | 'meeting' | 'handover' | 'ballot';

/**
 * One reminder of a subject. Advance slots come before the event (`d7` = 7 days before a
 * round's deadline, `m1` = the day before a meeting, `h7` …); event slots come at or after it:
 * `overdue` right after a missed deadline, `h0` the handover itself (the year rolls over).
 * Ballots (`ballot-reminders.ts`): `b1`, `b0`, `bh` before the closing time, `bd1`…`bd7` the
 * days after the opening of a ballot with none, and `bc` the closing time itself (the count).
 */
export type ReminderSlot = 'd7' | 'd3' | 'd1' | 'd0' | 'overdue' | 'm3' | 'm1' | 'h7' | 'h1' | 'h0' | BallotSlot;

/** A ballot's slots (planned by `planBallotReminders` in `ballot-reminders.ts`). */
export type BallotSlot = (typeof BALLOT_ADVANCE_SLOTS)[number] | 'bc';

/** A ballot's slots before its closing time (or, with none, while it stays open). */
export const BALLOT_ADVANCE_SLOTS = ['b1', 'b0', 'bh', 'bd1', 'bd2', 'bd3', 'bd4', 'bd5', 'bd6', 'bd7'] as const;

/** Advance reminders go out at 08:00 local time. */
export const REMINDER_HOUR = 8;

/** The overdue notice goes out this long after the deadline (a 23:59 deadline → 00:00). */
export const OVERDUE_DELAY_MS = 60_000;

interface AdvanceRule {
  slot: ReminderSlot;
  daysBefore: number;
}

interface EventRule {
  slot: ReminderSlot;
  delayMs: number;
}

const ADVANCE: Record<ReminderSubjectType, AdvanceRule[]> = {
  round: [
    { slot: 'd7', daysBefore: 7 },
    { slot: 'd3', daysBefore: 3 },
    { slot: 'd1', daysBefore: 1 },
    { slot: 'd0', daysBefore: 0 },
  ],
  meeting: [
    { slot: 'm3', daysBefore: 3 },
    { slot: 'm1', daysBefore: 1 },
  ],
  handover: [
    { slot: 'h7', daysBefore: 7 },
    { slot: 'h1', daysBefore: 1 },
  ],
  // Ballots have their own plan (`planBallotReminders`): their times depend on the opening too.
  ballot: [],
};

const EVENT: Record<ReminderSubjectType, EventRule[]> = {
  round: [{ slot: 'overdue', delayMs: OVERDUE_DELAY_MS }],
  meeting: [],
  handover: [{ slot: 'h0', delayMs: 0 }],
  ballot: [],
};

/** The slots before an event: `d7 d3 d1 d0 m3 m1 h7 h1`, and a ballot's `b1 b0 bh bd1`…`bd7`. */
export const ADVANCE_SLOTS: readonly ReminderSlot[] = [
  ...Object.values(ADVANCE).flatMap((rules) => rules.map((r) => r.slot)),
  ...BALLOT_ADVANCE_SLOTS,
];
const ADVANCE_SET: ReadonlySet<string> = new Set(ADVANCE_SLOTS);

/** True for slots before the event (sent only while the event is still ahead). */
export function isAdvanceSlot(slot: string): boolean {
  return ADVANCE_SET.has(slot);
}

/**
 * False for a slot whose message is news, not a reminder of something still ahead (a ballot's
 * count at its closing time): a platform with a monthly budget never drops it as a repeat.
 */
export function mayRepeat(slot: string): boolean {
  return slot !== 'bc';
}

/** One planned reminder: its slot and when it is due. */
export interface PlannedReminder {
  slot: ReminderSlot;
  dueAt: Date;
}

/**
 * Every slot of a subject at its nominal time, earliest first: advance slots at 08:00 local
 * on their day (dropped when that moment is not before the event, e.g. `d0` for a 07:00
 * deadline), event slots at the event (plus the overdue delay).
 */
export function slotTimes(type: ReminderSubjectType, eventAt: Date, timezone: string): PlannedReminder[] {
  const eventDay = DateTime.fromJSDate(eventAt, { zone: timezone }).startOf('day');
  if (!eventDay.isValid) throw new Error(`invalid time zone "${timezone}"`);
  const slots: PlannedReminder[] = [];
  for (const rule of ADVANCE[type]) {
    const dueAt = eventDay.minus({ days: rule.daysBefore }).set({ hour: REMINDER_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    if (dueAt.getTime() < eventAt.getTime()) slots.push({ slot: rule.slot, dueAt });
  }
  for (const rule of EVENT[type]) slots.push({ slot: rule.slot, dueAt: new Date(eventAt.getTime() + rule.delayMs) });
  return slots.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * The reminders a subject should have, planned at `now` (when it is set or moved). Advance
 * slots already past collapse into one reminder due at once, the latest of them, if the event
 * is still ahead; otherwise they are dropped. Event slots (`overdue`, `h0`) keep their time.
 */
export function planReminders(type: ReminderSubjectType, eventAt: Date, now: Date, timezone: string): PlannedReminder[] {
  const all = slotTimes(type, eventAt, timezone);
  const advance = all.filter((s) => isAdvanceSlot(s.slot));
  const past = advance.filter((s) => s.dueAt.getTime() <= now.getTime());
  const plan: PlannedReminder[] = [];
  const latestPast = past[past.length - 1];
  if (latestPast && eventAt.getTime() > now.getTime()) plan.push({ slot: latestPast.slot, dueAt: new Date(now.getTime()) });
  plan.push(...advance.filter((s) => s.dueAt.getTime() > now.getTime()));
  plan.push(...all.filter((s) => !isAdvanceSlot(s.slot)));
  return plan;
}

/** Why a due reminder is not sent. */
export type SkipReason =
  /** The event happened already (an advance reminder found late, e.g. after downtime). */
  | 'event-passed'
  /** A later advance reminder of the same subject is due too: only the latest goes out. */
  | 'superseded'
  /** The subject moved, closed or was cancelled since the reminder was planned. */
  | 'subject-changed'
  /** Nobody is missing: every unit has done what the reminder would ask. */
  | 'nothing-missing';

/**
 * The catch-up rule for a due reminder (its time has come, perhaps long ago while the bot was
 * down): an advance reminder is sent if its event is still ahead and no later advance slot of
 * the same subject is due as well; event slots (`overdue`, `h0`) are always sent, once.
 */
export function catchUpDecision(
  reminder: { slot: string; eventAt: Date },
  now: Date,
  laterSlotDue: boolean,
): { send: true } | { send: false; reason: SkipReason } {
  if (!isAdvanceSlot(reminder.slot)) return { send: true };
  if (reminder.eventAt.getTime() <= now.getTime()) return { send: false, reason: 'event-passed' };
  if (laterSlotDue) return { send: false, reason: 'superseded' };
  return { send: true };
}

/**
 * Whole calendar days from `now` to `eventAt` in the zone: 0 = today, 1 = tomorrow. Messages
 * say this rather than the slot's nominal offset, so a late (caught-up) reminder stays true.
 */
export function daysUntil(eventAt: Date, now: Date, timezone: string): number {
  const a = localTime(now, timezone);
  const b = localTime(eventAt, timezone);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** A moment's wall-clock fields in a zone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number | null>();
const HOUR_MS = 3_600_000;

/** The zone's UTC offset in ms at `ms`, read with a cached `Intl.DateTimeFormat`. */
function offsetAt(ms: number, timezone: string): number {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  const f: Record<string, number> = {};
  for (const part of format.formatToParts(ms)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const whole = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(f.year!, f.month! - 1, f.day!, f.hour!, f.minute!, f.second!) - whole;
}

/**
 * The wall-clock fields of a moment in an IANA zone. The zone's offset is read once per zone
 * and hour (when it is the same at both ends of the hour; otherwise at the moment itself): a
 * sweep renders thousands of reminders, and this is about thirty times cheaper than asking
 * `Intl` (or a zoned luxon `DateTime`) every time.
 */
export function localTime(at: Date, timezone: string): LocalTime {
  const ms = at.getTime();
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timezone}|${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = offsetAt(hour * HOUR_MS, timezone);
    offset = start === offsetAt((hour + 1) * HOUR_MS - 1, timezone) ? start : null;
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  const local = new Date(ms + (offset ?? offsetAt(ms, timezone)));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

/** `dd/mm/yyyy HH:mm` in the zone (the same text as `formatDateTime` in dates.ts, faster). */
export function localDateTime(at: Date, timezone: string): string {
  const t = localTime(at, timezone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(t.day)}/${two(t.month)}/${t.year} ${two(t.hour)}:${two(t.minute)}`;
}

/** What a unit that holds a round up must do next. */
export type NextStep =
  /** No sheet yet: self-score with `/score`, then `/submit`. */
  | 'score'
  /** A draft sheet: finish with `/score`, then `/submit`. */
  | 'submit'
  /** Reviewed in the review phase: `/confirm`, or `/explain` to dispute. */
  | 'confirm'
  /** Submitted, not yet appraised: waits for the reviewer (`/confirm` needs an appraisal). */
  | 'await-appraisal'
  /** Disputed: waits for the re-review, then `/confirm`. */
  | 'await-review';

/** A unit, as reminders name it. */
export interface UnitRef {
  id: number;
  code: string;
  name: string;
}

/** A unit still missing from a round, with what it must do next. */
export interface MissingUnit extends UnitRef {
  step: NextStep;
}

/**
 * The units a round is waiting for, by code: while the round is open, those that have not
 * submitted; in the review phase, those that have not confirmed. A closed round waits for
 * nobody.
 */
export function missingUnits(roundState: RoundState, units: UnitRef[], sheetStateByUnit: ReadonlyMap<number, SheetState>): MissingUnit[] {
  if (roundState === 'closed') return [];
  const missing: MissingUnit[] = [];
  for (const unit of units) {
    const state = sheetStateByUnit.get(unit.id);
    const step = nextStep(roundState, state);
    if (step) missing.push({ ...unit, step });
  }
  return missing.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function nextStep(roundState: 'open' | 'review', state: SheetState | undefined): NextStep | null {
  if (state === undefined) return 'score';
  if (state === 'draft') return 'submit';
  if (roundState === 'open') return null;
  if (state === 'confirmed') return null;
  if (state === 'disputed') return 'await-review';
  if (state === 'submitted') return 'await-appraisal';
  return 'confirm';
}
