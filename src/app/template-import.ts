import ExcelJS from 'exceljs';
import { UserError } from '../domain/errors.js';
import { normaliseCode } from '../domain/criteria.js';
import { TEMPLATE } from '../reports/xlsx-template.js';
import type { Attachment } from './ports.js';

/** At most this many bytes are read from a filled template. */
const MAX_BYTES = 5 * 1024 * 1024;

/** One filled row of a template, as a `/score` line, named by its points cell's address. */
export interface TemplateLine {
  /** The points cell's address, e.g. `C7`: how a bad row is named. */
  line: string;
  /** `CODE POINTS NOTE`, as typed after `/score`. */
  text: string;
}

/**
 * Reads a filled `/template` sent back with `/score`: every row with a filled points cell
 * becomes a `/score` line (the note cell after it), so typed and filled scores pass the same
 * checks. The sheet must be the unit's own (its code in `B2`).
 *
 * @throws UserError for a file that is not the template, or another unit's
 */
export async function readTemplateLines(file: Attachment, unitCode: string): Promise<TemplateLine[]> {
  if (!file.fileName.toLowerCase().endsWith('.xlsx')) throw new UserError('error-template-file', { name: file.fileName });
  const bytes = await file.download();
  if (bytes.byteLength > MAX_BYTES) throw new UserError('error-template-file', { name: file.fileName });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new UserError('error-template-file', { name: file.fileName });
  }
  const sheet = workbook.getWorksheet(TEMPLATE.sheetName);
  if (!sheet) throw new UserError('error-template-file', { name: file.fileName });
  const owner = normaliseCode(cellText(sheet.getCell(TEMPLATE.unitCell).value));
  if (owner !== normaliseCode(unitCode)) throw new UserError('error-template-unit', { unit: owner, mine: unitCode });
  const c = TEMPLATE.columns;
  const lines: TemplateLine[] = [];
  for (let r = TEMPLATE.firstRow; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const code = cellText(row.getCell(c.code).value).trim();
    const points = cellText(row.getCell(c.points).value).trim();
    if (!code || !points) continue;
    const note = cellText(row.getCell(c.note).value).replace(/\s+/g, ' ').trim();
    lines.push({ line: row.getCell(c.points).address, text: [code, points, note].filter(Boolean).join(' ') });
  }
  return lines;
}

/** A cell's value as text: numbers with a decimal point, rich text joined, formulas by result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Math.round(value * 1e6) / 1e6);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return String(value.result ?? '');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}
