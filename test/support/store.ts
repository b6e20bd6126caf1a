import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Store } from '../../src/store/store.js';

/** A store on a new SQLite file in a temporary folder, migrated; `close` removes it. */
export async function freshSqliteStore(): Promise<{ store: Store; url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-'));
  const url = `file:${join(dir, 'test.db')}`;
  const store = await Store.open(url);
  return {
    store,
    url,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The PostgreSQL the tests use (trust auth on the development machines and in CI). */
export const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/** True when PostgreSQL answers; with CI=true an unreachable server is an error, not a skip. */
export async function postgresAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL at ${POSTGRES_URL} is unreachable and CI=true: ${(error as Error).message}`);
    return false;
  }
}

/** A store on its own new PostgreSQL schema; `close` drops the schema. */
export async function freshPostgresStore(): Promise<{ store: Store; url: string; schema: string; close: () => Promise<void> }> {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const store = await Store.open(POSTGRES_URL, { schema });
  return {
    store,
    url: POSTGRES_URL,
    schema,
    close: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** A database a suite runs on: how to open a fresh store on it, and whether it is skipped. */
export interface StoreProvider {
  name: 'SQLite' | 'PostgreSQL';
  open: () => Promise<{ store: Store; url: string; close: () => Promise<void>; schema?: string }>;
  skip: boolean;
}

/**
 * The databases a suite runs on: a SQLite file always, PostgreSQL when it answers. When it does
 * not (and CI is not set), says which `suite` skips its PostgreSQL half.
 */
export async function storeProviders(suite: string): Promise<StoreProvider[]> {
  const up = await postgresAvailable();
  if (!up) console.warn(`PostgreSQL is not reachable at ${POSTGRES_URL}: SKIPPING ${suite} on PostgreSQL (CI=true makes this a failure).`);
  return [
    { name: 'SQLite', open: freshSqliteStore, skip: false },
    { name: 'PostgreSQL', open: freshPostgresStore, skip: !up },
  ];
}
