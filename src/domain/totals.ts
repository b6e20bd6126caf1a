import { assignedTo, type CriteriaTable } from './criteria.js';
import type { Hundredths } from './score.js';

/** A unit's figures for one sheet, everything in hundredths. */
export interface SheetTotals {
  /** Criterion code → points counted (reviewed where reviewed, else self-scored). */
  byCriterion: Map<string, Hundredths>;
  /** Section code → Σ of its criteria. */
  bySection: Map<string, Hundredths>;
  /** Σ of criteria (no bonus, no deductions). */
  base: Hundredths;
  /** Bonus counted, after the cluster's overall cap. */
  bonus: Hundredths;
  /** Σ of deduction rows. */
  deductions: Hundredths;
  /** How many deduction rows are non-zero. */
  deductionCount: number;
  /** base + bonus − deductions, never below zero. */
  total: Hundredths;
  /** Σ of the maxima of the criteria that apply to the unit: its own scale for classification. */
  max: Hundredths;
}

/**
 * Totals one sheet: Σ criteria (each 0..max) + bonus (capped) − deductions.
 * Missing scores count as zero. `bonusCap` is the cluster's overall cap on bonus points
 * (null = only each bonus row's own cap). With `unitCode`, rows not assigned to that unit are
 * left out of its criteria and of its maximum. Scores are the points counted (a tally row may
 * be negative, down to its floor); the kind-specific work is done before (`round-scores.ts`).
 */
export function computeTotals(
  table: CriteriaTable,
  scores: ReadonlyMap<string, Hundredths>,
  bonusCap: Hundredths | null = null,
  unitCode: string | null = null,
): SheetTotals {
  const byCriterion = new Map<string, Hundredths>();
  const bySection = new Map<string, Hundredths>();
  let base = 0;
  let bonus = 0;
  let deductions = 0;
  let deductionCount = 0;
  let max = 0;
  for (const row of table.rows) {
    if (row.kind === 'section') {
      bySection.set(row.code, bySection.get(row.code) ?? 0);
      continue;
    }
    if (unitCode !== null && !assignedTo(row, unitCode)) continue;
    if (row.kind === 'criterion') max += row.max;
    const points = Math.min(scores.get(row.code) ?? 0, row.max);
    byCriterion.set(row.code, points);
    if (row.kind === 'criterion') {
      base += points;
      if (row.sectionCode) bySection.set(row.sectionCode, (bySection.get(row.sectionCode) ?? 0) + points);
    } else if (row.kind === 'bonus') {
      bonus += points;
    } else {
      deductions += points;
      if (points > 0) deductionCount += 1;
    }
  }
  if (bonusCap !== null) bonus = Math.min(bonus, bonusCap);
  return { byCriterion, bySection, base, bonus, deductions, deductionCount, total: Math.max(0, base + bonus - deductions), max };
}
