import { Prisma } from '../../generated/sqlite/index.js';
import type { Provider } from './client.js';
import { dialectOf, rawOf, type Reader, type Tx } from './tx.js';

/**
 * Raw SQL that reads the same on SQLite and PostgreSQL, for the few statements where Prisma's
 * per-query cost matters (the scheduler's sweep, the context every message resolves): quoted
 * identifiers, and placeholders written in each dialect by `Params`.
 */

/** Positional parameters for one raw statement, in the handle's dialect, in textual order. */
export class Params {
  readonly values: unknown[] = [];
  private readonly provider: Provider;
  constructor(tx: Tx) {
    this.provider = dialectOf(tx);
  }
  /** A placeholder for `value`: `?` on SQLite, `$n` on PostgreSQL. */
  p(value: unknown): string {
    this.values.push(value);
    return this.provider === 'postgresql' ? `$${this.values.length}` : '?';
  }
  /** Placeholders for a list of values, e.g. a row for `VALUES (…)`. */
  list(values: readonly unknown[]): string {
    return values.map((v) => this.p(v)).join(', ');
  }
  /**
   * `column` is one of the integer `ids`: `column IN (?, ?, …)` on SQLite, `column = ANY($n::int[])`
   * on PostgreSQL (one parameter, one plan whatever the list's length).
   */
  in(column: string, ids: readonly number[]): string {
    if (this.provider === 'postgresql') return `${column} = ANY(${this.p([...ids])}::int[])`;
    return `${column} IN (${this.list(ids)})`;
  }
}

const columnCache = new Map<string, string[]>();

/** A model's scalar columns, from the schema Prisma generated (never a hand-kept list). */
export function columnsOf(model: Prisma.ModelName): string[] {
  let columns = columnCache.get(model);
  if (!columns) {
    const found = Prisma.dmmf.datamodel.models.find((m) => m.name === model);
    if (!found) throw new Error(`no model ${model} in the Prisma schema`);
    columns = found.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => f.dbName ?? f.name);
    columnCache.set(model, columns);
  }
  return columns;
}

/**
 * The select list for a model joined under `alias`, each column named `prefix.column`, so one
 * row of a join can be split back into whole records with `pick`.
 */
export function selectAs(model: Prisma.ModelName, alias: string, prefix: string): string {
  return columnsOf(model)
    .map((c) => `${alias}."${c}" AS "${prefix}.${c}"`)
    .join(', ');
}

/**
 * The record under `prefix` in a joined row, typed as the Prisma model it mirrors, or null when
 * a LEFT JOIN found none (its `id` is null).
 */
export function pick<T>(row: Record<string, unknown>, model: Prisma.ModelName, prefix: string): T | null {
  if (row[`${prefix}.id`] === null || row[`${prefix}.id`] === undefined) return null;
  const record: Record<string, unknown> = {};
  for (const column of columnsOf(model)) record[column] = row[`${prefix}.${column}`];
  return record as T;
}

/**
 * Runs a raw statement that returns rows on the handle's runner (`raw.ts`), e.g.
 * `rawQuery<Row[]>(tx, sql, ...q.values)`: typed as Prisma's `$queryRawUnsafe` types it.
 */
export function rawQuery<T>(tx: Reader, sql: string, ...values: unknown[]): Promise<T> {
  return rawOf(tx).query<T>(sql, values);
}

/** Runs a raw statement that changes rows on the handle's runner; the number of rows it changed. */
export function rawExecute(tx: Reader, sql: string, ...values: unknown[]): Promise<number> {
  return rawOf(tx).execute(sql, values);
}
