import type { I18n } from '../../i18n/i18n.js';
import type { Reply, Table } from '../../reply.js';
import { tableText } from '../render.js';

/**
 * One line of a reply and whether it belongs to a monospace table. Every platform packs and
 * renders replies line by line, so a sentence is never cut mid-word and a table row never
 * splits across two messages.
 */
export interface Line {
  text: string;
  pre: boolean;
}

/** Lines of plain (non-table) text. */
export function plainLines(text: string): Line[] {
  return text.split('\n').map((line) => ({ text: line, pre: false }));
}

/**
 * How a platform writes a table: aligned monospace columns (the default, `tableText`) or, where
 * there is no monospace (Zalo), lines of their own (`pre: false`).
 */
export type TableRenderer = (i18n: I18n, locale: string, table: Table) => Line[];

/** Tables as aligned columns in a monospace block. */
export const alignedTable: TableRenderer = (i18n, locale, table) =>
  tableText(i18n, locale, table)
    .split('\n')
    .map((text) => ({ text, pre: true }));

/** The lines of a reply: its sentences, a blank line, then its table (monospace unless `renderTable` says otherwise). */
export function replyLines(
  i18n: I18n,
  locale: string,
  reply: Reply,
  parts: { text?: boolean; table?: boolean } = {},
  renderTable: TableRenderer = alignedTable,
): Line[] {
  const lines: Line[] = [];
  if (parts.text !== false && reply.text?.length) lines.push(...plainLines(i18n.lines(locale, reply.text)));
  if (parts.table !== false && reply.table) {
    if (lines.length) lines.push({ text: '', pre: false });
    lines.push(...renderTable(i18n, locale, reply.table));
  }
  return lines;
}

/** The number of characters these lines take once joined by line breaks. */
export function plainLength(lines: readonly Line[]): number {
  return lines.reduce((sum, l, i) => sum + l.text.length + (i > 0 ? 1 : 0), 0);
}

/** True when the lines hold nothing a person could read (only blank prose lines). */
export function isBlank(lines: readonly Line[]): boolean {
  return lines.every((l) => !l.pre && !l.text.trim());
}

/**
 * Packs lines into messages of at most `limit` characters, breaking only between lines. A line
 * is cut only when it alone is longer than the limit; a table row, being one line, stays whole.
 * Messages holding only blank lines are dropped.
 *
 * ```ts
 * packLines(plainLines('aaaa\nbbbb\ncccc'), 9); // [[aaaa, bbbb], [cccc]]
 * ```
 */
export function packLines(lines: readonly Line[], limit: number): Line[][] {
  const pieces: Line[] = [];
  for (const line of lines) {
    if (line.text.length <= limit) pieces.push(line);
    else for (let at = 0; at < line.text.length; at += limit) pieces.push({ text: line.text.slice(at, at + limit), pre: line.pre });
  }
  const chunks: Line[][] = [];
  let current: Line[] = [];
  let length = 0;
  for (const piece of pieces) {
    const added = current.length ? piece.text.length + 1 : piece.text.length;
    if (current.length && length + added > limit) {
      chunks.push(current);
      current = [piece];
      length = piece.text.length;
    } else {
      current.push(piece);
      length += added;
    }
  }
  if (current.length) chunks.push(current);
  return chunks.map(trimBlankEdges).filter((chunk) => !isBlank(chunk));
}

/** Drops leading and trailing blank prose lines (platforms trim them, some refuse a blank message). */
function trimBlankEdges(lines: Line[]): Line[] {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]!.pre && !lines[start]!.text.trim()) start++;
  while (end > start && !lines[end - 1]!.pre && !lines[end - 1]!.text.trim()) end--;
  return lines.slice(start, end);
}
