import { currentScores, type CurrentScores } from '../../domain/sheet.js';
import { computeTotals } from '../../domain/totals.js';
import type { CriterionRecord } from '../../store/records.js';
import { readSheetEntries } from '../../store/score-entries.js';
import type { Tx } from '../../store/tx.js';
import { toTable } from '../lookups.js';

/** The current scores of a sheet, folded from its stored versions. */
export async function loadSheetScores(tx: Tx, sheetId: number, criteria: CriterionRecord[]): Promise<CurrentScores> {
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const rows = await readSheetEntries(tx, { sheetId });
  return currentScores(rows.map((r) => ({ id: r.id, criterionCode: codeOf.get(r.criterionId) ?? '', kind: r.kind, points: r.points, note: r.note })));
}

/** How far a sheet is: criteria self-scored out of those required, and the total counted. */
export function sheetProgress(criteria: CriterionRecord[], scores: CurrentScores, bonusCap: number | null = null) {
  const required = criteria.filter((c) => c.kind === 'criterion');
  const scored = required.filter((c) => scores.self.has(c.code)).length;
  const totals = computeTotals(toTable(criteria), scores.counted, bonusCap);
  return { required: required.length, scored, missing: required.filter((c) => !scores.self.has(c.code)).map((c) => c.code), total: totals.total, totals };
}
