import { scorableRows, type CriteriaTable } from '../domain/criteria.js';
import { currentScores, type ScoreVersion } from '../domain/sheet.js';
import type { UnitDetail } from './types.js';

/**
 * A unit's sheet as the XLSX unit sheets show it: every scorable row of the table (criteria,
 * bonus, deductions, in order) with the current self-score and reviewed score and their notes,
 * folded from the stored versions. `versions` is empty when the unit has no sheet.
 */
export function unitDetail(
  unit: Pick<UnitDetail, 'unitCode' | 'unitName' | 'sheetState'>,
  table: CriteriaTable,
  versions: readonly ScoreVersion[],
): UnitDetail {
  const scores = currentScores([...versions]);
  return {
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    sheetState: unit.sheetState,
    rows: scorableRows(table).map((r) => {
      const self = scores.self.get(r.code);
      const review = scores.review.get(r.code);
      return {
        code: r.code,
        title: r.title,
        kind: r.kind as 'criterion' | 'bonus' | 'deduction',
        max: r.max,
        self: self?.points ?? null,
        selfNote: self?.note ?? null,
        reviewed: review?.points ?? null,
        reason: review?.note ?? null,
      };
    }),
  };
}
