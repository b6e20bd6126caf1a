import type { Db, Provider } from './client.js';

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
}

/** The key of a handle's dialect; `dialectOf` reads it. */
const DIALECT: unique symbol = Symbol('sql dialect');

/** A handle on `db` at `now` in `provider`'s dialect (the store opens these; tests use `store.tx`). */
export function openTx(db: Db, now: Date, provider: Provider): Tx {
  return { db, now, [DIALECT]: provider };
}

/** The dialect a handle's raw statements are written in. */
export function dialectOf(tx: Tx): Provider {
  return tx[DIALECT];
}

/** What a read needs of a handle: the client only (a command's context, or `{ db: store.db }`). */
export type Reader = Pick<Tx, 'db'>;
