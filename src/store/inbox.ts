import { dialectOf, type Tx } from './tx.js';
import { Params, rawQuery, rawExecute } from './sql.js';

/**
 * The durable inbox: every platform update is written here (raw, with its platform key) before
 * the platform is told it was received, then handled by whichever instance claims it. Claims are
 * leases: a worker that dies simply lets its lease run out, and any instance takes the rows over.
 * A chat's rows are claimed only while no row of that chat is leased by anyone, and always as a
 * prefix of its pending rows, so the updates of one chat are handled in order, by one worker at a
 * time, while other chats go on in parallel. Raw SQL: this is the path of every message.
 */

/** One update as a platform handed it over. */
export interface InboxInput {
  /** Platform-prefixed update id (`telegram:123`), the same key as the processed-update ledger. */
  key: string;
  platform: string;
  chatKey: string;
  /** The update as JSON text. */
  payload: string;
}

/** A row this worker holds a lease on. */
export interface ClaimedUpdate {
  id: number;
  key: string;
  platform: string;
  chatKey: string;
  payload: string;
  attempts: number;
}

/** Who claims, when, for how long. */
export interface LeaseOptions {
  owner: string;
  now: Date;
  leaseMs: number;
}

const int = (value: unknown): number => Number(value);

/**
 * Stores a batch of updates in one statement; an update already stored (the platform delivered it
 * again) is skipped. Returns how many rows were new. Run it in a transaction with nothing else
 * when the batch must be all or nothing (it is one statement, so it is anyway).
 */
export async function insertInbox(conn: Tx, rows: readonly InboxInput[], now: Date): Promise<number> {
  if (!rows.length) return 0;
  const q = new Params(conn);
  const values = rows.map((r) => `(${q.list([r.key, r.platform, r.chatKey, r.payload, now])}, 'pending', 0)`).join(', ');
  return rawExecute(
    conn,
    `INSERT INTO "InboxUpdate" ("key", "platform", "chatKey", "payload", "receivedAt", "state", "attempts") VALUES ${values} ON CONFLICT ("key") DO NOTHING`,
    ...q.values,
  );
}

/**
 * Claims up to `limit` pending rows of the given platforms, oldest first, from chats in which no
 * row is leased now (by anyone: a chat this worker is busy with is skipped too). On PostgreSQL the
 * claim takes a transaction-level advisory lock first, so two concurrent claims cannot split one
 * chat between two workers; SQLite serialises writers by itself. Wrap the call in a transaction.
 */
