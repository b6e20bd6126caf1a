import type ExcelJS from 'exceljs';
import type { Translate } from '../i18n/i18n.js';
import { EXCEL_DATE_TIME_FORMAT, excelWallClock } from './excel-time.js';
import { COLUMN } from './labels.js';
import type { AuditEntry } from './types.js';
import { ColumnFit, writeRow, type CellInput, type CellStyles } from './xlsx-style.js';

/**
 * The last sheet: the round's audit trail, oldest first: when (a real date in the cluster's
 * time zone), who, what, on what, the value before and after, and why. Every score and every
 * change is an official record, and the board may ask to see them.
 */
export function writeAuditSheet(
  sheet: ExcelJS.Worksheet,
  audit: AuditEntry[],
  timezone: string,
  t: Translate,
  styles: CellStyles,
): void {
  const fit = new ColumnFit(8, 50);
  const wall = excelWallClock(timezone);
  const headers = [COLUMN.at, COLUMN.actor, COLUMN.action, COLUMN.subject, COLUMN.before, COLUMN.after, COLUMN.reason].map((key) =>
    t(key),
  );
  writeRow(sheet, styles, headers, () => styles.header);
  fit.see(headers, true);
  const entries = audit
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index);
  const style = (i: number) => (i === 6 ? styles.wrap : styles.plain);
  for (const { entry } of entries) {
    const values: CellInput[] = [
      { date: wall(entry.at), numFmt: EXCEL_DATE_TIME_FORMAT },
      entry.actor,
      entry.action,
      entry.subject,
      entry.before || null,
      entry.after || null,
      entry.reason || null,
    ];
    writeRow(sheet, styles, values, style);
    fit.see(values);
  }
  fit.apply(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}
