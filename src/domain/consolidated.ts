import { assignedTo, summariseCriteria, type CriteriaTable } from './criteria.js';
import { rankUnits } from './ranking.js';
import type { Band, ClusterRules } from './rules.js';
import type { Hundredths } from './score.js';
import { roundPoints, type FrozenPoints, type TargetBook } from './round-scores.js';
import { currentScores, type ScoreVersion } from './sheet.js';
import { computeTotals } from './totals.js';

/** A unit and its sheet's score versions (null: the unit has no sheet in the round). */
export interface UnitSheet {
  unitCode: string;
  unitName: string;
  sheetState: string | null;
  versions: ScoreVersion[] | null;
}

/** One row of the consolidated table (bảng tổng hợp). */
export interface ConsolidatedRow {
  /** The unit's rank; null for a unit that never submitted (see `buildConsolidated`). */
  rank: number | null;
  unitCode: string;
  unitName: string;
  sheetState: string | null;
  /** Counted score per criterion column, null where the unit has no sheet. */
  scores: (Hundredths | null)[];
  /** Σ per section, in table order (for reports that show sections). */
  sections: (Hundredths | null)[];
  bonus: Hundredths | null;
  deductions: Hundredths | null;
  total: Hundredths | null;
  classification: Band['label'] | null;
  /** The unit's own maximum (criteria not assigned to it left out); null without a sheet. */
  max?: Hundredths | null;
}

/**
 * The consolidated table every report shows: computed once here, so the text, the CSV, the
 * XLSX and the chart agree to the hundredth. Columns are the criteria (bonus and deduction rows
 * are summed into their own columns), rows are ordered by rank.
 */
export interface ConsolidatedTable {
  criteria: { code: string; title: string; max: Hundredths }[];
  sectionCodes: string[];
  maxTotal: Hundredths;
  rows: ConsolidatedRow[];
}

/**
 * Builds the consolidated table of a round from every unit's score versions. `targets` are the
 * secretary's per-unit targets and `frozen` the target points kept when the round closed (see
 * `round-scores.ts`); the quantitative criteria are ranked among the units whose sheet counts.
 * A criterion not assigned to a unit is an empty cell in its row.
 *
 * The rule for a unit that never submitted a sheet (no sheet, or one still a draft: `versions`
 * is null) is decided here, once, for every report: it keeps its row, listed after every ranked
 * unit (by code), with no rank (`rank` null), no scores, no totals and no classification
 * (`classification` null). Reports write that row the same way: the text ranking shows `–` as
 * its rank and "Không nộp" / "Not submitted" as its classification; the CSV and the workbook
 * leave the rank and scores empty and write the same words in the classification column; the
 * chart draws an empty bar. It is never given the last rank: a rank is earned by a sheet.
 */
export function buildConsolidated(
  table: CriteriaTable,
  units: UnitSheet[],
  rules: ClusterRules,
  targets: TargetBook = new Map(),
  frozen: FrozenPoints | null = null,
): ConsolidatedTable {
  const summary = summariseCriteria(table);
  const criteria = table.rows.filter((r) => r.kind === 'criterion');
  const sectionCodes = summary.sections.map((s) => s.code);
  const counting = units.filter((u) => u.versions).map((u) => ({ unitCode: u.unitCode, scores: currentScores(u.versions!) }));
  const points = roundPoints(table, counting, targets, frozen);
  const totals = units.map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    totals: u.versions ? computeTotals(table, points.get(u.unitCode)!, rules.bonusCap, u.unitCode) : null,
  }));
  const states = new Map(units.map((u) => [u.unitCode, u.sheetState]));
  const ranked = rankUnits(table, totals, rules, summary.maxTotal);
  return {
    criteria: criteria.map((c) => ({ code: c.code, title: c.title, max: c.max })),
    sectionCodes,
    maxTotal: summary.maxTotal,
    rows: ranked.map((r) => ({
      rank: r.totals ? r.rank : null,
      unitCode: r.unitCode,
      unitName: r.unitName,
      sheetState: states.get(r.unitCode) ?? null,
      scores: criteria.map((c) => (r.totals && assignedTo(c, r.unitCode) ? (r.totals.byCriterion.get(c.code) ?? 0) : null)),
      sections: sectionCodes.map((s) => (r.totals ? (r.totals.bySection.get(s) ?? 0) : null)),
      bonus: r.totals?.bonus ?? null,
      deductions: r.totals?.deductions ?? null,
      total: r.totals?.total ?? null,
      classification: r.classification,
      max: r.totals?.max ?? null,
    })),
  };
}
