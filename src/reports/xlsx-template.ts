import ExcelJS from 'exceljs';
import { POINTS, scoringSpecText, type Scoring } from '../domain/criterion-kinds.js';
import type { Hundredths } from '../domain/score.js';
import type { Translate } from '../i18n/i18n.js';

/** One row of a unit's score sheet to fill in. */
export interface TemplateRow {
  code: string;
  title: string;
  kind: 'section' | 'criterion' | 'bonus' | 'deduction';
  scoring?: Scoring;
  max: Hundredths;
  /** The current self-score as typed (`inputText`), or null. */
  current: string | null;
  note: string | null;
  /** False when the criterion does not apply to the unit: shown, not fillable. */
  assigned: boolean;
}

/** What the template says about its unit and round. */
export interface TemplateInput {
  clusterName: string;
  termYear: number;
  roundKind: 'midyear' | 'yearend';
  unitCode: string;
  unitName: string;
  rows: TemplateRow[];
}

/** Where things are in the template: the unit's code, the header row, the columns to fill. */
export const TEMPLATE = {
  sheetName: 'phieu-cham',
  unitCell: 'B2',
  headerRow: 5,
  firstRow: 6,
  columns: { code: 1, title: 2, points: 3, note: 4, max: 5, how: 6 },
} as const;

/**
 * A unit's score sheet as an `.xlsx` to fill in Excel (`/template`): each criterion with its
 * kind and maximum, the current self-scores and notes, data validation on the points column by
 * kind (0..max for points, the two words for pass/fail, a whole number for counts), the sheet
 * protected except the points and notes of the rows the unit may fill. Sent back attached to
 * `/score`, `readTemplate` in the app reads it with the same checks as typed scores.
 */
export async function scoreTemplateXlsx(input: TemplateInput, t: Translate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua-bot';
  const sheet = workbook.addWorksheet(TEMPLATE.sheetName, { views: [{ state: 'frozen', ySplit: TEMPLATE.headerRow }] });
  const c = TEMPLATE.columns;
  sheet.getCell('A1').value = t('template-title', { unit: input.unitCode, name: input.unitName });
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value = t('template-unit');
  sheet.getCell(TEMPLATE.unitCell).value = input.unitCode;
  sheet.getCell('A3').value = t('template-round', { cluster: input.clusterName, year: input.termYear, kind: input.roundKind });
  sheet.getCell('A4').value = t('template-how');
  const header = sheet.getRow(TEMPLATE.headerRow);
  header.values = [
    t('template-col-code'),
    t('template-col-title'),
    t('template-col-points'),
    t('template-col-note'),
    t('template-col-max'),
    t('template-col-how'),
  ];
  header.font = { bold: true };
  input.rows.forEach((r, i) => {
    const row = sheet.getRow(TEMPLATE.firstRow + i);
    row.getCell(c.code).value = r.code;
    row.getCell(c.title).value = r.title;
    row.getCell(c.title).alignment = { wrapText: true, vertical: 'top' };
    if (r.kind === 'section') {
      row.font = { bold: true };
      return;
    }
    row.getCell(c.max).value = r.max / 100;
    row.getCell(c.how).value = r.assigned ? howText(t, r) : t('template-not-assigned');
    if (!r.assigned) return;
    const points = row.getCell(c.points);
    const note = row.getCell(c.note);
    points.value = r.current === null ? null : numberOrText(r.current);
    note.value = r.note;
    points.protection = { locked: false };
    note.protection = { locked: false };
    note.alignment = { wrapText: true, vertical: 'top' };
    points.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    note.fill = points.fill;
    const validation = validationFor(t, r);
    if (validation) points.dataValidation = validation;
  });
  sheet.getColumn(c.code).width = 10;
  sheet.getColumn(c.title).width = 60;
  sheet.getColumn(c.points).width = 16;
  sheet.getColumn(c.note).width = 40;
  sheet.getColumn(c.max).width = 10;
  sheet.getColumn(c.how).width = 40;
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

/** `8,5` → 8.5 (a number cell for plain points), anything else as text. */
function numberOrText(text: string): string | number {
  return /^\d+(,\d{1,2})?$/.test(text) ? Number(text.replace(',', '.')) : text;
}

/** How to fill a row, in words (the kind and its parameters). */
function howText(t: Translate, r: TemplateRow): string {
  const scoring = r.scoring ?? POINTS;
  const args = { max: r.max / 100, spec: scoringSpecText(scoring) };
  return t(
    `template-how-${scoring.type}`,
    'each' in scoring
      ? { ...args, each: scoring.each / 100 }
      : 'plus' in scoring
        ? { ...args, plus: scoring.plus / 100, minus: scoring.minus / 100 }
        : args,
  );
}

/** Excel's own check of the points cell, by kind (none for kinds written as text). */
function validationFor(t: Translate, r: TemplateRow): ExcelJS.DataValidation | null {
  const scoring = r.scoring ?? POINTS;
  const error = { showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: t('template-invalid-title'), allowBlank: true };
  switch (scoring.type) {
    case 'points':
      return {
        type: 'decimal',
        operator: 'between',
        formulae: [0, r.max / 100],
        error: t('template-invalid-points', { max: r.max / 100 }),
        ...error,
      };
    case 'passfail':
      return { type: 'list', formulae: ['"đạt,không đạt"'], error: t('template-invalid-passfail'), ...error };
    case 'count':
      return { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], error: t('template-invalid-count'), ...error };
    default:
      return null;
  }
}
