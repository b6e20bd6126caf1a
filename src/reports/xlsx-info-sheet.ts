import type ExcelJS from 'exceljs';
import type { Translate } from '../i18n/i18n.js';
import { EXCEL_DATE_TIME_FORMAT, excelWallClock } from './excel-time.js';
import { COLUMN, reportHeading, roundLabel, roundStateLabel } from './labels.js';
import type { ReportInput } from './types.js';
import { ColumnFit, writeRow, type CellInput, type CellStyles } from './xlsx-style.js';

/**
 * The information sheet: what the table is (cluster, year, round, state, whether the figures are
 * provisional, deadline, time of export in the cluster's time zone, number of units, scale),
 * followed by the list of criteria, so the codes heading the first sheet's columns can be read
 * as words. The first sheet stays free of all this.
 */
export function writeInfoSheet(sheet: ExcelJS.Worksheet, input: ReportInput, t: Translate, styles: CellStyles): void {
  const fit = new ColumnFit(8, 70);
  const wall = excelWallClock(input.timezone);
  const date = (at: Date): CellInput => ({ date: wall(at), numFmt: EXCEL_DATE_TIME_FORMAT, left: true });
  writeRow(sheet, styles, [reportHeading(t, input)], () => styles.title);
  writeRow(sheet, styles, []);
  const facts: [string, CellInput][] = [
    [t('report-info-cluster'), input.clusterName],
    [t('report-info-year'), input.termYear],
    [t('report-info-round'), roundLabel(t, input.roundKind)],
    [t('report-info-state'), roundStateLabel(t, input.roundState)],
    [t('report-info-figures'), t(input.provisional ? 'report-figures-provisional' : 'report-figures-final')],
    [t('report-info-deadline'), date(input.deadline)],
    [t('report-info-exported'), date(input.exportedAt)],
    [t('report-info-timezone'), input.timezone],
    [t('report-info-units'), input.table.rows.length],
    [t('report-info-scale'), { points: input.table.maxTotal, left: true }],
  ];
  for (const [label, value] of facts) {
    writeRow(sheet, styles, [label, value], (i) => (i === 0 ? styles.bold : styles.left));
    fit.see([label, value], true);
  }
  writeRow(sheet, styles, []);
  writeRow(sheet, styles, [t('report-info-criteria')], () => styles.bold);
  const headers = [t(COLUMN.criterionCode), t(COLUMN.criterionTitle), t(COLUMN.max)];
  writeRow(sheet, styles, headers, () => styles.header);
  fit.see(headers, true);
  for (const c of input.table.criteria) {
    const values: CellInput[] = [c.code, c.title, { points: c.max }];
    writeRow(sheet, styles, values, (i) => (i === 1 ? styles.wrap : styles.plain));
    fit.see(values);
  }
  fit.apply(sheet, { 0: 28 });
}
