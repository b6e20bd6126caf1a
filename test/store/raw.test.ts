import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertInbox } from '../../src/store/inbox.js';
import { rawExecute, rawQuery } from '../../src/store/sql.js';
import type { Store } from '../../src/store/store.js';
import { freshSqliteStore } from '../support/store.js';

/**
 * The store's raw SQL on SQLite runs on Prisma's own connection, not through Prisma's client
 * (`src/store/raw.ts`). These tests hold it to what Prisma's `$queryRawUnsafe` returns, value
 * for value and type for type, and show that it runs inside the transaction Prisma has open.
 */
describe('raw SQL on the SQLite connection', () => {
  let store: Store;
  let close: () => Promise<void>;
  const now = new Date('2026-12-01T05:06:07.089Z');
  beforeAll(async () => {
    ({ store, close } = await freshSqliteStore());
    await store.db.$executeRawUnsafe('CREATE TABLE "Kinds" (i INTEGER, b BOOLEAN, d DATETIME, r REAL, s TEXT, x BLOB, bi BIGINT)');
    await store.db.$executeRawUnsafe('CREATE UNIQUE INDEX "KindsS" ON "Kinds"(s)');
  });
  afterAll(async () => close?.());

  it('writes what Prisma writes and reads back what Prisma reads, types included', async () => {
    const handle = store.handle(now);
    const row = [5, true, now, 1.5, 'Bạc Liêu', Buffer.from([1, 2]), 9n];
    expect(await rawExecute(handle, 'INSERT INTO "Kinds" VALUES (?, ?, ?, ?, ?, ?, ?)', ...row)).toBe(1);
    await store.db.$executeRawUnsafe('INSERT INTO "Kinds" VALUES (?, ?, ?, ?, ?, ?, ?)', 6, false, now, 2.25, 'Cà Mau', null, null);
    await rawExecute(handle, 'INSERT INTO "Kinds" VALUES (?, ?, ?, ?, ?, ?, ?)', null, null, undefined, null, 'trống', null, null);
    const queries = [
      'SELECT * FROM "Kinds" ORDER BY s',
      'SELECT COUNT(*) AS n, MAX(d) AS latest, SUM(r) AS total, MIN(i) + 0.5 AS half, NULL AS "none" FROM "Kinds"',
      'SELECT i, b, d FROM "Kinds" WHERE d = ? AND b = ?',
    ];
    for (const sql of queries) {
      const args = sql.includes('?') ? [now, true] : [];
      const direct = await rawQuery<Record<string, unknown>[]>(handle, sql, ...args);
      const prisma = await store.db.$queryRawUnsafe<Record<string, unknown>[]>(sql, ...args);
      expect(direct, sql).toEqual(prisma);
      for (const [i, record] of direct.entries()) {
        for (const [key, value] of Object.entries(record)) {
          const theirs = prisma[i]![key];
          expect(Object.prototype.toString.call(value), `${sql}: ${key}`).toBe(Object.prototype.toString.call(theirs));
        }
      }
    }
    expect((await rawQuery<{ d: Date }[]>(handle, 'SELECT d FROM "Kinds" WHERE s = ?', 'Bạc Liêu'))[0]!.d).toEqual(now);
  });

  it('runs inside the transaction Prisma has open: rolled back with it, committed with it', async () => {
    await expect(
      store.tx(now, async (tx) => {
        await rawExecute(tx, 'INSERT INTO "Kinds" (s) VALUES (?)', 'rolled back');
        expect(await rawQuery<unknown[]>(tx, 'SELECT s FROM "Kinds" WHERE s = ?', 'rolled back')).toHaveLength(1);
        throw new Error('the command failed');
      }),
    ).rejects.toThrow('the command failed');
    expect(await store.db.$queryRawUnsafe<unknown[]>('SELECT s FROM "Kinds" WHERE s = ?', 'rolled back')).toHaveLength(0);
    await store.tx(now, (tx) => rawExecute(tx, 'INSERT INTO "Kinds" (s) VALUES (?)', 'kept'));
    expect(await store.db.$queryRawUnsafe<unknown[]>('SELECT s FROM "Kinds" WHERE s = ?', 'kept')).toHaveLength(1);
  });

  it('reports a broken constraint as an error and changes nothing', async () => {
    const handle = store.handle(now);
    const before = await rawQuery<{ n: bigint }[]>(handle, 'SELECT COUNT(*) AS n FROM "Kinds"');
    await expect(rawExecute(handle, 'INSERT INTO "Kinds" (s) VALUES (?)', 'kept')).rejects.toThrow(/UNIQUE/);
    expect(await rawQuery<{ n: bigint }[]>(handle, 'SELECT COUNT(*) AS n FROM "Kinds"')).toEqual(before);
  });
});

/**
 * On SQLite every statement shares one connection. A statement issued outside a command while a
 * command's transaction is open on it would join that transaction: lost if the command rolls
 * back, not durable until it commits (an inbox row acknowledged to the platform in between
 * would be gone after a crash). Outside statements wait for the open transaction instead.
 */
describe('statements outside a transaction on SQLite', () => {
  let store: Store;
  let close: () => Promise<void>;
  const now = new Date('2026-12-01T05:06:07.089Z');
  beforeAll(async () => {
    ({ store, close } = await freshSqliteStore());
  });
  afterAll(async () => close?.());

  it('never join a command that is open meanwhile: an inbox row stored during a command that fails is kept', async () => {
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let began!: () => void;
    const open = new Promise<void>((resolve) => (began = resolve));
    const command = store.tx(now, async (tx) => {
      await rawExecute(tx, 'INSERT INTO "ProcessedUpdate" ("key", "processedAt") VALUES (?, ?)', 'failing-command', now);
      began();
      await paused;
      throw new Error('the command failed');
    });
    await open;
    const stored = insertInbox(
      store.handle(now),
      [{ key: 'telegram:1', platform: 'telegram', chatKey: 'telegram:-100', payload: '{}' }],
      now,
    );
    release();
    await expect(command).rejects.toThrow('the command failed');
    expect(await stored).toBe(1);
    const rows = await rawQuery<{ key: string }[]>(store.handle(now), 'SELECT "key" FROM "InboxUpdate"');
    expect(rows.map((r) => r.key)).toEqual(['telegram:1']);
    expect(await rawQuery<unknown[]>(store.handle(now), 'SELECT * FROM "ProcessedUpdate" WHERE "key" = ?', 'failing-command')).toHaveLength(
      0,
    );
  });
});
