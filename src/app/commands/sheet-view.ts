import { parseStoredInput, POINTS } from '../../domain/criterion-kinds.js';
import { assignedTo } from '../../domain/criteria.js';
import { roundPoints, type UnitScores } from '../../domain/round-scores.js';
import type { Hundredths } from '../../domain/score.js';
import { currentScores, type CurrentScores } from '../../domain/sheet.js';
import { computeTotals } from '../../domain/totals.js';
import type { ClusterRecord, CriterionRecord, RoundRecord, UnitRecord } from '../../store/records.js';
import { readSheetEntries } from '../../store/score-entries.js';
import { loadTargets } from '../../store/targets.js';
import type { Tx } from '../../store/tx.js';
import { toTable } from '../lookups.js';
import { countingScores, frozenOf } from '../round-report.js';

/** The current scores of a sheet, folded from its stored versions. */
export async function loadSheetScores(tx: Tx, sheetId: number, criteria: CriterionRecord[]): Promise<CurrentScores> {
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const rows = await readSheetEntries(tx, { sheetId });
  return currentScores(
    rows.map((r) => ({
      id: r.id,
      criterionCode: codeOf.get(r.criterionId) ?? '',
      kind: r.kind,
      points: r.points,
      note: r.note,
      input: parseStoredInput(r.input),
    })),
  );
}

/** No scores yet (a unit without a sheet). */
export const NO_SCORES: CurrentScores = { self: new Map(), review: new Map(), counted: new Map(), countedVersion: new Map() };

/**
 * The points a unit's sheet counts, criterion by criterion, as the consolidated table counts
 * them: plain kinds from the sheet alone; the linear variant against the year's targets; the
 * police formula among every counting unit of the round plus this one (provisional until the
 * round closes, then the points kept with it). Reads nothing more than the kinds need.
 */
export async function sheetPoints(
  tx: Tx,
  cluster: ClusterRecord,
  round: RoundRecord,
  unit: Pick<UnitRecord, 'code'>,
  criteria: CriterionRecord[],
  scores: CurrentScores,
): Promise<Map<string, Hundredths>> {
  const table = toTable(criteria);
  const types = new Set(table.rows.map((r) => (r.scoring ?? POINTS).type));
  let units: UnitScores[] = [{ unitCode: unit.code, scores }];
  let targets = new Map() as Awaited<ReturnType<typeof loadTargets>>;
  if (types.has('target')) {
    const counting = await countingScores(tx, cluster, round);
    units = [...counting.units.filter((u) => u.unitCode !== unit.code), ...units];
    targets = counting.targets;
  } else if (types.has('linear')) {
    targets = await loadTargets(tx.db, round.termId);
  }
  return roundPoints(table, units, targets, frozenOf(round)).get(unit.code)!;
}

/**
 * How far a sheet is: criteria self-scored out of those required (criteria not assigned to the
 * unit are not required), and the total counted. `points` are the sheet's counted points
 * (`sheetPoints`); without them, the stored points of the sheet alone.
 */
export function sheetProgress(
  criteria: CriterionRecord[],
  scores: CurrentScores,
  bonusCap: number | null = null,
  unitCode: string | null = null,
  points?: ReadonlyMap<string, Hundredths>,
) {
  const table = toTable(criteria);
  const rows = new Map(table.rows.map((r) => [r.code, r]));
  const required = criteria.filter((c) => c.kind === 'criterion' && (unitCode === null || assignedTo(rows.get(c.code)!, unitCode)));
  const scored = required.filter((c) => scores.self.has(c.code)).length;
  const totals = computeTotals(table, points ?? scores.counted, bonusCap, unitCode);
  return {
    required: required.length,
    scored,
    missing: required.filter((c) => !scores.self.has(c.code)).map((c) => c.code),
    total: totals.total,
    totals,
  };
}