export async function claimInbox(conn: Tx, platforms: readonly string[], limit: number, lease: LeaseOptions): Promise<ClaimedUpdate[]> {
  if (!platforms.length) return [];
  if (dialectOf(conn) === 'postgresql') await rawExecute(conn, `SELECT pg_advisory_xact_lock(72510901)`);
  const q = new Params(conn);
  const until = new Date(lease.now.getTime() + lease.leaseMs);
  const set = `"leaseOwner" = ${q.p(lease.owner)}, "leaseUntil" = ${q.p(until)}, "attempts" = "attempts" + 1`;
  const now = lease.now;
  const platformList = platforms.map((p) => q.p(p)).join(', ');
  const rows = await rawQuery<Record<string, unknown>[]>(
    conn,
    `UPDATE "InboxUpdate" SET ${set}
      WHERE "id" IN (
        SELECT i."id" FROM "InboxUpdate" i
         WHERE i."state" = 'pending' AND i."platform" IN (${platformList})
           AND i."chatKey" IN (${freeChats('InboxUpdate', q.p(now))})
         ORDER BY i."id" LIMIT ${Math.max(1, Math.floor(limit))})
      RETURNING "id", "key", "platform", "chatKey", "payload", "attempts"`,
    ...q.values,
  );
  return rows
    .map((r) => ({
      id: int(r.id),
      key: String(r.key),
      platform: String(r.platform),
      chatKey: String(r.chatKey),
      payload: String(r.payload),
      attempts: int(r.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * The chats of `table` with pending rows and no live lease: one pass over the pending rows
 * (grouped on the state-and-chat index), so a claim costs the same however long a busy chat's
 * backlog is. Shared with the outbox's claim.
 */
export function freeChats(table: 'InboxUpdate' | 'OutboxMessage', now: string): string {
  return `SELECT "chatKey" FROM "${table}" WHERE "state" = 'pending' GROUP BY "chatKey" HAVING MAX(CASE WHEN "leaseUntil" > ${now} THEN 1 ELSE 0 END) = 0`;
}

/**
 * Takes the next rows of a chat this worker is working on (its lease on the chat's current row
 * keeps every other worker out of the chat): new rows the chat received meanwhile, in order.
 */
export async function claimMoreInbox(conn: Tx, chatKey: string, limit: number, lease: LeaseOptions): Promise<ClaimedUpdate[]> {
  const q = new Params(conn);
  const until = new Date(lease.now.getTime() + lease.leaseMs);
  const set = `"leaseOwner" = ${q.p(lease.owner)}, "leaseUntil" = ${q.p(until)}, "attempts" = "attempts" + 1`;
  const rows = await rawQuery<Record<string, unknown>[]>(
    conn,
    `UPDATE "InboxUpdate" SET ${set}
      WHERE "id" IN (
        SELECT "id" FROM "InboxUpdate" WHERE "state" = 'pending' AND "chatKey" = ${q.p(chatKey)} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${q.p(lease.now)})
         ORDER BY "id" LIMIT ${Math.max(1, Math.floor(limit))})
      RETURNING "id", "key", "platform", "chatKey", "payload", "attempts"`,
    ...q.values,
  );
  return rows
    .map((r) => ({
      id: int(r.id),
      key: String(r.key),
      platform: String(r.platform),
      chatKey: String(r.chatKey),
      payload: String(r.payload),
      attempts: int(r.attempts),
    }))
    .sort((a, b) => a.id - b.id);
}

/** Extends this worker's leases on rows it is still working through (one statement). */
export async function renewInbox(conn: Tx, ids: readonly number[], lease: LeaseOptions): Promise<number> {
  if (!ids.length) return 0;
  const q = new Params(conn);
  const until = new Date(lease.now.getTime() + lease.leaseMs);
  return rawExecute(
    conn,
    `UPDATE "InboxUpdate" SET "leaseUntil" = ${q.p(until)} WHERE "state" = 'pending' AND "leaseOwner" = ${q.p(lease.owner)} AND ${q.in('"id"', ids)}`,
    ...q.values,
  );
}

/**
 * Ends this worker's lease on rows: `done` (handled), `failed` (given up on), or `pending` again
 * with the lease kept until `retryAt` (the chat waits, so its order holds).
 */
export async function settleInbox(
  conn: Tx,
  ids: readonly number[],
  owner: string,
  outcome: { state: 'done' | 'failed'; now: Date } | { state: 'pending'; retryAt: Date },
): Promise<number> {
  if (!ids.length) return 0;
  const q = new Params(conn);
  const set =
    outcome.state === 'pending'
      ? `"leaseUntil" = ${q.p(outcome.retryAt)}`
      : // A settled row keeps its key and state but not what was said: a `/vote` must not stay
        // readable in the store after it was counted (the ballot's secrecy, README).
        `"state" = ${q.p(outcome.state)}, "doneAt" = ${q.p(outcome.now)}, "leaseOwner" = NULL, "leaseUntil" = NULL, "payload" = ''`;
  return rawExecute(
    conn,
    `UPDATE "InboxUpdate" SET ${set} WHERE "state" = 'pending' AND "leaseOwner" = ${q.p(owner)} AND ${q.in('"id"', ids)}`,
    ...q.values,
  );
}

/** At start: leases this instance held before it restarted are free again at once. */
export async function releaseOwnInbox(conn: Tx, owner: string): Promise<number> {
  const q = new Params(conn);
  return rawExecute(
    conn,
    `UPDATE "InboxUpdate" SET "leaseUntil" = NULL WHERE "state" = 'pending' AND "leaseOwner" = ${q.p(owner)}`,
    ...q.values,
  );
}

/** Deletes handled rows older than `before` (the ledger still remembers their keys). */
export async function pruneInbox(conn: Tx, before: Date): Promise<number> {
  const q = new Params(conn);
  return rawExecute(conn, `DELETE FROM "InboxUpdate" WHERE "state" IN ('done', 'failed') AND "doneAt" < ${q.p(before)}`, ...q.values);
}

/** Rows not yet handled (health checks, tests). */
export async function pendingInbox(conn: Tx): Promise<number> {
  const rows = await rawQuery<{ n: unknown }[]>(conn, `SELECT COUNT(*) AS "n" FROM "InboxUpdate" WHERE "state" = 'pending'`);
  return int(rows[0]?.n ?? 0);
}
