import type ExcelJS from 'exceljs';
import type { Translate } from '../i18n/i18n.js';
import { consolidatedGrid } from './grid.js';
import type { ReportInput } from './types.js';
import { ColumnFit, writeRow, type CellInput, type CellStyles } from './xlsx-style.js';

/**
 * Fills the workbook's first sheet with the contract's table and nothing else: one header row,
 * then one row per unit in rank order, numbers as numbers. No title rows, so the province's
 * own tools and formulas can read it as is; the header row and the unit columns stay frozen
 * while scrolling through many criteria, and an auto-filter is set on the header.
 */
export function writeTableSheet(sheet: ExcelJS.Worksheet, input: ReportInput, t: Translate, styles: CellStyles): void {
  const grid = consolidatedGrid(input.table, t);
  const fit = new ColumnFit(5, 60);
  writeRow(sheet, styles, grid.headers, () => styles.header);
  fit.see(grid.headers, true);
  for (const cells of grid.rows) {
    const values: CellInput[] = cells.map((cell) => (cell === null ? null : cell.type === 'points' ? { points: cell.value } : cell.value));
    writeRow(sheet, styles, values);
    fit.see(values);
  }
  fit.apply(sheet, { 2: 45 });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: grid.headers.length } };
}
