import { parseReminderSlot, parseReminderSubject } from '../domain/states.js';
import type { ReminderSlot, ReminderSubjectType } from '../domain/reminders.js';
import { Params, rawQuery, rawExecute } from './sql.js';
import { dialectOf, type Tx } from './tx.js';

/**
 * Reminder claims as leases. An instance claims a small batch of due reminders; the claim is a
 * lease that lasts `leaseMs` from its last renewal (`claimedAt` holds that moment), the sender
 * renews it while it works, and once it has lapsed (the instance died mid-send) any instance
 * takes the rest over. Every statement is one raw `UPDATE` in the handle's dialect: Prisma's
 * `updateMany` wraps itself in a transaction, and on SQLite a write lock held across an
 * `await` stalls every other connection of the process.
 */

const int = (v: unknown) => Number(v);
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** A reminder this instance holds the lease of. */
export interface ClaimedReminder {
  id: number;
  clusterId: number;
  subjectType: ReminderSubjectType;
  subjectId: number;
  slot: ReminderSlot;
  dueAt: Date;
  eventAt: Date;
}

/** How to claim: who claims, how many, and how long a lease lasts without renewal. */
export interface ClaimOptions {
  instanceId: string;
  /** Reminders due now taken at most, and lapsed leases taken over at most. */
  limit: number;
  /** A lease not renewed for this long has lapsed and may be taken over. */
  leaseMs: number;
  /** Take over lapsed leases only, leaving reminders that fell due to the scheduled tick. */
  lapsedOnly?: boolean;
}

/**
 * Claims reminders for `instanceId` at the handle's `now` with one conditional update that
 * returns exactly the rows this instance won: up to `limit` pending ones whose time has come,
 * earliest first, and up to `limit` whose lease has lapsed (`claimedAt + leaseMs <= now`).
 *
 * ```sql
 * UPDATE "Reminder" SET state = 'claimed', claimedBy = $me, claimedAt = $now
 *  WHERE id IN (SELECT id … state = 'pending' AND dueAt <= $now ORDER BY dueAt LIMIT n)
 *     OR id IN (SELECT id … state = 'claimed' AND claimedAt <= $now - lease LIMIT n)
 * RETURNING …
 * ```
 *
 * A row changes hands once per lease. SQLite runs one writing statement at a time, so the rows
 * the subqueries pick are still claimable when the update writes them. On PostgreSQL the
 * subqueries lock what they pick (`FOR UPDATE SKIP LOCKED`: instances take disjoint rows
 * instead of queueing behind each other) and the update re-checks the condition on the locked
 * row. Both subqueries walk the `(state, dueAt)` index in order: no sort of everything due, so
 * a sweep of 10,000 reminders costs the same per batch from the first to the last. An empty
 * result means nothing claimable is left for now.
 */
export async function claimDueReminders(tx: Tx, options: ClaimOptions): Promise<ClaimedReminder[]> {
  const { instanceId, leaseMs, lapsedOnly = false } = options;
  const { now } = tx;
  const limit = Math.max(1, Math.floor(options.limit));
  const q = new Params(tx);
  const lapsedAt = new Date(now.getTime() - leaseMs);
  const set = `"state" = 'claimed', "claimedBy" = ${q.p(instanceId)}, "claimedAt" = ${q.p(now)}`;
  const returning = `RETURNING "id", "clusterId", "subjectType", "subjectId", "slot", "dueAt", "eventAt"`;
  const due = lapsedOnly ? 'FALSE' : `"state" = 'pending' AND "dueAt" <= ${q.p(now)}`;
  const lapsed = `"state" = 'claimed' AND "claimedAt" <= ${q.p(lapsedAt)}`;
  const sql =
    dialectOf(tx) === 'postgresql'
      ? // CTEs lock what they pick; `= ANY(ARRAY(…))` lets the update find them by primary key.
        `WITH "due" AS (SELECT "id" FROM "Reminder" WHERE ${due} ORDER BY "dueAt" LIMIT ${limit} FOR UPDATE SKIP LOCKED),
              "lapsed" AS (SELECT "id" FROM "Reminder" WHERE ${lapsed} LIMIT ${limit} FOR UPDATE SKIP LOCKED)
         UPDATE "Reminder" SET ${set}
          WHERE "id" = ANY(ARRAY(SELECT "id" FROM "due" UNION ALL SELECT "id" FROM "lapsed"))
            AND ((${due}) OR (${lapsed}))
         ${returning}`
      : `UPDATE "Reminder" SET ${set}
          WHERE "id" IN (SELECT "id" FROM "Reminder" WHERE ${due} ORDER BY "dueAt" LIMIT ${limit})
             OR "id" IN (SELECT "id" FROM "Reminder" WHERE ${lapsed} LIMIT ${limit})
         ${returning}`;
  const rows = await rawQuery<Record<string, unknown>[]>(tx, sql, ...q.values);
  return rows
    .map((r) => ({
      id: int(r.id),
      clusterId: int(r.clusterId),
      subjectType: parseReminderSubject(String(r.subjectType)),
      subjectId: int(r.subjectId),
      slot: parseReminderSlot(String(r.slot)),
      dueAt: date(r.dueAt),
      eventAt: date(r.eventAt),
    }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
}

/**
 * Renews this instance's leases on `ids` at the handle's `now` and returns the ids it still
 * holds: a lease that lapsed and was taken over is lost, and its reminder is the new holder's
 * to finish (one statement).
 */
export async function renewLeases(tx: Tx, options: { ids: number[]; instanceId: string }): Promise<Set<number>> {
  if (!options.ids.length) return new Set();
  const q = new Params(tx);
  const rows = await rawQuery<Record<string, unknown>[]>(
    tx,
    `UPDATE "Reminder" SET "claimedAt" = ${q.p(tx.now)}
      WHERE "state" = 'claimed' AND "claimedBy" = ${q.p(options.instanceId)} AND ${q.in('"id"', options.ids)}
      RETURNING "id"`,
    ...q.values,
  );
  return new Set(rows.map((r) => int(r.id)));
}

/**
 * Marks claimed reminders done (`sent` or `skipped`) at the handle's `now`, only while this
 * instance still holds their lease (one statement).
 */
export async function finishReminders(tx: Tx, options: { ids: number[]; state: 'sent' | 'skipped'; instanceId: string }): Promise<number> {
  if (!options.ids.length) return 0;
  const q = new Params(tx);
  return rawExecute(
    tx,
    `UPDATE "Reminder" SET "state" = ${q.p(options.state)}, "doneAt" = ${q.p(tx.now)}
      WHERE "state" = 'claimed' AND "claimedBy" = ${q.p(options.instanceId)} AND ${q.in('"id"', options.ids)}`,
    ...q.values,
  );
}
