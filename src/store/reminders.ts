import { formatDateTime } from '../domain/dates.js';
import type { RoundState, SheetState } from '../domain/lifecycle.js';
import {
  ADVANCE_SLOTS,
  isAdvanceSlot,
  missingUnits,
  planReminders,
  type MissingUnit,
  type ReminderSlot,
  type ReminderSubjectType,
  type UnitRef,
} from '../domain/reminders.js';
import { writeAudit } from './audit.js';
import type { Db, Provider } from './client.js';
import { Params } from './sql.js';

/**
 * Reminders in the store: plans kept in step with their subjects (`replanReminders`, called by
 * the commands inside their transactions), the list for `/reminders`, and the scheduler's
 * sweep: claim due reminders with one conditional update, load everything a batch needs with
 * a constant number of queries, record each delivery.
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
 * Creates, moves or cancels a subject's pending reminders so they match its event time. Call
 * it with the command's transaction `db` whenever a round opens, its deadline moves or it
 * closes (`eventAt: null`), and when a meeting or a handover is scheduled, moved or cancelled.
 *
 * Slots already past collapse into one reminder due `now` (see `planReminders`). A slot that
 * was already sent (or claimed, or skipped) for the same event time is not planned again; after
 * a move, every slot of the new time is planned afresh.
 */
