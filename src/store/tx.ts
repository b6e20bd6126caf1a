import type { Db, Provider } from './client.js';
import { prismaRaw, type RawSql } from './raw.js';

/**
 * The handle every store function takes: the Prisma client of the transaction (or the pool),
 * the moment the work happens (a command's injected `now`, written into every row it stamps),
 * and the SQL dialect of its raw statements. The dialect sits under a symbol only src/store
 * reads, so no layer above the store ever chooses between SQLite and PostgreSQL.
 */
export interface Tx {
  /** The Prisma client: a command's reads and model writes go through it. */
  readonly db: Db;
  /** The time of the work: ledger, audit and score rows are stamped with it. */
  readonly now: Date;
  /** The dialect of raw statements (read with `dialectOf`, inside src/store only). */
  readonly [DIALECT]: Provider;
  /** What runs the handle's raw statements (read with `rawOf`, inside src/store only). */
  readonly [RAW]?: RawSql;
}

/** The key of a handle's dialect; `dialectOf` reads it. */
const DIALECT: unique symbol = Symbol('sql dialect');
/** The key of a handle's raw-SQL runner; `rawOf` reads it. */
const RAW: unique symbol = Symbol('raw sql');

/** A handle on `db` at `now` in `provider`'s dialect (the store opens these; tests use `store.tx`). */
export function openTx(db: Db, now: Date, provider: Provider, raw?: RawSql): Tx {
  return { db, now, [DIALECT]: provider, ...(raw ? { [RAW]: raw } : {}) };
}

/** What runs a handle's raw statements: the store's own runner, or Prisma's client when the handle has none. */
export function rawOf(tx: Reader): RawSql {
  return tx[RAW] ?? prismaRaw(tx.db);
}

/** The dialect a handle's raw statements are written in. */
export function dialectOf(tx: Tx): Provider {
  return tx[DIALECT];
}

/** What a read needs of a handle: the client only (a command's context, or `{ db: store.db }`). */
export type Reader = Pick<Tx, 'db' | typeof RAW>;

/** A handle like `tx` whose raw statements are also shown to `observe` first (the benches count queries with it). */
export function observingRaw(tx: Tx, observe: (sql: string) => void): Tx {
  const raw = rawOf(tx);
  return {
    ...tx,
    [RAW]: {
      query<T>(sql: string, values: readonly unknown[]) {
        observe(sql);
        return raw.query<T>(sql, values);
      },
      execute(sql: string, values: readonly unknown[]) {
        observe(sql);
        return raw.execute(sql, values);
      },
    },
  };
}
