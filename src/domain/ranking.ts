import type { CriteriaTable } from './criteria.js';
import { classify, type Band, type ClusterRules } from './rules.js';
import type { SheetTotals } from './totals.js';

/** A unit to rank, with its totals or null when it has no sheet. */
export interface RankInput {
  unitCode: string;
  unitName: string;
  totals: SheetTotals | null;
}

/** One ranked unit. Units whose every rule is equal share a rank (1, 2, 2, 4). */
export interface RankedUnit extends RankInput {
  rank: number;
  classification: Band['label'] | null;
}

/**
 * Ranks units by total, then by the cluster's tie-breaks (default: the higher score in the
 * first section, then fewer deduction points). Units equal on every rule stay tied and share a
 * rank; they are listed by unit code. Units with no sheet come last, tied, unclassified.
 * Classification is by percentage of the unit's own maximum (criteria not assigned to it are
 * out of it), which is `maxTotal` when every criterion applies.
 */
export function rankUnits(table: CriteriaTable, units: RankInput[], rules: ClusterRules, maxTotal: number): RankedUnit[] {
  const firstSection = table.rows.find((r) => r.kind === 'section')?.code ?? null;
  const keys = (t: SheetTotals): number[] => [
    t.total,
    ...rules.tieBreaks.map((rule) =>
      rule === 'first-section' ? (firstSection ? (t.bySection.get(firstSection) ?? 0) : 0) : -t.deductions,
    ),
  ];
  const compare = (a: RankInput, b: RankInput): number => {
    if (!a.totals || !b.totals) return (a.totals ? 0 : 1) - (b.totals ? 0 : 1);
    const ka = keys(a.totals);
    const kb = keys(b.totals);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
    return 0;
  };
  const sorted = [...units].sort((a, b) => compare(a, b) || a.unitCode.localeCompare(b.unitCode));
  const ranked: RankedUnit[] = [];
  sorted.forEach((unit, index) => {
    const previous = ranked[index - 1];
    const rank = previous && compare(sorted[index - 1]!, unit) === 0 ? previous.rank : index + 1;
    ranked.push({
      ...unit,
      rank,
      classification: unit.totals ? classify(unit.totals.total, unit.totals.max ?? maxTotal, rules.bands) : null,
    });
  });
  return ranked;
}