export async function replanReminders(db: Db, subject: ReminderSubject, now: Date, timezone: string): Promise<void> {
  const existing = await db.reminder.findMany({
    where: { subjectType: subject.type, subjectId: subject.id, state: { in: ['pending', ...DONE_FOR_EVENT] } },
    select: { id: true, slot: true, state: true, dueAt: true, eventAt: true },
    orderBy: { id: 'asc' },
  });
  const pending = existing.filter((r) => r.state === 'pending');
  const eventAt = subject.eventAt;
  if (eventAt === null) {
    if (pending.length) {
      await db.reminder.updateMany({ where: { id: { in: pending.map((r) => r.id) }, state: 'pending' }, data: { state: 'cancelled', doneAt: now } });
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
    await db.reminder.updateMany({ where: { id: { in: [...unused.keys()] }, state: 'pending' }, data: { state: 'cancelled', doneAt: now } });
  }
  if (create.length) {
    await db.reminder.createMany({
      data: create.map((p) => ({ clusterId: subject.clusterId, subjectType: subject.type, subjectId: subject.id, slot: p.slot, dueAt: p.dueAt, eventAt })),
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
  kind: string | null;
  /** Meetings: the place, if given. */
  place: string | null;
  /** Handovers: the receiving unit. */
  toUnit: UnitRef | null;
}

/**
 * The cluster's reminders still to come (pending; a due one not yet picked up counts), earliest
 * first, at most `limit`, with their subjects. Five queries.
 */
export async function listUpcoming(db: Db, clusterId: number, now: Date, limit = 50): Promise<UpcomingReminder[]> {
  const rows = await db.reminder.findMany({
    where: { clusterId, state: 'pending' },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
  const ids = (type: ReminderSubjectType) => unique(rows.filter((r) => r.subjectType === type).map((r) => r.subjectId));
  const rounds = await db.round.findMany({ where: { id: { in: ids('round') } }, select: { id: true, kind: true } });
  const meetings = await db.meeting.findMany({ where: { id: { in: ids('meeting') } }, select: { id: true, kind: true, place: true } });
  const handovers = await db.handover.findMany({ where: { id: { in: ids('handover') } }, select: { id: true, toUnitId: true } });
  const units = await db.unit.findMany({ where: { id: { in: handovers.map((h) => h.toUnitId) } }, select: { id: true, code: true, name: true } });
  const roundById = new Map(rounds.map((r) => [r.id, r]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const handoverById = new Map(handovers.map((h) => [h.id, h]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  return rows.map((r) => {
    const type = r.subjectType as ReminderSubjectType;
    const round = type === 'round' ? roundById.get(r.subjectId) : undefined;
    const meeting = type === 'meeting' ? meetingById.get(r.subjectId) : undefined;
    const handover = type === 'handover' ? handoverById.get(r.subjectId) : undefined;
    return {
      id: r.id,
      subjectType: type,
      subjectId: r.subjectId,
      slot: r.slot as ReminderSlot,
      dueAt: r.dueAt,
      dueNow: r.dueAt.getTime() <= now.getTime(),
      eventAt: r.eventAt,
      kind: round?.kind ?? meeting?.kind ?? null,
      place: meeting?.place ?? null,
      toUnit: handover ? (unitById.get(handover.toUnitId) ?? null) : null,
    };
  });
}

/** A reply made of locale messages; the shape of `Reply` from `app/ports.ts` (text only). */
export interface TextReply {
  text: { key: string; args?: Record<string, string | number> }[];
}

/**
 * The whole `/reminders` reply: one line per reminder still to come, in the cluster's local
 * time, or a line saying there is none. Locale ids: `reminder-upcoming-*`.
 */
export async function upcomingReply(db: Db, clusterId: number, now: Date, timezone: string): Promise<TextReply> {
  const upcoming = await listUpcoming(db, clusterId, now);
  if (!upcoming.length) return { text: [{ key: 'reminder-upcoming-none' }] };
  const lines: TextReply['text'] = [{ key: 'reminder-upcoming-header', args: { count: upcoming.length } }];
  for (const r of upcoming) {
    const due = formatDateTime(r.dueNow ? now : r.dueAt, timezone);
    const at = formatDateTime(r.eventAt, timezone);
    if (r.subjectType === 'round') {
      lines.push({ key: r.slot === 'overdue' ? 'reminder-upcoming-overdue' : 'reminder-upcoming-round', args: { due, kind: r.kind ?? '', deadline: at } });
    } else if (r.subjectType === 'meeting') {
      lines.push({ key: 'reminder-upcoming-meeting', args: { due, kind: r.kind ?? '', at } });
    } else {
      const code = r.toUnit?.code ?? '–';
      const name = r.toUnit?.name ?? '';
      lines.push({ key: r.slot === 'h0' ? 'reminder-upcoming-rollover' : 'reminder-upcoming-handover', args: { due, code, name, at } });
    }
  }
  return { text: lines };
}

// ─── The scheduler's sweep ──────────────────────────────────────────────────────────────────
//
// The sweep's statements are raw SQL that reads the same on SQLite and PostgreSQL (quoted
// identifiers, positional parameters in each dialect). Two reasons: Prisma's `updateMany` and
// `createMany` wrap themselves in a transaction, and on SQLite a write lock held across an
// `await` stalls every other connection of the process; and Prisma's model queries cost about
// 25 ms of client-side work for an `IN` list of 500 ids, ten times the database's own work.

const int = (v: unknown) => Number(v);
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** A reminder this instance has claimed. */
export interface ClaimedReminder {
  id: number;
  clusterId: number;
  subjectType: ReminderSubjectType;
  subjectId: number;
  slot: ReminderSlot;
  dueAt: Date;
  eventAt: Date;
}

/** How to claim: who claims, at what time, how many, and when a claim counts as abandoned. */
export interface ClaimOptions {
  /** The store's database (`store.provider`): the sweep's statements are written in its dialect. */
  provider: Provider;
  now: Date;
  instanceId: string;
  limit: number;
  /** A claim older than this (its instance died mid-send) may be taken over. */
  staleMs: number;
}

/**
 * Claims due reminders for `instanceId` with one conditional update that returns exactly the
 * rows this instance won: up to `limit` pending ones whose time has come, earliest first, and
 * up to `limit` claims abandoned by a dead instance (older than `staleMs`).
 *
 * ```sql
 * UPDATE "Reminder" SET state = 'claimed', claimedBy = $me, claimedAt = $now
 *  WHERE id IN (SELECT id … state = 'pending' AND dueAt <= $now ORDER BY dueAt LIMIT n)
 *     OR id IN (SELECT id … state = 'claimed' AND claimedAt < $stale LIMIT n)
 * RETURNING …
 * ```
 *
 * A row changes hands once. SQLite runs one writing statement at a time, so the rows the
 * subqueries pick are still claimable when the update writes them. On PostgreSQL the subqueries
 * lock what they pick (`FOR UPDATE SKIP LOCKED`: instances take disjoint rows instead of
 * queueing behind each other) and the update re-checks the condition on the locked row. Both
 * subqueries walk the `(state, dueAt)` index in order: no sort of everything due, so a sweep of
 * 10,000 reminders costs the same per batch from the first to the last. An empty result means
 * nothing claimable is left for now.
 */
export async function claimDueReminders(db: Db, options: ClaimOptions): Promise<ClaimedReminder[]> {
  const { provider, now, instanceId, staleMs } = options;
  const limit = Math.max(1, Math.floor(options.limit));
  const q = new Params(provider);
  const staleBefore = new Date(now.getTime() - staleMs);
  const set = `"state" = 'claimed', "claimedBy" = ${q.p(instanceId)}, "claimedAt" = ${q.p(now)}`;
  const returning = `RETURNING "id", "clusterId", "subjectType", "subjectId", "slot", "dueAt", "eventAt"`;
  const sql =
    provider === 'postgresql'
      ? // CTEs lock what they pick; `= ANY(ARRAY(…))` lets the update find them by primary key.
        `WITH "due" AS (SELECT "id" FROM "Reminder" WHERE "state" = 'pending' AND "dueAt" <= ${q.p(now)} ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED),
              "stale" AS (SELECT "id" FROM "Reminder" WHERE "state" = 'claimed' AND "claimedAt" < ${q.p(staleBefore)} LIMIT ${limit} FOR UPDATE SKIP LOCKED)
         UPDATE "Reminder" SET ${set}
          WHERE "id" = ANY(ARRAY(SELECT "id" FROM "due" UNION ALL SELECT "id" FROM "stale"))
            AND (("state" = 'pending' AND "dueAt" <= ${q.p(now)}) OR ("state" = 'claimed' AND "claimedAt" < ${q.p(staleBefore)}))
         ${returning}`
      : `UPDATE "Reminder" SET ${set}
          WHERE "id" IN (SELECT "id" FROM "Reminder" WHERE "state" = 'pending' AND "dueAt" <= ${q.p(now)} ORDER BY "dueAt" LIMIT ${limit})
             OR "id" IN (SELECT "id" FROM "Reminder" WHERE "state" = 'claimed' AND "claimedAt" < ${q.p(staleBefore)} LIMIT ${limit})
         ${returning}`;
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...q.values);
  return rows
    .map((r) => ({
      id: int(r.id),
      clusterId: int(r.clusterId),
      subjectType: r.subjectType as ReminderSubjectType,
      subjectId: int(r.subjectId),
      slot: r.slot as ReminderSlot,
      dueAt: date(r.dueAt),
      eventAt: date(r.eventAt),
    }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
}

/** Keeps this instance's claims fresh while it works through a long batch (one statement). */
export async function refreshClaims(db: Db, provider: Provider, ids: number[], instanceId: string, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const q = new Params(provider);
  return db.$executeRawUnsafe(
    `UPDATE "Reminder" SET "claimedAt" = ${q.p(now)} WHERE "state" = 'claimed' AND "claimedBy" = ${q.p(instanceId)} AND ${q.in('"id"', ids)}`,
    ...q.values,
  );
}

/**
 * Marks claimed reminders done (`sent` or `skipped`), only while this instance still owns them
 * (one statement).
 */
export async function finishReminders(db: Db, provider: Provider, ids: number[], state: 'sent' | 'skipped', instanceId: string, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const q = new Params(provider);
  return db.$executeRawUnsafe(
    `UPDATE "Reminder" SET "state" = ${q.p(state)}, "doneAt" = ${q.p(now)} WHERE "state" = 'claimed' AND "claimedBy" = ${q.p(instanceId)} AND ${q.in('"id"', ids)}`,
    ...q.values,
  );
}

/** A cluster as the scheduler needs it. */
export interface ClusterRef {
  id: number;
  timezone: string;
  locale: string;
}

/** A chat bound to a cluster and not removed. */
export interface ChatRef {
  id: number;
  key: string;
  platform: string;
}

/** A round and the units it is waiting for (computed when the batch was loaded). */
export interface RoundView {
  id: number;
  kind: string;
  deadline: Date;
  state: RoundState;
  missing: MissingUnit[];
}

/** A meeting as reminders describe it. */
export interface MeetingView {
  id: number;
  kind: string;
  at: Date;
  place: string | null;
  state: string;
}

/** A handover as reminders describe it. */
export interface HandoverView {
  id: number;
  termId: number;
  at: Date;
  state: string;
  toUnit: UnitRef | null;
  fromUnit: UnitRef | null;
}

/** Everything a batch of claimed reminders needs, loaded with a constant number of queries. */
export interface ReminderBatch {
  clusters: Map<number, ClusterRef>;
  /** Chats by cluster id. */
  chats: Map<number, ChatRef[]>;
  rounds: Map<number, RoundView>;
  meetings: Map<number, MeetingView>;
  handovers: Map<number, HandoverView>;
  /** Ids of advance reminders with a later advance slot of the same subject also due. */
  superseded: Set<number>;
  /** `reminderId:chatId` pairs already recorded (a taken-over claim does not repeat them). */
  delivered: Set<string>;
  /** How many queries loading took: at most 5, whatever the batch's size. */
  queries: number;
}

/** The key of one reminder–chat pair in `ReminderBatch.delivered`. */
export function deliveryKey(reminderId: number, chatId: number): string {
  return `${reminderId}:${chatId}`;
}

/**
 * Loads what a claimed batch needs: its clusters with their chats and the deliveries already
 * recorded (one query), its rounds with their missing units (one query: every unit of the
 * round's cluster without a submitted sheet, or in the review phase without a confirmed one,
 * aggregated per round in SQL), its meetings, its handovers with their units, and which
 * advance reminders a later due slot supersedes. At most 5 queries whatever the batch's size
 * (3 for a batch of round reminders); none per unit or per cluster.
 */
export async function loadReminderBatch(db: Db, provider: Provider, reminders: ClaimedReminder[], now: Date): Promise<ReminderBatch> {
  const batch: ReminderBatch = {
    clusters: new Map(),
    chats: new Map(),
    rounds: new Map(),
    meetings: new Map(),
    handovers: new Map(),
    superseded: new Set(),
    delivered: new Set(),
    queries: 0,
  };
  if (!reminders.length) return batch;
  const raw = async (build: (q: Params) => string): Promise<Record<string, unknown>[]> => {
    const q = new Params(provider);
    const sql = build(q);
    batch.queries += 1;
    return db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...q.values);
  };
  const plain = (column: string) => (provider === 'sqlite' ? `+${column}` : column);
  const of = (type: ReminderSubjectType) => unique(reminders.filter((r) => r.subjectType === type).map((r) => r.subjectId));
  const roundIds = of('round');
  const meetingIds = of('meeting');
  const handoverIds = of('handover');
  const advance = reminders.filter((r) => isAdvanceSlot(r.slot));

  // 1. Each reminder's cluster, the cluster's live chats, and whether each pair is delivered.
  const fanout = await raw(
    (q) => `SELECT m."id" AS "reminderId", c."id", c."timezone", c."locale",
        h."id" AS "chatId", h."key", h."platform", d."id" AS "deliveryId"
      FROM "Reminder" m
      JOIN "Cluster" c ON c."id" = m."clusterId"
      LEFT JOIN "Chat" h ON h."clusterId" = c."id" AND h."removedAt" IS NULL
      LEFT JOIN "ReminderDelivery" d ON d."reminderId" = m."id" AND d."chatId" = h."id"
      WHERE ${q.in('m."id"', reminders.map((r) => r.id))}
      ORDER BY c."id", h."id"`,
  );
  const chatSeen = new Set<number>();
  for (const row of fanout) {
    const id = int(row.id);
    if (!batch.clusters.has(id)) batch.clusters.set(id, { id, timezone: String(row.timezone), locale: String(row.locale) });
    if (row.chatId === null || row.chatId === undefined) continue;
    const chatId = int(row.chatId);
    if (!chatSeen.has(chatId)) {
      chatSeen.add(chatId);
      push(batch.chats, id, { id: chatId, key: String(row.key), platform: String(row.platform) });
    }
    if (row.deliveryId !== null && row.deliveryId !== undefined) batch.delivered.add(deliveryKey(int(row.reminderId), chatId));
  }

  // 2. Rounds, each with its missing units as one JSON array: `[unitId, code, name, sheetState]`
  //    for every unit of the cluster without a submitted sheet (in review: a confirmed one).
  if (roundIds.length) {
    const pg = provider === 'postgresql';
    const rounds = await raw(
      (q) => `SELECT r."id", r."kind", r."deadline", r."state",
          (SELECT ${pg ? 'json_agg(json_build_array' : 'json_group_array(json_array'}(u."id", u."code", u."name", s."state"))
             FROM "Unit" u
             LEFT JOIN "Sheet" s ON s."roundId" = r."id" AND s."unitId" = u."id"
            WHERE u."clusterId" = t."clusterId" AND r."state" <> 'closed'
              AND (s."state" IS NULL OR s."state" = 'draft' OR (r."state" = 'review' AND s."state" <> 'confirmed'))) AS "missing"
        FROM "Round" r
        JOIN "Term" t ON t."id" = r."termId"
        WHERE ${q.in('r."id"', roundIds)}`,
    );
    for (const r of rounds) {
      const id = int(r.id);
      const state = r.state as RoundState;
      const items = (typeof r.missing === 'string' ? JSON.parse(r.missing) : (r.missing ?? [])) as [number, string, string, string | null][];
      const units = items.map(([unitId, code, name]) => ({ id: int(unitId), code: String(code), name: String(name) }));
      const sheets = new Map(items.filter((i) => i[3] !== null).map(([unitId, , , sheet]) => [int(unitId), sheet as SheetState]));
      batch.rounds.set(id, { id, kind: String(r.kind), deadline: date(r.deadline), state, missing: missingUnits(state, units, sheets) });
    }
  }

  if (meetingIds.length) {
    const meetings = await raw((q) => `SELECT "id", "kind", "at", "place", "state" FROM "Meeting" WHERE ${q.in('"id"', meetingIds)}`);
    for (const m of meetings) {
      const id = int(m.id);
      batch.meetings.set(id, { id, kind: String(m.kind), at: date(m.at), place: m.place === null || m.place === undefined ? null : String(m.place), state: String(m.state) });
    }
  }

  if (handoverIds.length) {
    const handovers = await raw(
      (q) => `SELECT h."id", h."termId", h."at", h."state",
          tu."id" AS "toId", tu."code" AS "toCode", tu."name" AS "toName",
          fu."id" AS "fromId", fu."code" AS "fromCode", fu."name" AS "fromName"
        FROM "Handover" h
        LEFT JOIN "Unit" tu ON tu."id" = h."toUnitId"
        LEFT JOIN "Unit" fu ON fu."id" = h."fromUnitId"
        WHERE ${q.in('h."id"', handoverIds)}`,
    );
    const unit = (id: unknown, code: unknown, name: unknown): UnitRef | null => (id === null || id === undefined ? null : { id: int(id), code: String(code), name: String(name) });
    for (const h of handovers) {
      const id = int(h.id);
      batch.handovers.set(id, {
        id,
        termId: int(h.termId),
        at: date(h.at),
        state: String(h.state),
        toUnit: unit(h.toId, h.toCode, h.toName),
        fromUnit: unit(h.fromId, h.fromCode, h.fromName),
      });
    }
  }

  // 5. Advance reminders superseded by a later advance slot of the same subject and event
  //    that is due as well (only the latest goes out); usually no rows.
  if (advance.length) {
    const superseded = await raw(
      // On SQLite a unary `+` keeps the planner off the (state, dueAt) index for b, which it
      // would otherwise scan once per row of a; b is found by (subjectType, subjectId).
      (q) => `SELECT DISTINCT a."id" FROM "Reminder" a
        JOIN "Reminder" b ON b."subjectType" = a."subjectType" AND b."subjectId" = a."subjectId" AND b."eventAt" = a."eventAt"
          AND b."id" <> a."id" AND ${plain('b."state"')} IN ('pending', 'claimed', 'sent') AND ${plain('b."dueAt"')} <= ${q.p(now)}
          AND b."slot" IN (${q.list(ADVANCE_SLOTS)})
          AND (b."dueAt" > a."dueAt" OR (b."dueAt" = a."dueAt" AND b."id" > a."id"))
        WHERE ${q.in('a."id"', advance.map((r) => r.id))}`,
    );
    for (const row of superseded) batch.superseded.add(int(row.id));
  }
  return batch;
}

/**
 * Records one delivery (or failure) of a reminder to a chat, right after the attempt. Returns
 * false when the pair was already recorded (the unique key on reminder and chat holds). One
 * `INSERT … ON CONFLICT DO NOTHING` statement.
 */
export async function recordDelivery(
  db: Db,
  provider: Provider,
  delivery: { reminderId: number; chatId: number; state: 'sent' | 'failed'; error?: string; at: Date },
): Promise<boolean> {
  const q = new Params(provider);
  const count = await db.$executeRawUnsafe(
    `INSERT INTO "ReminderDelivery" ("reminderId", "chatId", "state", "error", "createdAt")
      VALUES (${q.list([delivery.reminderId, delivery.chatId, delivery.state, delivery.error ?? null, delivery.at])})
      ON CONFLICT ("reminderId", "chatId") DO NOTHING`,
    ...q.values,
  );
  return count === 1;
}

/** Marks a chat removed (the bot was kicked, the chat is gone): reminders stop going there. */
export async function markChatRemoved(db: Db, provider: Provider, chatId: number, at: Date): Promise<void> {
  const q = new Params(provider);
  await db.$executeRawUnsafe(`UPDATE "Chat" SET "removedAt" = ${q.p(at)}, "updatedAt" = ${q.p(at)} WHERE "id" = ${q.p(chatId)} AND "removedAt" IS NULL`, ...q.values);
}

/** What the year's rollover at a handover did. */
export interface Rollover {
  /** True when this call marked the handover done (false: it already was, or was cancelled). */
  rolled: boolean;
  /** The handover's state after the call. */
  state: string;
  /** The year closed by this rollover, if its term was still open. */
  closedYear: number | null;
}

/**
 * The handover's moment (slot `h0`): marks the handover done (so its receiving unit is on
 * record as the new leader; the next `/term` takes its leader from the latest done handover),
 * closes the handover's term if it is still open, and audits both. Run it in a transaction.
 */
export async function rollOverHandover(db: Db, provider: Provider, handoverId: number, clusterId: number, now: Date): Promise<Rollover> {
  const { count } = await db.handover.updateMany({ where: { id: handoverId, state: 'scheduled' }, data: { state: 'done', doneAt: now } });
  const handover = await db.handover.findUnique({ where: { id: handoverId }, include: { term: true } });
  if (!handover) return { rolled: false, state: 'missing', closedYear: null };
  if (count === 0) return { rolled: false, state: handover.state, closedYear: handover.term.state === 'closed' ? handover.term.year : null };
  await writeAudit({ db, provider, now }, {
    clusterId,
    actorId: null,
    action: 'handover.done',
    subjectType: 'handover',
    subjectId: handoverId,
    before: { state: 'scheduled' },
    after: { state: 'done', toUnitId: handover.toUnitId, fromUnitId: handover.fromUnitId, doneAt: now },
  });
  let closedYear: number | null = null;
  const closed = await db.term.updateMany({ where: { id: handover.termId, state: 'open' }, data: { state: 'closed', closedAt: now } });
  if (closed.count === 1) {
    closedYear = handover.term.year;
    await writeAudit({ db, provider, now }, {
      clusterId,
      actorId: null,
      action: 'term.close',
      subjectType: 'term',
      subjectId: handover.termId,
      before: { state: 'open' },
      after: { state: 'closed', closedAt: now, reason: 'handover', newLeaderUnitId: handover.toUnitId },
    });
  }
  return { rolled: true, state: 'done', closedYear };
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
