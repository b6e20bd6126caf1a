import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import type { Db } from './client.js';

/**
 * Runs the store's hand-written SQL (`sql.ts`, `context-reads.ts`, the inbox, the outbox, the
 * reminders' sweep). It exists because Prisma 6.19's client costs about 130 µs per raw
 * statement on top of the database (its request pipeline runs even for raw SQL), which is
 * most of a `/score` message's time; on SQLite the same statements can run on Prisma's own
 * connection directly, in the transaction Prisma has open on it, for a few microseconds.
 */
export interface RawSql {
  /** The rows of a statement that returns some, typed as Prisma's `$queryRawUnsafe` types them. */
  query<T>(sql: string, values: readonly unknown[]): Promise<T>;
  /** The number of rows a statement changed, as `$executeRawUnsafe` counts them. */
  execute(sql: string, values: readonly unknown[]): Promise<number>;
}

/** Raw SQL through Prisma's client (PostgreSQL, and any handle the store did not open). */
export function prismaRaw(db: Db): RawSql {
  return {
    query: <T>(sql: string, values: readonly unknown[]) => db.$queryRawUnsafe<T>(sql, ...values),
    execute: (sql: string, values: readonly unknown[]) => db.$executeRawUnsafe(sql, ...values),
  };
}

/** Thrown when a transaction is begun inside another on SQLite, where it could only wait for itself. */
export class NestedTransactionError extends Error {
  constructor() {
    super('a store transaction was begun inside another one; SQLite has one connection, so it would wait for itself forever');
    this.name = 'NestedTransactionError';
  }
}

/**
 * One transaction at a time on SQLite's single connection, and statements from outside any
 * transaction wait until none is open. Without it, a statement issued while some command's
 * transaction is open (between two of its awaits) would run inside that transaction: undone if
 * the command rolls back, and not on disk until it commits, so an inbox row acknowledged to the
 * platform in between could vanish.
 */
export class SqliteGate {
  private tail: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private readonly inside = new AsyncLocalStorage<true>();

  /** Runs `work` (a transaction) alone: after the ones before it, with no outside statement meanwhile. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.inside.getStore()) return Promise.reject(new NestedTransactionError());
    this.queued += 1;
    const run = this.tail.then(() => this.inside.run(true, work));
    this.tail = run.then(
      () => (this.queued -= 1),
      () => (this.queued -= 1),
    );
    return run;
  }

  /** Runs a statement from outside a transaction: at once when none is open or waiting, else in its turn. */
  outside<T>(statement: () => Promise<T>): Promise<T> {
    if (this.queued === 0 || this.inside.getStore()) return statement();
    return this.exclusive(statement);
  }
}

/** How many prepared statements a connection keeps (the store writes a few dozen distinct ones). */
const CACHED_STATEMENTS = 500;

/** A prepared statement and how its columns are typed, kept between messages. */
interface Prepared {
  statement: Database.Statement;
  /** Per column: how a value read from it is turned into what Prisma would have returned. */
  convert: ((value: unknown) => unknown)[] | null;
  names: string[];
}

/** SQLite's declared column types, as Prisma's better-sqlite3 adapter reads them. */
const INT32 = new Set(['TINYINT', 'SMALLINT', 'MEDIUMINT', 'INT', 'INTEGER', 'SERIAL', 'INT2']);
const DATES = new Set(['DATETIME', 'TIMESTAMP', 'DATE']);

/** The conversion of a value read from a column of declared type `type` (null: an expression). */
function converterOf(type: string | null): (value: unknown) => unknown {
  const declared = (type ?? '').toUpperCase();
  if (INT32.has(declared)) return (v) => (typeof v === 'bigint' ? Number(v) : v);
  if (declared === 'BOOLEAN') return (v) => (v === null ? null : Boolean(Number(v)));
  if (DATES.has(declared)) return (v) => (v === null ? null : new Date(typeof v === 'bigint' ? Number(v) : (v as string | number)));
  if (declared === 'BLOB') return (v) => (v === null ? null : new Uint8Array(v as Buffer));
  // REAL, TEXT, BIGINT and expressions: as the driver reads them (integers of expressions stay
  // BigInt, as Prisma infers them; callers that count read them with Number()).
  return (v) => v;
}

/** A value bound to a placeholder, written as Prisma's adapter writes it (dates in ISO 8601, booleans 0/1). */
function bindable(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString().replace('Z', '+00:00');
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

/**
 * Raw SQL straight on the better-sqlite3 connection Prisma's adapter opened: the same
 * connection, so a statement issued inside `store.tx` runs in the transaction Prisma began
 * on it, and one issued outside runs where a Prisma raw query would. Statements are prepared
 * once and kept (Prisma's adapter prepares every one again).
 */
export class SqliteRaw implements RawSql {
  private readonly prepared = new Map<string, Prepared>();

  constructor(private readonly connection: Database.Database) {}

  private prepare(sql: string): Prepared {
    let found = this.prepared.get(sql);
    if (found) return found;
    if (this.prepared.size >= CACHED_STATEMENTS) this.prepared.clear();
    const statement = this.connection.prepare(sql);
    const columns = statement.reader ? statement.columns() : [];
    found = { statement, names: columns.map((c) => c.name), convert: statement.reader ? columns.map((c) => converterOf(c.type)) : null };
    this.prepared.set(sql, found);
    return found;
  }

  query<T>(sql: string, values: readonly unknown[]): Promise<T> {
    try {
      const { statement, names, convert } = this.prepare(sql);
      const args = values.map(bindable);
      if (!convert) {
        statement.run(...args);
        return Promise.resolve([] as T);
      }
      const rows = (statement.raw(true).all(...args) as unknown[][]).map((row) => {
        const record: Record<string, unknown> = {};
        for (let i = 0; i < names.length; i++) record[names[i]!] = convert[i]!(row[i]);
        return record;
      });
      return Promise.resolve(rows as T);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  execute(sql: string, values: readonly unknown[]): Promise<number> {
    try {
      return Promise.resolve(this.prepare(sql).statement.run(...values.map(bindable)).changes);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** This runner for statements outside any transaction: each waits its turn at `gate`. */
  outside(gate: SqliteGate): RawSql {
    return {
      query: <T>(sql: string, values: readonly unknown[]) => gate.outside(() => this.query<T>(sql, values)),
      execute: (sql: string, values: readonly unknown[]) => gate.outside(() => this.execute(sql, values)),
    };
  }

  /** Forgets the prepared statements (before the connection closes). */
  clear(): void {
    this.prepared.clear();
  }
}
