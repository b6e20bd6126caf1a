import { planReminders, type ReminderSlot, type ReminderSubjectType, type UnitRef } from '../domain/reminders.js';
import { parseReminderSlot, parseReminderSubject, parseRoundKind, type RoundKind } from '../domain/states.js';
import type { Tx } from './tx.js';

/**
 * Reminder plans in the store: kept in step with their subjects (`replanReminders`, called by
 * the commands inside their transactions), and the list of those still to come that
 * `/reminders` shows. Sending them is the scheduler's (`reminder-claims.ts`, `reminder-batch.ts`,
 * `reminder-deliveries.ts`).
 */

/** The subject whose reminders are (re)planned; `eventAt: null` cancels its pending ones. */
export interface ReminderSubject {
  clusterId: number;
  type: ReminderSubjectType;
  id: number;
  eventAt: Date | null;
}

const DONE_FOR_EVENT = ['claimed', 'sent', 'skipped'];

/**
 * Creates, moves or cancels a subject's pending reminders so they match its event time, as
 * planned at the handle's `now` in the cluster's `timezone`. Call it with the command's
 * transaction (the context) whenever a round opens, its deadline moves or it closes
 * (`eventAt: null`), and when a meeting or a handover is scheduled, moved or cancelled.
 *
 * Slots already past collapse into one reminder due `now` (see `planReminders`). A slot that
 * was already sent (or claimed, or skipped) for the same event time is not planned again; after
 * a move, every slot of the new time is planned afresh.
 */
export async function replanReminders(tx: Tx, options: ReminderSubject & { timezone: string }): Promise<void> {
  const { db, now } = tx;
  const { timezone, ...subject } = options;
  const existing = await db.reminder.findMany({
    where: { subjectType: subject.type, subjectId: subject.id, state: { in: ['pending', ...DONE_FOR_EVENT] } },
    select: { id: true, slot: true, state: true, dueAt: true, eventAt: true },
    orderBy: { id: 'asc' },
  });
  const pending = existing.filter((r) => r.state === 'pending');
  const eventAt = subject.eventAt;
  if (eventAt === null) {
    if (pending.length) {
      await db.reminder.updateMany({
        where: { id: { in: pending.map((r) => r.id) }, state: 'pending' },
        data: { state: 'cancelled', doneAt: now },
      });
    }
    return;
  }
  const handled = new Set(existing.filter((r) => r.state !== 'pending' && r.eventAt.getTime() === eventAt.getTime()).map((r) => r.slot));
  const unused = new Map(pending.map((r) => [r.id, r]));
  const create: { slot: ReminderSlot; dueAt: Date }[] = [];
  for (const planned of planReminders(subject.type, eventAt, now, timezone)) {
    if (handled.has(planned.slot)) continue;
    const row = [...unused.values()].find((r) => r.slot === planned.slot);
    if (!row) {
      create.push(planned);
      continue;
    }
    unused.delete(row.id);
    if (row.dueAt.getTime() !== planned.dueAt.getTime() || row.eventAt.getTime() !== eventAt.getTime()) {
      await db.reminder.updateMany({ where: { id: row.id, state: 'pending' }, data: { dueAt: planned.dueAt, eventAt } });
    }
  }
  if (unused.size) {
    await db.reminder.updateMany({
      where: { id: { in: [...unused.keys()] }, state: 'pending' },
      data: { state: 'cancelled', doneAt: now },
    });
  }
  if (create.length) {
    await db.reminder.createMany({
      data: create.map((p) => ({
        clusterId: subject.clusterId,
        subjectType: subject.type,
        subjectId: subject.id,
        slot: p.slot,
        dueAt: p.dueAt,
        eventAt,
      })),
    });
  }
}

/** A reminder still to come, with what `/reminders` shows about its subject. */
export interface UpcomingReminder {
  id: number;
  subjectType: ReminderSubjectType;
  subjectId: number;
  slot: ReminderSlot;
  dueAt: Date;
  /** The time has come: it goes out at the scheduler's next tick. */
  dueNow: boolean;
  eventAt: Date;
  /** Rounds and meetings: `midyear` or `yearend`. */
  kind: RoundKind | null;
  /** Meetings: the place, if given. */
  place: string | null;
  /** Handovers: the receiving unit. */
  toUnit: UnitRef | null;
  /** Ballots: its number and question. */
  ballot: { id: number; question: string } | null;
}

/**
 * The cluster's reminders still to come at the handle's `now` (pending; a due one not yet
 * picked up counts), earliest first, at most `limit`, with their subjects. Six queries.
 */
export async function listUpcoming(
  tx: Pick<Tx, 'db' | 'now'>,
  options: { clusterId: number; limit?: number },
): Promise<UpcomingReminder[]> {
  const { db, now } = tx;
  const rows = await db.reminder.findMany({
    where: { clusterId: options.clusterId, state: 'pending' },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: options.limit ?? 50,
  });
  const ids = (type: ReminderSubjectType) => unique(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId));
  const rounds = await db.round.findMany({ where: { id: { in: ids('round') } }, select: { id: true, kind: true } });
  const meetings = await db.meeting.findMany({ where: { id: { in: ids('meeting') } }, select: { id: true, kind: true, place: true } });
  const handovers = await db.handover.findMany({ where: { id: { in: ids('handover') } }, select: { id: true, toUnitId: true } });
  const units = await db.unit.findMany({
    where: { id: { in: handovers.map((h) => h.toUnitId) } },
    select: { id: true, code: true, name: true },
  });
  const ballots = await db.ballot.findMany({ where: { id: { in: ids('ballot') } }, select: { id: true, question: true } });
  const ballotById = new Map(ballots.map((b) => [b.id, b]));
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const handoverById = new Map(handovers.map((h) => [h.id, h]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  return rows.map((r) => {
    const type = parseReminderSubject(r.subjectType);
    const round = type === 'round' ? roundById.get(r.subjectId) : undefined;
    const meeting = type === 'meeting' ? meetingById.get(r.subjectId) : undefined;
    const handover = type === 'handover' ? handoverById.get(r.subjectId) : undefined;
    return {
      id: r.id,
      subjectType: type,
      subjectId: r.subjectId,
      slot: parseReminderSlot(r.slot),
      dueAt: r.dueAt,
      dueNow: r.dueAt.getTime() <= now.getTime(),
      eventAt: r.eventAt,
      kind: round ? parseRoundKind(round.kind) : meeting ? parseRoundKind(meeting.kind) : null,
      place: meeting?.place ?? null,
      toUnit: handover ? (unitById.get(handover.toUnitId) ?? null) : null,
      ballot: type === 'ballot' ? (ballotById.get(r.subjectId) ?? null) : null,
    };
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
