import type { I18n } from '../i18n/i18n.js';
import type { Cell, Reply, Table } from '../reply.js';

/**
 * Plain-text rendering shared by the adapters: a reply's sentences, then its table as aligned
 * monospace lines. Numbers in tables are points, shown in the reader's language (`8,5`).
 */
export function replyText(i18n: I18n, locale: string, reply: Reply): string {
  const parts: string[] = [];
  if (reply.text?.length) parts.push(i18n.lines(locale, reply.text));
  if (reply.table) parts.push(tableText(i18n, locale, reply.table));
  if (reply.file?.caption && !reply.text?.length) parts.push(i18n.lines(locale, [reply.file.caption]));
  return parts.join('\n\n');
}

/** Text cells longer than this are cut with an ellipsis so tables fit an 80-column screen. */
const MAX_CELL = 46;

/** A table as aligned lines (for `<pre>` on Telegram, a code block on Slack, the console). */
export function tableText(i18n: I18n, locale: string, table: Table): string {
  const t = i18n.translator(locale);
  const numeric = new Set(table.numeric ?? []);
  const cut = (text: string) => ([...text].length > MAX_CELL ? `${[...text].slice(0, MAX_CELL - 1).join('')}…` : text);
  const cells = [table.headers.map((h) => t(h.key, h.args)), ...table.rows.map((row) => row.map((c) => cut(cellText(i18n, locale, c))))];
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  return cells
    .map((row, r) => {
      const line = row
        .map((c, i) => (numeric.has(i) && r > 0 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
      return r === 0 ? `${line}\n${widths.map((w) => '─'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

/** One cell as text: `–` when empty, points in the reader's style, words translated. */
function cellText(i18n: I18n, locale: string, cell: Cell): string {
  if (cell === null) return '–';
  if (typeof cell === 'number') return i18n.points(locale, cell);
  if (typeof cell === 'string') return cell;
  return i18n.translator(locale)(cell.key, cell.args);
}
