import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { UserError } from '../../domain/errors.js';
import type { Attachment } from '../ports.js';

/** At most this many bytes are read from an uploaded criteria file. */
const MAX_BYTES = 2 * 1024 * 1024;

/**
 * Reads the rows of an uploaded criteria table: a `.csv` (UTF-8, with or without BOM, comma or
 * semicolon) or the first worksheet of an `.xlsx`. Every cell comes back as text.
 */
export async function readCriteriaFile(file: Attachment): Promise<string[][]> {
  const name = file.fileName.toLowerCase();
  const isCsv = name.endsWith('.csv') || file.mimeType === 'text/csv';
  const isXlsx = name.endsWith('.xlsx') || file.mimeType === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (!isCsv && !isXlsx) throw new UserError('error-criteria-file-type', { name: file.fileName });
  const bytes = await file.download();
  if (bytes.byteLength > MAX_BYTES) throw new UserError('error-criteria-file-size');
  try {
    return isCsv ? readCsv(Buffer.from(bytes).toString('utf8')) : await readXlsx(bytes);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('error-criteria-file-read', { name: file.fileName });
  }
}

function readCsv(text: string): string[][] {
  const clean = text.replace(/^\ufeff/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  return parse(clean, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UserError('error-criteria-empty');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return String(value.result ?? '');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}
