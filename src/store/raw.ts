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

/** Thrown when a statement or a transaction waited too long for SQLite's one connection. */
export class StoreBusyError extends Error {
  constructor(what: string, ms: number) {
    super(
      `${what} waited ${ms} ms for the open transaction to end; a transaction that waits on the store outside it (store.tx or store.handle inside store.tx) never ends`,
    );
    this.name = 'StoreBusyError';
  }
}

/** How long a transaction or an outside statement may wait for its turn (Prisma's `maxWait`). */
const MAX_WAIT_MS = 10_000;

/**
 * One transaction at a time on SQLite's single connection, and statements from outside any
 * transaction wait until none is open. Without it, a statement issued while some command's
 * transaction is open (between two of its awaits) would run inside that transaction: undone if
 * the command rolls back, and not on disk until it commits, so an inbox row acknowledged to the
 * platform in between could vanish. (No AsyncLocalStorage to tell "inside" from "outside":
 * on Node 20 it slows every promise; the transaction's own handle simply is not gated.)
 */
export class SqliteGate {
  private tail: Promise<unknown> = Promise.resolve();
  /** A transaction is open (from before its BEGIN to after its COMMIT or ROLLBACK). */
  private open = false;
  /** Outside statements waiting for the open transaction to end. */
  private waiting: (() => void)[] = [];

  /** Runs `work` (a transaction) alone: after the ones before it, with no outside statement meanwhile. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    let expired = false;
    const timer = setTimeout(() => (expired = true), MAX_WAIT_MS);
    const run = this.tail.then(async () => {
      clearTimeout(timer);
      if (expired) throw new StoreBusyError('a transaction', MAX_WAIT_MS);
      this.open = true;
      try {
        return await work();
      } finally {
        this.open = false;
        // The statements that waited run now, before the next transaction begins.
        for (const wake of this.waiting.splice(0)) wake();
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * Runs a statement from outside any transaction: at once when none is open (between two
   * transactions too), else as soon as the open one has ended.
   */
  outside<T>(statement: () => Promise<T>): Promise<T> {
    if (!this.open) return statement();
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(wake);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(new StoreBusyError('a statement', MAX_WAIT_MS));
      }, MAX_WAIT_MS);
      const wake = () => {
        clearTimeout(timer);
        statement().then(resolve, reject);
      };
      this.waiting.push(wake);
    });
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
