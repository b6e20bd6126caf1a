import type ExcelJS from 'exceljs';
import type { ConsolidatedRow } from '../domain/consolidated.js';
import type { Translate } from '../i18n/i18n.js';
import { COLUMN, classLabel, kindLabel, sheetStateLabel } from './labels.js';
import type { UnitDetail } from './types.js';
import { ColumnFit, writeRow, type CellInput, type CellStyles } from './xlsx-style.js';

/** The row of a unit sheet's column headers (after the title, six facts and a blank row). */
export const UNIT_HEADER_ROW = 9;

/** Columns of a unit sheet that hold long texts and wrap: title, note, reason (0-based). */
const WRAPPED = new Set([1, 5, 7]);

/** Writes one unit's sheet; see `unitSheetWriter`. */
export type UnitSheetWriter = (sheet: ExcelJS.Worksheet, row: ConsolidatedRow, detail: UnitDetail | null) => void;

/**
 * Makes the writer of the unit sheets, with their labels translated once per workbook (a
 * workbook may hold fifty of them). Each sheet: a short summary from the consolidated table
 * (state, rank, bonus, deductions, total, classification: the same figures as the first sheet),
 * then every scorable row with the self-score and the unit's note beside the reviewed score and
 * the reviewer's reason, which is what a board reads when it checks an appraisal. The kind
 * column names only bonus and deduction rows; ordinary criteria leave it empty so the exceptions
 * stand out. `detail` is null when the store gave none. The column headers land on
 * `UNIT_HEADER_ROW`, which the workbook freezes.
 */
export function unitSheetWriter(t: Translate, styles: CellStyles): UnitSheetWriter {
  const facts = {
    state: t('report-unit-state'),
    rank: t(COLUMN.rank),
    bonus: t(COLUMN.bonus),
    deductions: t(COLUMN.deductions),
    total: t(COLUMN.total),
    classification: t(COLUMN.classification),
  };
  const headers = [
    t(COLUMN.criterionCode),
    t(COLUMN.criterionTitle),
    t(COLUMN.kind),
    t(COLUMN.max),
    t(COLUMN.self),
    t(COLUMN.note),
    t(COLUMN.reviewed),
    t(COLUMN.reason),
  ];
  // Headers wrap, so only their longest word has to fit.
  const evidenceHeader = t('report-col-evidence');
  const headerWords = headers.map((h) => h.split(' ').reduce((a, w) => (w.length > a.length ? w : a), ''));
  const kinds = { bonus: kindLabel(t, 'bonus'), deduction: kindLabel(t, 'deduction') };
  const factStyle = (i: number) => (i === 0 ? styles.bold : styles.left);
  const rowStyle = (i: number) => (WRAPPED.has(i) ? styles.wrap : styles.plain);

  return (sheet, row, detail) => {
    const fit = new ColumnFit(6, 60);
    writeRow(sheet, styles, [`${row.unitCode} – ${row.unitName}`], () => styles.title);
    const values: [string, CellInput][] = [
      [facts.state, sheetStateLabel(t, detail ? detail.sheetState : row.sheetState)],
      [facts.rank, row.rank],
      [facts.bonus, { points: row.bonus, left: true }],
      [facts.deductions, { points: row.deductions, left: true }],
      [facts.total, { points: row.total, left: true }],
      [facts.classification, classLabel(t, row.classification)],
    ];
    for (const [label, value] of values) {
      writeRow(sheet, styles, [label, value], factStyle);
      fit.see([label], true);
    }
    writeRow(sheet, styles, []);
    // The evidence column is there only when the unit attached evidence (the layout stays otherwise).
    const withEvidence = (detail?.rows ?? []).some((r) => r.evidence?.length);
    writeRow(sheet, styles, withEvidence ? [...headers, evidenceHeader] : headers, () => styles.header);
    fit.see(withEvidence ? [...headerWords, evidenceHeader] : headerWords, true);
    for (const r of detail?.rows ?? []) {
      const cells: CellInput[] = [
        r.code,
        r.title,
        r.kind === 'criterion' ? null : kinds[r.kind],
        { points: r.max },
        { points: r.self },
        r.selfNote,
        { points: r.reviewed },
        r.reason,
        ...(withEvidence ? [r.evidence?.join('\n') ?? null] : []),
      ];
      writeRow(sheet, styles, cells, (i) => (i === 8 ? styles.wrap : rowStyle(i)));
      fit.see(cells);
    }
    fit.apply(sheet, { 0: 16, 1: 60, 5: 40, 7: 40, 8: 40 });
  };
}
