import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import { tableText } from '../render.js';

/** Telegram's limit for a message text, in characters after HTML entities are parsed. */
export const MESSAGE_LIMIT = 4096;
/** Telegram's limit for a photo or document caption. */
export const CAPTION_LIMIT = 1024;

/**
 * Escapes a string for `parse_mode: 'HTML'`: every user-provided text goes through here, so a
 * unit named `<b>A&B</b>` shows literally instead of turning bold (or being refused by Telegram).
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One line of a reply and whether it belongs to a monospace table. */
export interface Line {
  text: string;
  pre: boolean;
}

/** The lines of a reply: its sentences, a blank line, then its table (monospace). */
export function replyLines(i18n: I18n, locale: string, reply: Reply, parts: { text?: boolean; table?: boolean } = {}): Line[] {
  const lines: Line[] = [];
  if (parts.text !== false && reply.text?.length) {
    for (const text of i18n.lines(locale, reply.text).split('\n')) lines.push({ text, pre: false });
  }
  if (parts.table !== false && reply.table) {
    if (lines.length) lines.push({ text: '', pre: false });
    for (const text of tableText(i18n, locale, reply.table).split('\n')) lines.push({ text, pre: true });
  }
  return lines;
}

/** The number of characters Telegram counts for these lines once rendered (tags excluded). */
export function plainLength(lines: Line[]): number {
  return lines.reduce((sum, l, i) => sum + l.text.length + (i > 0 ? 1 : 0), 0);
}

/**
 * Renders lines as Telegram HTML: plain lines escaped, consecutive table lines escaped and
 * wrapped in one `<pre>` block. Leading and trailing blank lines are dropped (Telegram trims
 * them anyway, and a message of blanks is refused).
 */
export function toHtml(lines: Line[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && !lines[start]!.pre && !lines[start]!.text.trim()) start++;
  while (end > start && !lines[end - 1]!.pre && !lines[end - 1]!.text.trim()) end--;
  const out: string[] = [];
  let i = start;
  while (i < end) {
    const line = lines[i]!;
    if (!line.pre) {
      out.push(escapeHtml(line.text));
      i++;
      continue;
    }
    const block: string[] = [];
    while (i < end && lines[i]!.pre) block.push(escapeHtml(lines[i++]!.text));
    out.push(`<pre>${block.join('\n')}</pre>`);
  }
  return out.join('\n');
}

/**
 * Packs lines into messages of at most `limit` characters, breaking only between lines (a
 * single line longer than the limit is cut hard), and renders each as HTML. A table that
 * crosses a boundary continues in a new `<pre>` block in the next message.
 */
export function htmlChunks(lines: Line[], limit = MESSAGE_LIMIT): string[] {
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
  return chunks.map(toHtml).filter((html) => html.trim() !== '');
}

/** The HTML of lines when they fit in one caption, else `undefined`. */
export function captionHtml(lines: Line[]): string | undefined {
  if (!lines.length || plainLength(lines) > CAPTION_LIMIT) return undefined;
  const html = toHtml(lines);
  return html.trim() ? html : undefined;
}
