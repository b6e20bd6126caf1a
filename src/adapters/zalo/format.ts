import type { I18n } from '../../i18n/i18n.js';
import type { Cell, Table } from '../../reply.js';
import type { Line, TableRenderer } from '../kit/lines.js';

/** A short code (`BL`, `SNV`, `CA-HN`) that reads best glued to the name after it. */
const CODE = /^(?=[^A-ZĐ]*[A-ZĐ])[A-ZĐ0-9][A-ZĐ0-9_-]{0,9}$/u;

function cellText(i18n: I18n, locale: string, cell: Cell): string {
  if (cell === null) return '–';
  if (typeof cell === 'number') return i18n.points(locale, cell);
  if (typeof cell === 'string') return cell;
  return i18n.translator(locale)(cell.key, cell.args);
}

/** One row: `1. BL Bạc Liêu — 98 — Xuất sắc` (a leading rank gets its dot, a code its name). */
function compactRow(cells: string[], ranked: boolean): string {
  const rest = [...cells];
  let head = '';
  if (ranked && /^\d+$/.test(rest[0] ?? '')) head = `${rest.shift()}. `;
  const parts: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const cell = rest[i]!.trim();
    const next = rest[i + 1]?.trim();
    if (CODE.test(cell) && next !== undefined && /\p{L}/u.test(next) && !CODE.test(next)) {
      parts.push(`${cell} ${next}`);
      i++;
    } else parts.push(cell || '–');
  }
  return `${head}${parts.join(' — ')}`;
}

/**
 * Tables as Zalo can show them: Zalo has no monospace, so aligned columns would fall apart.
 * Each row becomes one line of its own, cells joined by dashes, a rank numbered, a unit's code
 * glued to its name: `1. BL Bạc Liêu — 98 — Xuất sắc`. The headers come first, the same way.
 */
export const compactTable: TableRenderer = (i18n: I18n, locale: string, table: Table): Line[] => {
  const t = i18n.translator(locale);
  const headers = table.headers.map((h) => t(h.key, h.args));
  const rows = table.rows.map((row) => row.map((cell) => cellText(i18n, locale, cell)));
  // A first column of 1, 2, 3… is a rank (or a row number): it reads as "1." rather than "1 —".
  const ranked = rows.length > 0 && rows.every((r) => /^\d+$/.test(r[0] ?? ''));
  return [{ text: headers.join(' — '), pre: false }, ...rows.map((r) => ({ text: compactRow(r, ranked), pre: false }))];
};

/** Plain text for Zalo (no HTML, no Markdown): the lines as they are. */
export function plainText(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('\n');
}
