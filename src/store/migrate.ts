import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { providerOf, sqlitePath } from './client.js';

/**
 * Applies the committed Prisma migrations (`prisma/migrations` for SQLite,
 * `prisma/postgresql/migrations` for PostgreSQL) at start-up.
 *
 * Written by hand rather than `prisma migrate deploy` because Prisma 6.19's offline (WASM)
 * schema engine fails on PostgreSQL through `@prisma/adapter-pg` ("Column type 'name' could not
 * be deserialized", prisma/prisma#27403). Applied migrations are recorded in `_migrations` with
 * a checksum; an edited, already-applied migration is refused. On PostgreSQL an advisory lock
 * lets several instances start at once.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Committed migrations for a provider, oldest first. */
export function listMigrations(provider: 'sqlite' | 'postgresql'): Migration[] {
  const dir = join(root, 'prisma', ...(provider === 'postgresql' ? ['postgresql'] : []), 'migrations');
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Thrown when the database holds a migration whose file has changed since it was applied. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

function pending(applied: Map<string, string>, all: Migration[]): Migration[] {
  for (const m of all) {
    const sum = applied.get(m.name);
    if (sum && sum !== m.checksum) throw new MigrationError(`migration ${m.name} was edited after it was applied`);
  }
  return all.filter((m) => !applied.has(m.name));
}

/** Brings the database at `url` up to date; returns the names of the migrations applied. */
export async function migrate(url: string, options: { schema?: string } = {}): Promise<string[]> {
  return providerOf(url) === 'postgresql' ? migratePostgres(url, options.schema) : migrateSqlite(url);
}

function migrateSqlite(url: string): string[] {
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: 10_000 });
  try {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS "_migrations" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, appliedAt TEXT NOT NULL)');
    const run = db.transaction(() => {
      const rows = db.prepare('SELECT name, checksum FROM "_migrations"').all() as { name: string; checksum: string }[];
      const todo = pending(new Map(rows.map((r) => [r.name, r.checksum])), listMigrations('sqlite'));
      for (const m of todo) {
        db.exec(m.sql);
        db.prepare('INSERT INTO "_migrations" (name, checksum, appliedAt) VALUES (?, ?, ?)').run(
          m.name,
          m.checksum,
          new Date().toISOString(),
        );
      }
      return todo.map((m) => m.name);
    });
    return run.immediate();
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, schema?: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (schema) {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
    }
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(745112026)');
    await client.query(
      'CREATE TABLE IF NOT EXISTS "_migrations" (name TEXT PRIMARY KEY, checksum TEXT NOT NULL, "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM "_migrations"');
    const todo = pending(new Map(rows.map((r) => [r.name, r.checksum])), listMigrations('postgresql'));
    for (const m of todo) {
      // The generated SQL creates "public" explicitly; inside a test schema that line must not switch schemas.
      await client.query(schema ? m.sql.replace('CREATE SCHEMA IF NOT EXISTS "public";', '') : m.sql);
      await client.query('INSERT INTO "_migrations" (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
    }
    await client.query('COMMIT');
    return todo.map((m) => m.name);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
