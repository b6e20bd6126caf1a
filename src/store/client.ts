import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaClient as SqliteClient, type Prisma } from '../../generated/sqlite/index.js';
import { PrismaClient as PostgresClient } from '../../generated/postgresql/index.js';

/**
 * The Prisma client type the store speaks. Both generated clients (SQLite and PostgreSQL) come
 * from one schema, so they have the same model API; the SQLite client's type stands for both.
 */
export type Db = Omit<SqliteClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends' | '$use'>;
export type { Prisma };

/** Which database a URL points to. */
export type Provider = 'sqlite' | 'postgresql';

/** `file:…` is SQLite; `postgres://` or `postgresql://` is PostgreSQL. */
export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (got "${url.split(':')[0]}:")`);
}

/** The path of a SQLite `file:` URL, relative paths resolved from the working directory. */
export function sqlitePath(url: string): string {
  const path = url.slice('file:'.length).split('?')[0]!;
  return path === ':memory:' ? path : resolve(path);
}

/** Options: for PostgreSQL the schema to use (tests give each run its own). */
export interface ClientOptions {
  schema?: string;
  /**
   * Called with the better-sqlite3 connection Prisma's SQLite adapter opens (each time it
   * connects), so the store can run its raw SQL on that connection (`raw.ts`).
   */
  onSqliteConnection?: (connection: Database.Database) => void;
}

/**
 * Creates a Prisma client on the JS engine with the driver adapter for the URL's database.
 * SQLite runs in WAL mode with a busy timeout so several processes can share one file.
 */
export function createPrismaClient(url: string, options: ClientOptions = {}): SqliteClient {
  if (providerOf(url) === 'postgresql') {
    const adapter = new PrismaPg(
      { connectionString: url, max: 10, options: options.schema ? `-c search_path=${options.schema}` : undefined },
      options.schema ? { schema: options.schema } : undefined,
    );
    return new PostgresClient({ adapter }) as unknown as SqliteClient;
  }
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: path, timeout: 10_000 } as { url: string });
  const { onSqliteConnection } = options;
  if (onSqliteConnection) {
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const connected = await connect();
      // The adapter keeps its connection as `client` (adapter-better-sqlite3 6.19.3, pinned).
      const connection = (connected as unknown as { client?: Database.Database }).client;
      if (connection && typeof connection.prepare === 'function') onSqliteConnection(connection);
      return connected;
    };
  }
  return new SqliteClient({ adapter });
}
