import type { Line } from '../kit/lines.js';

/**
 * Escapes a string for `parse_mode: 'HTML'`: every user-provided text goes through here, so a
 * unit named `<b>A&B</b>` shows literally instead of turning bold (or being refused by Telegram).
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Renders lines as Telegram HTML: plain lines escaped, consecutive table lines escaped and
 * wrapped in one `<pre>` block (so a table split over two messages is monospace in both).
 */
export function toHtml(lines: readonly Line[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (!line.pre) {
      out.push(escapeHtml(line.text));
      i++;
      continue;
    }
    const block: string[] = [];
    while (i < lines.length && lines[i]!.pre) block.push(escapeHtml(lines[i++]!.text));
    out.push(`<pre>${block.join('\n')}</pre>`);
  }
  return out.join('\n');
}
