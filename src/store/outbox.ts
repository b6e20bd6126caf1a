import type { Reply } from '../reply.js';
import { dialectOf, type Tx } from './tx.js';
import { Params, rawQuery, rawExecute } from './sql.js';
import { freeChats, type LeaseOptions } from './inbox.js';

/**
 * The durable outbox: what a command answers (its replies and its notices to other chats) is
 * written here in the command's own transaction, so a change is never committed without its
 * answer; a sender delivers the rows afterwards and marks each sent right after the platform
 * accepted it. Rows are leased like the inbox's: a row written by a worker is leased to it from
 * the start (it sends at once), and a row whose lease ran out is taken over by any instance.
 */

/** One message to deliver. */
export interface OutboxInput {
  chatKey: string;
  locale: string;
  reply: Reply;
  /** Deliver privately to this person (platform key) instead of the chat. */
  privateTo?: string;
  /** Where in the chat it goes, in the platform's own terms (opaque JSON text). */
  placement?: string;
  kind: 'reply' | 'notice';
}

/** A row as the sender reads it back. */
export interface OutboxItem extends OutboxInput {
  id: number;
  platform: string;
  attempts: number;
}

/**
 * A reply as JSON: file and picture bytes become `{ "$base64": "…" }`, everything else is plain
 * data already (messages, tables, buttons).
 */
export function encodeReply(reply: Reply): string {
  return JSON.stringify(reply, (_key, value: unknown) =>
    value instanceof Uint8Array ? { $base64: Buffer.from(value).toString('base64') } : value,
  );
}

/** The inverse of `encodeReply`. */
export function decodeReply(text: string): Reply {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && typeof (value as { $base64?: unknown }).$base64 === 'string') {
      return new Uint8Array(Buffer.from((value as { $base64: string }).$base64, 'base64'));
    }
    return value;
  }) as Reply;
}

/** The platform of a platform-prefixed key (`telegram:-100…` → `telegram`). */
export function platformOf(key: string): string {
  return key.split(':')[0]!;
}

/**
 * Writes messages (in order) leased to `lease.owner` until `lease.until`, inside the caller's
 * transaction; returns their ids in the same order. One statement.
 */
export async function insertOutbox(
  conn: Tx,
  items: readonly OutboxInput[],
  lease: { owner: string; until: Date; now: Date },
): Promise<number[]> {
  if (!items.length) return [];
  const q = new Params(conn);
  const until = lease.until;
  const values = items
    .map(
      (m) =>
        `(${q.list([platformOf(m.chatKey), m.chatKey, m.locale, encodeReply(m.reply), m.privateTo ?? null, m.placement ?? null, m.kind, lease.owner, until, lease.now])}, 'pending', 0)`,
    )
    .join(', ');
  const rows = await rawQuery<{ id: unknown }[]>(
    conn,
    `INSERT INTO "OutboxMessage" ("platform", "chatKey", "locale", "reply", "privateTo", "placement", "kind", "leaseOwner", "leaseUntil", "createdAt", "state", "attempts")
     VALUES ${values} RETURNING "id"`,
    ...q.values,
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

const COLUMNS = `"id", "platform", "chatKey", "locale", "reply", "privateTo", "placement", "kind", "attempts"`;

function item(r: Record<string, unknown>): OutboxItem {
  return {
    id: Number(r.id),
    platform: String(r.platform),
    chatKey: String(r.chatKey),
    locale: String(r.locale),
    reply: decodeReply(String(r.reply)),
    privateTo: r.privateTo === null ? undefined : String(r.privateTo),
    placement: r.placement === null ? undefined : String(r.placement),
    kind: r.kind === 'notice' ? 'notice' : 'reply',
    attempts: Number(r.attempts),
  };
}

/**
 * Claims up to `limit` pending rows of the given platforms whose lease ran out (or never had
 * one), oldest first, from chats with no live lease, so a chat's messages go out in order. On
 * PostgreSQL under an advisory lock (as the inbox's claim); wrap the call in a transaction.
 */
export async function claimOutbox(conn: Tx, platforms: readonly string[], limit: number, lease: LeaseOptions): Promise<OutboxItem[]> {
  if (!platforms.length) return [];
  if (dialectOf(conn) === 'postgresql') await rawExecute(conn, `SELECT pg_advisory_xact_lock(72510902)`);
  const q = new Params(conn);
  const until = new Date(lease.now.getTime() + lease.leaseMs);
  const set = `"leaseOwner" = ${q.p(lease.owner)}, "leaseUntil" = ${q.p(until)}`;
  const platformList = platforms.map((p) => q.p(p)).join(', ');
  const rows = await rawQuery<Record<string, unknown>[]>(
    conn,
    `UPDATE "OutboxMessage" SET ${set}
      WHERE "id" IN (
        SELECT m."id" FROM "OutboxMessage" m
         WHERE m."state" = 'pending' AND m."platform" IN (${platformList})
           AND m."chatKey" IN (${freeChats('OutboxMessage', q.p(lease.now))})
         ORDER BY m."id" LIMIT ${Math.max(1, Math.floor(limit))})
      RETURNING ${COLUMNS}`,
    ...q.values,
  );
  return rows.map(item).sort((a, b) => a.id - b.id);
}

/** Marks one row sent (only while this worker holds it). One statement. */
export async function markOutboxSent(conn: Tx, id: number, owner: string, now: Date): Promise<number> {
  const q = new Params(conn);
  return rawExecute(
    conn,
    `UPDATE "OutboxMessage" SET "state" = 'sent', "sentAt" = ${q.p(now)}, "leaseOwner" = NULL, "leaseUntil" = NULL WHERE "id" = ${q.p(id)} AND "state" = 'pending' AND "leaseOwner" = ${q.p(owner)}`,
    ...q.values,
  );
}

/**
 * A failed delivery: `failed` for good (the chat is gone, or too many attempts), or pending
 * again, leased until `retryAt` so the chat's later messages wait behind it.
 */
export async function markOutboxFailed(
  conn: Tx,
  id: number,
  owner: string,
  error: string,
  outcome: { final: true; now: Date } | { final: false; retryAt: Date },
): Promise<number> {
  const q = new Params(conn);
  const set = outcome.final
    ? `"state" = 'failed', "sentAt" = ${q.p(outcome.now)}, "leaseOwner" = NULL, "leaseUntil" = NULL`
    : `"leaseUntil" = ${q.p(outcome.retryAt)}`;
  return rawExecute(
    conn,
    `UPDATE "OutboxMessage" SET ${set}, "attempts" = "attempts" + 1, "error" = ${q.p(error.slice(0, 500))} WHERE "id" = ${q.p(id)} AND "state" = 'pending' AND "leaseOwner" = ${q.p(owner)}`,
    ...q.values,
  );
}

/** At start: this instance's leases from before its restart are free again at once. */
export async function releaseOwnOutbox(conn: Tx, owner: string): Promise<number> {
  const q = new Params(conn);
  return rawExecute(
    conn,
    `UPDATE "OutboxMessage" SET "leaseUntil" = NULL WHERE "state" = 'pending' AND "leaseOwner" = ${q.p(owner)}`,
    ...q.values,
  );
}

/** Deletes delivered rows older than `before`. */
export async function pruneOutbox(conn: Tx, before: Date): Promise<number> {
  const q = new Params(conn);
  return rawExecute(conn, `DELETE FROM "OutboxMessage" WHERE "state" IN ('sent', 'failed') AND "sentAt" < ${q.p(before)}`, ...q.values);
}
