import type ExcelJS from 'exceljs';
import type { Translate } from '../i18n/i18n.js';
import { describeAudit } from './audit-text.js';
import { EXCEL_DATE_TIME_FORMAT, excelWallClock } from './excel-time.js';
import { COLUMN } from './labels.js';
import type { ReportInput } from './types.js';
import { ColumnFit, writeRow, type CellInput, type CellStyles } from './xlsx-style.js';

/**
 * The last sheet: the round's audit trail, oldest first, as a person reads it: when (a real
 * date in the cluster's time zone), who, what (in words), on which unit, the change (`1.1: 9,5
 * → 8`) and, in its own column, why. Every score and every change is an official record, and
 * the board may ask to see them.
 */
export function writeAuditSheet(sheet: ExcelJS.Worksheet, input: ReportInput, t: Translate, styles: CellStyles): void {
  const fit = new ColumnFit(8, 50);
  const wall = excelWallClock(input.timezone);
  const headers = [COLUMN.at, COLUMN.actor, COLUMN.action, COLUMN.subject, COLUMN.change, COLUMN.auditReason].map((key) => t(key));
  writeRow(sheet, styles, headers, () => styles.header);
  fit.see(headers, true);
  const entries = input.audit
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index);
  const style = (i: number) => (i >= 4 ? styles.wrap : styles.plain);
  for (const { entry } of entries) {
    const line = describeAudit(entry, t, input);
    const values: CellInput[] = [
      { date: wall(entry.at), numFmt: EXCEL_DATE_TIME_FORMAT },
      entry.actor,
      line.action,
      line.subject,
      line.change || null,
      line.reason || null,
    ];
    writeRow(sheet, styles, values, style);
    fit.see(values);
  }
  fit.apply(sheet);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
}
