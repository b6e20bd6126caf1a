import { stringify } from 'csv-stringify/sync';
import type { Translate } from '../i18n/i18n.js';
import { consolidatedGrid, type GridCell } from './grid.js';
import type { ReportInput } from './types.js';

/** A grid cell as csv-stringify takes it: points as numbers (`8.5`), texts in NFC, empty cells empty. */
function field(cell: GridCell): string | number | null {
  if (cell === null) return null;
  if (cell.type === 'points') return cell.value / 100;
  if (cell.type === 'rank') return cell.value;
  return cell.value.normalize('NFC');
}

/**
 * The consolidated table as CONTRACT.md fixes it for machines and spreadsheets, written by
 * csv-stringify: UTF-8 with a byte-order mark (so Excel opens Vietnamese correctly),
 * comma-separated, RFC 4180 quoting, CRLF line ends, decimal point in numbers (`8.5`: a score
 * in hundredths divided by 100 prints as its shortest decimal). A text a spreadsheet would run
 * as a formula (a unit named `=HYPERLINK(…)`, or starting with `+`, `-`, `@`, a tab or a
 * carriage return) gets a leading apostrophe, as OWASP advises (`escape_formulas`); numbers
 * never do, so they stay numbers.
 */
export function consolidatedCsv(input: ReportInput, t: Translate): Uint8Array {
  const grid = consolidatedGrid(input.table, t);
  const text = stringify([grid.headers.map((h) => h.normalize('NFC')), ...grid.rows.map((row) => row.map(field))], {
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
    // With CRLF records csv-stringify quotes a lone line feed only on request; a name typed on
    // two lines must stay one field.
    quoted_match: /[\r\n]/,
  });
  return new TextEncoder().encode(text);
}
