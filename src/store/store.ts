import { createPrismaClient, providerOf, type Db, type Provider } from './client.js';
import { migrate } from './migrate.js';
import { SqliteGate, SqliteRaw, type RawSql } from './raw.js';
import { openTx, type Tx } from './tx.js';

/**
 * The store: one Prisma client on the configured database. Passed in to whatever needs it
 * (never a global), so tests open as many as they like on real SQLite files and PostgreSQL.
 */
export class Store {
  private constructor(
    private readonly client: ReturnType<typeof createPrismaClient>,
    private readonly provider: Provider,
    /** The raw-SQL runner on Prisma's SQLite connection, set when it connects (none on PostgreSQL: raw SQL goes through Prisma there). */
    private readonly sqlite: { raw?: SqliteRaw },
  ) {}

  /** SQLite only: one transaction at a time, and statements from outside wait for it (`raw.ts`). */
  private readonly gate = new SqliteGate();

  /** The runner for raw statements outside a transaction: gated on SQLite. */
  private get outsideRaw(): RawSql | undefined {
    return this.sqlite.raw?.outside(this.gate);
  }

  /** Opens the database at `url`, applying committed migrations first. */
  static async open(url: string, options: { schema?: string; migrate?: boolean } = {}): Promise<Store> {
    if (options.migrate !== false) await migrate(url, { schema: options.schema });
    const sqlite: { raw?: SqliteRaw } = {};
    const client = createPrismaClient(url, {
      schema: options.schema,
      onSqliteConnection: (connection) => {
        sqlite.raw?.clear();
        sqlite.raw = new SqliteRaw(connection);
      },
    });
    await client.$connect();
    const store = new Store(client, providerOf(url), sqlite);
    if (store.provider === 'sqlite') {
      await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
      await client.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    }
    return store;
  }

  /** The client, for reads that need no transaction. */
  get db(): Db {
    return this.client;
  }

  /** A handle on the pool (no transaction) at `now`: for store reads outside a command. */
  handle(now: Date): Tx {
    return openTx(this.client, now, this.provider, this.outsideRaw);
  }

  /**
   * Runs `work` in one transaction at `now` (the command's injected time, stamped on every
   * row it writes): a command's changes and their audit records commit together or not at all.
   */
  tx<T>(now: Date, work: (tx: Tx) => Promise<T>): Promise<T> {
    const run = () =>
      this.client.$transaction((db) => work(openTx(db as unknown as Db, now, this.provider, this.sqlite.raw)), {
        maxWait: 10_000,
        timeout: 30_000,
      });
    return this.provider === 'sqlite' ? this.gate.exclusive(run) : run();
  }

  /**
   * Runs a few statements that belong to no command (the scheduler's claims and delivery
   * records). On PostgreSQL they go straight to the pool. On SQLite they run in a transaction
   * of their own, after any open one (SQLite has one connection: see `SqliteGate`), so Prisma
   * model calls among them never land in a command's transaction either.
   */
  atomic<T>(now: Date, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.provider === 'sqlite' ? this.tx(now, work) : work(this.handle(now));
  }

  /**
   * Runs a claim that must not interleave with another instance's (the inbox's and the
   * outbox's leases): in one transaction on PostgreSQL, where the claim takes a
   * transaction-scoped advisory lock; straight on the client on SQLite, whose single connection
   * already runs one statement at a time.
   */
  claim<T>(now: Date, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.provider === 'postgresql' ? this.tx(now, work) : work(this.handle(now));
  }

  /** True when the database answers (for `GET /healthz`). */
  async ping(): Promise<boolean> {
    await this.client.$queryRawUnsafe('SELECT 1');
    return true;
  }

  async close(): Promise<void> {
    this.sqlite.raw?.clear();
    await this.client.$disconnect();
  }
}

/** True when an error is a unique-constraint violation (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
