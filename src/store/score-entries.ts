import { parseScoreKind, type ScoreKind } from '../domain/states.js';
import { Params, rawQuery, rawExecute } from './sql.js';
import type { Tx } from './tx.js';

/**
 * Score versions, written and read on `/score`'s path as single raw statements (see
 * `context-reads.ts` for why). Versions are only ever added: a new score for a criterion is a
 * new row, and the latest row of each kind counts. `insertScoreEntries` is the one writer of
 * the table (self-scores and reviews alike), stamped with the command's time.
 */

/** A new self-score or review version of one criterion. */
export interface NewScoreEntry {
  criterionId: number;
  kind: ScoreKind;
  points: number;
  note: string | null;
  /** What was reported, for kinds other than points (JSON, `criterion-kinds.ts`). */
  input?: string | null;
}

/** A stored score version, as the domain folds them. */
export interface ScoreEntryRow {
  id: number;
  sheetId: number;
  criterionId: number;
  kind: ScoreKind;
  points: number;
  note: string | null;
  input: string | null;
}

/** Adds versions to a sheet by `authorId`, all in one `INSERT`, at the handle's `now`. */
export async function insertScoreEntries(tx: Tx, options: { sheetId: number; authorId: number; entries: NewScoreEntry[] }): Promise<void> {
  const { sheetId, authorId, entries } = options;
  if (!entries.length) return;
  const q = new Params(tx);
  const rows = entries.map((e) => `(${q.list([sheetId, e.criterionId, e.kind, e.points, e.note, e.input ?? null, authorId, tx.now])})`);
  await rawExecute(
    tx,
    `INSERT INTO "ScoreEntry" ("sheetId", "criterionId", "kind", "points", "note", "input", "authorId", "createdAt") VALUES ${rows.join(', ')}`,
    ...q.values,
  );
}

/** A sheet's score versions, oldest first (one statement). */
export async function readSheetEntries(tx: Tx, options: { sheetId: number }): Promise<ScoreEntryRow[]> {
  const q = new Params(tx);
  const rows = await rawQuery<Record<string, unknown>[]>(
    tx,
    `SELECT "id", "sheetId", "criterionId", "kind", "points", "note", "input" FROM "ScoreEntry" WHERE "sheetId" = ${q.p(options.sheetId)} ORDER BY "id"`,
    ...q.values,
  );
  return rows.map(toEntry);
}

/** Every score version of a round, of every unit's sheet, oldest first (one statement). */
export async function readRoundEntries(tx: Tx, options: { roundId: number }): Promise<ScoreEntryRow[]> {
  const q = new Params(tx);
  const rows = await rawQuery<Record<string, unknown>[]>(
    tx,
    `SELECT e."id", e."sheetId", e."criterionId", e."kind", e."points", e."note", e."input"
       FROM "ScoreEntry" e JOIN "Sheet" s ON s."id" = e."sheetId"
      WHERE s."roundId" = ${q.p(options.roundId)}
      ORDER BY e."id"`,
    ...q.values,
  );
  return rows.map(toEntry);
}

/** The latest version of one criterion on a sheet, of either kind (what a review replaces). */
export async function latestScoreEntry(tx: Tx, options: { sheetId: number; criterionId: number }): Promise<ScoreEntryRow | null> {
  const q = new Params(tx);
  const rows = await rawQuery<Record<string, unknown>[]>(
    tx,
    `SELECT "id", "sheetId", "criterionId", "kind", "points", "note", "input" FROM "ScoreEntry"
      WHERE "sheetId" = ${q.p(options.sheetId)} AND "criterionId" = ${q.p(options.criterionId)} ORDER BY "id" DESC LIMIT 1`,
    ...q.values,
  );
  return rows[0] ? toEntry(rows[0]) : null;
}

function toEntry(row: Record<string, unknown>): ScoreEntryRow {
  return {
    id: Number(row.id),
    sheetId: Number(row.sheetId),
    criterionId: Number(row.criterionId),
    kind: parseScoreKind(String(row.kind)),
    points: Number(row.points),
    note: row.note === null || row.note === undefined ? null : String(row.note),
    input: row.input === null || row.input === undefined ? null : String(row.input),
  };
}
