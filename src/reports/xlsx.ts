import ExcelJS from 'exceljs';
import type { Translate } from '../i18n/i18n.js';
import { SheetNames } from './sheet-names.js';
import type { ReportInput, UnitDetail } from './types.js';
import { writeAuditSheet } from './xlsx-audit-sheet.js';
import { writeInfoSheet } from './xlsx-info-sheet.js';
import { writeTableSheet } from './xlsx-table-sheet.js';
import { UNIT_HEADER_ROW, unitSheetWriter } from './xlsx-unit-sheet.js';
import { CellStyles } from './xlsx-style.js';

/** The MIME type of an `.xlsx` workbook, for adapters sending the file. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Worksheet options freezing the first `rows` rows and `columns` columns. */
function frozen(rows: number, columns = 0): Partial<ExcelJS.AddWorksheetOptions> {
  return { views: [{ state: 'frozen', xSplit: columns, ySplit: rows }] };
}

/**
 * The consolidated table as the workbook a secretary forwards to the provincial board without
 * editing: first sheet = exactly the contract's table (numbers as numbers); then an information
 * sheet; one sheet per unit (named by its code, in rank order); last, the audit trail. Sheet
 * names and headings come from the translator, so a Vietnamese reader gets Vietnamese.
 */
export async function consolidatedXlsx(input: ReportInput, t: Translate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua-bot';
  workbook.created = input.exportedAt;
  workbook.modified = input.exportedAt;
  workbook.title = input.clusterName;

  const names = new SheetNames();
  const tableName = names.take(t('report-sheet-table'), 'Table');
  const infoName = names.take(t('report-sheet-info'), 'Info');
  const auditName = names.take(t('report-sheet-audit'), 'Audit');

  const styles = new CellStyles();
  writeTableSheet(workbook.addWorksheet(tableName, frozen(1, 3)), input, t, styles);
  writeInfoSheet(workbook.addWorksheet(infoName), input, t, styles);

  const details = new Map<string, UnitDetail>(input.units.map((u) => [u.unitCode.toUpperCase(), u]));
  const writeUnitSheet = unitSheetWriter(t, styles);
  for (const [i, row] of input.table.rows.entries()) {
    const sheet = workbook.addWorksheet(names.take(row.unitCode, `U${i + 1}`), frozen(UNIT_HEADER_ROW));
    writeUnitSheet(sheet, row, details.get(row.unitCode.toUpperCase()) ?? null);
  }

  writeAuditSheet(workbook.addWorksheet(auditName, frozen(1)), input, t, styles);
  // Deflate level 1: about a fifth larger than the default level 6 (a 50-unit × 200-criterion
  // workbook stays under half a megabyte) for a much faster export.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(buffer);
}
