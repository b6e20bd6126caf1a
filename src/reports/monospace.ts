/**
 * Helpers for monospace text (Telegram `<pre>`, Slack code blocks, the console). Widths count
 * characters after NFC normalisation: a Vietnamese letter typed with combining marks (`e` +
 * `̂` + `́`) is one character on screen, and would otherwise throw the columns off.
 */

/** The on-screen width of a text in a monospace font. */
export function monoWidth(text: string): number {
  return [...text.normalize('NFC')].length;
}

/** Cuts a text to `width` characters, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = [...text.normalize('NFC')];
  if (chars.length <= width) return chars.join('');
  return width <= 1 ? chars.slice(0, width).join('') : `${chars.slice(0, width - 1).join('').trimEnd()}…`;
}

/** Pads to `width` on the right (text) or on the left (numbers). */
export function pad(text: string, width: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, width - monoWidth(text)));
  return right ? fill + text.normalize('NFC') : text.normalize('NFC') + fill;
}

/** Wraps a text at spaces into lines of at most `width` characters; a longer word is cut. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (monoWidth(next) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    let rest = [...word];
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    line = rest.join('');
  }
  if (line || !lines.length) lines.push(line);
  return lines;
}
