import { inputPoints, POINTS, relativeTargetPoints, usesTarget, type ScoreInput, type TargetResult } from './criterion-kinds.js';
import { assignedTo, type CriteriaTable, type CriterionRow } from './criteria.js';
import type { Hundredths } from './score.js';
import type { CurrentScores } from './sheet.js';

/** Targets the secretary set: criterion code → unit code → target, in hundredths. */
export type TargetBook = ReadonlyMap<string, ReadonlyMap<string, Hundredths>>;

/**
 * The points of the target kinds as computed when a round closed: unit code → criterion code →
 * points. Kept with the round (`Round.targetPoints`), so a closed ranking never moves when a
 * target is changed for a later round.
 */
export type FrozenPoints = Record<string, Record<string, Hundredths>>;

/** One unit's current scores in a round. */
export interface UnitScores {
  unitCode: string;
  scores: CurrentScores;
}

/** The target that counts for a unit: the secretary's, else the one the unit wrote. */
export function resolvedTarget(
  targets: TargetBook,
  code: string,
  unitCode: string,
  input: ScoreInput | null | undefined,
): Hundredths | null {
  const set = targets.get(code)?.get(unitCode);
  if (set !== undefined) return set;
  return input?.type === 'ratio' ? input.target : null;
}

/**
 * The counted points of every unit of a round, criterion by criterion: the stored points of
 * plain kinds, the linear variant against the resolved target, and the police formula over
 * every unit given (`relativeTargetPoints`). Rows not assigned to a unit are left out of its
 * map. `frozen` (a closed round) replaces the target kinds' points by those computed at close.
 * This is the one place those figures come from: `/mine`, the ranking, the chart and every
 * export read them from here, so they agree to the hundredth.
 */
export function roundPoints(
  table: CriteriaTable,
  units: readonly UnitScores[],
  targets: TargetBook,
  frozen: FrozenPoints | null = null,
): Map<string, Map<string, Hundredths>> {
  const out = new Map<string, Map<string, Hundredths>>();
  const rows = table.rows.filter((r) => r.kind !== 'section');
  for (const u of units) {
    const points = new Map(u.scores.counted);
    for (const row of rows) if (!assignedTo(row, u.unitCode)) points.delete(row.code);
    out.set(u.unitCode, points);
  }
  for (const row of rows.filter((r) => usesTarget(r.scoring ?? POINTS))) {
    const results = targetResults(row, units, targets);
    const computed = row.scoring!.type === 'target' ? relativeTargetPoints(row.max, results) : linearPoints(row, results);
    for (const u of units) {
      const points = out.get(u.unitCode)!;
      const value = frozen?.[u.unitCode]?.[row.code] ?? computed.get(u.unitCode);
      if (value === undefined || !assignedTo(row, u.unitCode)) points.delete(row.code);
      else points.set(row.code, value);
    }
  }
  return out;
}

/** The units' actual/target for a quantitative row (units without both are left out). */
function targetResults(row: CriterionRow, units: readonly UnitScores[], targets: TargetBook): TargetResult[] {
  const results: TargetResult[] = [];
  for (const u of units) {
    if (!assignedTo(row, u.unitCode)) continue;
    const input = u.scores.countedVersion.get(row.code)?.input;
    if (input?.type !== 'ratio') continue;
    const target = resolvedTarget(targets, row.code, u.unitCode, input);
    if (target !== null && target > 0) results.push({ unitCode: u.unitCode, actual: input.actual, target });
  }
  return results;
}

/** The linear capped variant: max·actual/target, at most max. */
function linearPoints(row: CriterionRow, results: TargetResult[]): Map<string, Hundredths> {
  return new Map(
    results.map((r) => [r.unitCode, inputPoints(row.scoring!, { type: 'ratio', actual: r.actual, target: r.target }, row.max, row.code)!]),
  );
}
