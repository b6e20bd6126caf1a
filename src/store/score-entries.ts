import type { ScoreEntry } from '../../generated/sqlite/index.js';
import type { Db, Provider } from './client.js';
import { Params } from './sql.js';

/**
 * Score versions, written and read on `/score`'s path as single raw statements (see
 * `context-reads.ts` for why). Versions are only ever added: a new score for a criterion is a
 * new row, and the latest row of each kind counts.
 */

/** A new self-score or review version of one criterion. */
export interface NewScoreEntry {
  criterionId: number;
  kind: 'self' | 'review';
  points: number;
  note: string | null;
  /** What was reported, for kinds other than points (JSON, `criterion-kinds.ts`). */
  input?: string | null;
}

/** Adds versions to a sheet, all in one `INSERT`. */
export async function insertScoreEntries(db: Db, provider: Provider, sheetId: number, authorId: number, at: Date, entries: NewScoreEntry[]): Promise<void> {
  if (!entries.length) return;
  const q = new Params(provider);
  const rows = entries.map((e) => `(${q.list([sheetId, e.criterionId, e.kind, e.points, e.note, e.input ?? null, authorId, at])})`);
  await db.$executeRawUnsafe(
    `INSERT INTO "ScoreEntry" ("sheetId", "criterionId", "kind", "points", "note", "input", "authorId", "createdAt") VALUES ${rows.join(', ')}`,
    ...q.values,
  );
}

/** A sheet's score versions, oldest first, as the domain folds them (one statement). */
export async function readSheetEntries(db: Db, provider: Provider, sheetId: number): Promise<Pick<ScoreEntry, 'id' | 'criterionId' | 'kind' | 'points' | 'note' | 'input'>[]> {
  const q = new Params(provider);
  return db.$queryRawUnsafe(
    `SELECT "id", "criterionId", "kind", "points", "note", "input" FROM "ScoreEntry" WHERE "sheetId" = ${q.p(sheetId)} ORDER BY "id"`,
    ...q.values,
  );
}

/** Every score version of a round, of every unit's sheet, oldest first (one statement). */
export async function readRoundEntries(
  db: Db,
  provider: Provider,
  roundId: number,
): Promise<Pick<ScoreEntry, 'id' | 'sheetId' | 'criterionId' | 'kind' | 'points' | 'note' | 'input'>[]> {
  const q = new Params(provider);
  return db.$queryRawUnsafe(
    `SELECT e."id", e."sheetId", e."criterionId", e."kind", e."points", e."note", e."input"
       FROM "ScoreEntry" e JOIN "Sheet" s ON s."id" = e."sheetId"
      WHERE s."roundId" = ${q.p(roundId)}
      ORDER BY e."id"`,
    ...q.values,
  );
}
