import { createPrismaClient, providerOf, type Db, type Provider } from './client.js';
import { migrate } from './migrate.js';

/**
 * The store: one Prisma client on the configured database. Passed in to whatever needs it
 * (never a global), so tests open as many as they like on real SQLite files and PostgreSQL.
 */
export class Store {
  private constructor(
    private readonly client: ReturnType<typeof createPrismaClient>,
    readonly provider: Provider,
  ) {}

  /** Opens the database at `url`, applying committed migrations first. */
  static async open(url: string, options: { schema?: string; migrate?: boolean } = {}): Promise<Store> {
    if (options.migrate !== false) await migrate(url, { schema: options.schema });
    const client = createPrismaClient(url, { schema: options.schema });
    await client.$connect();
    const store = new Store(client, providerOf(url));
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

  /**
   * Runs `work` in one transaction: a command's changes and their audit records commit
   * together or not at all.
   */
  tx<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.client.$transaction((tx) => work(tx as unknown as Db), { maxWait: 10_000, timeout: 30_000 });
  }

  /** True when the database answers (for `GET /healthz`). */
  async ping(): Promise<boolean> {
    await this.client.$queryRawUnsafe('SELECT 1');
    return true;
  }

  async close(): Promise<void> {
    await this.client.$disconnect();
  }
}

/** True when an error is a unique-constraint violation (Prisma P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}
