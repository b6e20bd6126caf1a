import type ExcelJS from 'exceljs';
import type { Hundredths } from '../domain/score.js';

/**
 * The number format that shows a score with as many decimals as it has, at most two: `8`,
 * `8.5`, `8.25` (Excel shows `8,5` on a Vietnamese computer). A single format such as `0.##`
 * would leave a dangling separator on whole numbers (`8.`), hence one format per precision.
 */
function pointsFormat(value: Hundredths): string {
  if (value % 100 === 0) return '0';
  return value % 10 === 0 ? '0.0' : '0.00';
}

type Style = Partial<ExcelJS.Style>;

/**
 * The few cell styles a workbook uses, one object each, shared by every cell that has that
 * look. ExcelJS recognises a style object it has already written and skips serialising it
 * again, which makes a 50-unit × 200-criterion workbook several times faster to write than
 * one style object per cell. Create one set per workbook and never mutate a style after use.
 */
export class CellStyles {
  readonly plain: Style = {};
  readonly bold: Style = { font: { bold: true } };
  readonly title: Style = { font: { bold: true, size: 13 } };
  readonly left: Style = { alignment: { horizontal: 'left' } };
  readonly wrap: Style = { alignment: { wrapText: true, vertical: 'top' } };
  readonly header: Style = {
    font: { bold: true },
    alignment: { vertical: 'middle', wrapText: true },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
    border: { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } },
  };
  private readonly points: Record<string, [Style, Style]> = {};
  private readonly dates: Record<string, [Style, Style]> = {};

  /** A score's style: its number format, optionally left-aligned (label/value blocks). */
  forPoints(value: Hundredths, left = false): Style {
    return this.pair(this.points, pointsFormat(value))[left ? 1 : 0];
  }

  /** A date-time cell's style (`dd/mm/yyyy hh:mm`), optionally left-aligned. */
  forDate(numFmt: string, left = false): Style {
    return this.pair(this.dates, numFmt)[left ? 1 : 0];
  }

  private pair(cache: Record<string, [Style, Style]>, numFmt: string): [Style, Style] {
    return (cache[numFmt] ??= [{ numFmt }, { numFmt, alignment: { horizontal: 'left' } }]);
  }
}

/** A value to write: a text, a whole number, a score in hundredths, a date, or nothing. */
export type CellInput =
  string | number | { points: Hundredths | null; left?: boolean } | { date: Date; numFmt: string; left?: boolean } | null | undefined;

/**
 * Appends a row, setting each cell's value and its shared style (`styles.plain` unless `style`
 * says otherwise; scores and dates get theirs). Returns the row; style it only through its
 * cells, since its own style object is shared.
 */
export function writeRow(
  sheet: ExcelJS.Worksheet,
  styles: CellStyles,
  values: CellInput[],
  style: (column: number) => Style = () => styles.plain,
): ExcelJS.Row {
  const row = sheet.addRow([]);
  // A row carries a style object of its own too (a fresh `{}`, not in ExcelJS's typings) that
  // the writer serialises once per row; sharing one instead took a fifth off a large export.
  (row as ExcelJS.Row & { style: Style }).style = styles.plain;
  values.forEach((value, i) => {
    if (value === null || value === undefined) return;
    const cell = row.getCell(i + 1);
    if (typeof value === 'object' && 'points' in value) {
      if (value.points === null) return;
      cell.value = value.points / 100;
      cell.style = styles.forPoints(value.points, value.left);
    } else if (typeof value === 'object') {
      cell.value = value.date;
      cell.style = styles.forDate(value.numFmt, value.left);
    } else {
      cell.value = typeof value === 'string' ? value.normalize('NFC') : value;
      cell.style = style(i);
    }
  });
  return row;
}

/** How wide a value reads in a cell, in characters (Excel's column width unit). */
function displayLength(value: CellInput): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return String(value).length;
  if (typeof value === 'object') return 'points' in value ? (value.points === null ? 0 : String(value.points / 100).length) : 16;
  if (!value.includes('\n')) return value.length;
  return Math.max(...value.split('\n').map((line) => line.length));
}

/**
 * Records the widest content of each column while a sheet is written, then sets widths that fit
 * it (within `min`..`max`, longer texts wrap), so nobody has to widen columns by hand before
 * forwarding the file.
 */
export class ColumnFit {
  private readonly widths: number[] = [];

  constructor(
    private readonly min = 6,
    private readonly max = 60,
  ) {}

  /** Notes the content of a row, column by column (index 0 = column A). */
  see(values: CellInput[], bold = false): void {
    for (let i = 0; i < values.length; i++) {
      const length = Math.ceil(displayLength(values[i]) * (bold ? 1.15 : 1));
      if (length > (this.widths[i] ?? 0)) this.widths[i] = length;
    }
  }

  /** Applies the widths; `limits` overrides the maximum of given columns (e.g. long titles). */
  apply(sheet: ExcelJS.Worksheet, limits: Record<number, number> = {}): void {
    this.widths.forEach((w, i) => {
      const max = limits[i] ?? this.max;
      sheet.getColumn(i + 1).width = Math.min(max, Math.max(this.min, w + 2));
    });
  }
}
