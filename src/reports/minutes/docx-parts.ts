import { AlignmentType, BorderStyle, Paragraph, Table, TableBorders, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';

/**
 * The building blocks of an administrative document (Decree 30/2020): paragraphs in Times New
 * Roman with the document's sizes, the borderless two-column blocks (header, signatures) and the
 * bordered data tables. Every text goes through `nfc` so Vietnamese reads the same in every viewer.
 */

/** Body text in half-points (14 pt). */
export const BODY = 28;
/** Tables and the header's lines in half-points (13 pt). */
export const SMALL = 26;

/** Unicode NFC: composed Vietnamese letters (what Word and the offices expect). */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Options of one run of text. */
export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  allCaps?: boolean;
}

/** One paragraph of a single run. */
export function para(
  text: string,
  style: RunStyle & { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: style.align ?? AlignmentType.JUSTIFIED,
    indent: style.indent ? { firstLine: 567 } : undefined,
    spacing: { before: 60, after: style.after ?? 60, line: 300 },
    children: [
      new TextRun({ text: nfc(text), bold: style.bold, italics: style.italics, size: style.size ?? BODY, allCaps: style.allCaps }),
    ],
  });
}

/** A centred paragraph (header lines, titles, signature blocks). */
export function centre(text: string, style: RunStyle = {}): Paragraph {
  return para(text, { ...style, align: AlignmentType.CENTER, after: 0 });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE } as const;

/** Two columns without borders: the header block and the signature blocks. `widths` in percent. */
export function twoColumns(left: Paragraph[], right: Paragraph[], widths: [number, number] = [45, 55]): Table {
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({ children, borders: NO_BORDERS, width: { size: width, type: WidthType.PERCENTAGE }, verticalAlign: VerticalAlign.TOP });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })],
  });
}

/** A bordered data table: a bold header row and rows of text; `numeric` columns align right. */
export function dataTable(headers: string[], rows: string[][], widths: number[], numeric: number[] = []): Table {
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
  const borders = { top: line, bottom: line, left: line, right: line } as const;
  const cell = (text: string, col: number, header: boolean) =>
    new TableCell({
      borders,
      width: { size: widths[col] ?? 10, type: WidthType.PERCENTAGE },
      verticalAlign: VerticalAlign.CENTER,
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : numeric.includes(col) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: nfc(text), bold: header, size: SMALL })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h, i) => cell(h, i, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, i, false)) })),
    ],
  });
}
