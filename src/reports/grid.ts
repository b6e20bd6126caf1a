import type { ConsolidatedTable } from '../domain/consolidated.js';
import type { Hundredths } from '../domain/score.js';
import type { Translate } from '../i18n/i18n.js';
import { COLUMN, classLabel } from './labels.js';

/** A cell of the consolidated grid: a rank, a score in hundredths, a text, or empty. */
export type GridCell = { type: 'rank'; value: number } | { type: 'points'; value: Hundredths } | { type: 'text'; value: string } | null;

/** The contract's table, laid out once for every file format. */
export interface ConsolidatedGrid {
  headers: string[];
  rows: GridCell[][];
}

/**
 * Lays out the consolidated table exactly as CONTRACT.md fixes it: rank, unit code, unit name,
 * one column per criterion (its code as header), bonus, deductions, total, classification. The
 * CSV and the workbook both render this grid, so their columns cannot drift apart; numbers stay
 * in hundredths until a format writes them. A unit that never submitted follows the domain's
 * rule (`buildConsolidated`): empty rank and score cells, "not submitted" as classification.
 */
export function consolidatedGrid(table: ConsolidatedTable, t: Translate): ConsolidatedGrid {
  const headers = [
    t(COLUMN.rank),
    t(COLUMN.unitCode),
    t(COLUMN.unitName),
    ...table.criteria.map((c) => c.code),
    t(COLUMN.bonus),
    t(COLUMN.deductions),
    t(COLUMN.total),
    t(COLUMN.classification),
  ];
  const points = (value: Hundredths | null): GridCell => (value === null ? null : { type: 'points', value });
  const rows = table.rows.map((row): GridCell[] => [
    row.rank === null ? null : { type: 'rank', value: row.rank },
    { type: 'text', value: row.unitCode },
    { type: 'text', value: row.unitName },
    ...table.criteria.map((_, i) => points(row.scores[i] ?? null)),
    points(row.bonus),
    points(row.deductions),
    points(row.total),
    { type: 'text', value: classLabel(t, row.classification) },
  ]);
  return { headers, rows };
}
