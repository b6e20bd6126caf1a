/** Excel's longest worksheet name. */
const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[\u0000-\u001f\u007f[\]:*?/\\]/g;

function clean(name: string): string {
  return name
    .normalize('NFC')
    .replace(FORBIDDEN, '-')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
}

function cut(name: string, length: number): string {
  return [...name].slice(0, length).join('').replace(/'+$/, '').trimEnd();
}

/**
 * Hands out worksheet names Excel accepts: no `[ ] : * ? / \` or control characters, no
 * apostrophe at either end, at most 31 characters, not the reserved `History`, and unique
 * ignoring case (Excel's rule). A clash gets ` (2)`, ` (3)`… within the 31 characters.
 * Unit codes become sheet names, and a secretary may type any of these characters into one.
 */
export class SheetNames {
  private readonly used = new Set<string>();

  /** A valid, unused name as close to `wanted` as the rules allow; `fallback` if nothing is left. */
  take(wanted: string, fallback = 'Sheet'): string {
    let base = cut(clean(wanted), MAX_SHEET_NAME);
    if (!base) base = cut(clean(fallback), MAX_SHEET_NAME) || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = n === 1 ? base : cut(base, MAX_SHEET_NAME - suffix.length) + suffix;
      const key = name.toLocaleLowerCase('en');
      if (key === 'history' || this.used.has(key)) continue;
      this.used.add(key);
      return name;
    }
  }
}
