import { formatPointsPlain } from '../domain/score.js';
import type { Translate } from '../i18n/i18n.js';
import { consolidatedGrid, type GridCell } from './grid.js';
import type { ReportInput } from './types.js';

const BOM = '\ufeff';

/**
 * Quotes one field per RFC 4180: only when it holds a comma, a double quote or a line break,
 * doubling the quotes inside.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A text cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
 * a carriage return, e.g. a unit named `=HYPERLINK(…)`) gets a leading apostrophe, as OWASP
 * advises for CSV files opened in Excel. Numbers are never text cells, so `-1.5` stays a number.
 */
export function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cellText(cell: GridCell): string {
  if (cell === null) return '';
  if (cell.type === 'points') return formatPointsPlain(cell.value);
  if (cell.type === 'rank') return String(cell.value);
  return defuseFormula(cell.value.normalize('NFC'));
}

/**
 * The consolidated table as CONTRACT.md fixes it for machines and spreadsheets: UTF-8 with a
 * byte-order mark (so Excel opens Vietnamese correctly), comma-separated, RFC 4180 quoting, CRLF
 * line ends, decimal point in numbers (`8.5`). Empty cells where a unit has no sheet.
 */
export function consolidatedCsv(input: ReportInput, t: Translate): Uint8Array {
  const grid = consolidatedGrid(input.table, t);
  const lines = [
    grid.headers.map((h) => csvField(defuseFormula(h.normalize('NFC')))).join(','),
    ...grid.rows.map((row) => row.map((cell) => csvField(cellText(cell))).join(',')),
  ];
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}
