import type { Msg, Table } from '../reply.js';
import { formatDateTime } from '../domain/dates.js';
import type { I18n, Translate } from '../i18n/i18n.js';
import { COLUMN, classLabel, reportHeading } from './labels.js';
import { monoWidth, pad, truncate, wrap } from './monospace.js';
import type { ReportInput } from './types.js';

/** How `rankingText` lays the ranking out. */
export interface RankingTextOptions {
  /**
   * Characters per line, 80 by default (the console, Telegram on a computer). Below 56 the
   * compact layout is used: no unit names, short headers, single spaces, so it fits a phone
   * held upright (about 35 characters).
   */
  width?: number;
}

/** Below this width the compact layout is used. */
export const COMPACT_BELOW = 56;
const EMPTY = '–';

interface Column {
  header: string;
  cells: string[];
  right: boolean;
  /** The column that gives up width when the line is too long. */
  flexible?: boolean;
}

/**
 * The ranking as aligned monospace columns for platforms that show a code block (Telegram
 * `<pre>`, the console): a heading with the cluster, year and round (marked provisional while
 * the round is open), then rank, unit code, name (cut to fit), total and classification, then
 * the scale, the time of the figures and, when provisional, a warning. Totals are written the
 * reader's way (`96,5` in Vietnamese). Lines fit `options.width` (default 80): the unit name
 * (in the compact layout, the classification) gives up the width the other columns need.
 */
export function rankingText(input: ReportInput, i18n: I18n, locale: string, options: RankingTextOptions = {}): string {
  const width = Math.max(24, options.width ?? 80);
  const t = i18n.translator(locale);
  const compact = width < COMPACT_BELOW;
  const rows = input.table.rows;
  const columns: Column[] = [
    { header: t(COLUMN.rank), cells: rows.map((r) => String(r.rank)), right: true },
    { header: t(compact ? 'report-col-code-short' : COLUMN.unitCode), cells: rows.map((r) => r.unitCode), right: false },
    ...(compact ? [] : [{ header: t(COLUMN.unitName), cells: rows.map((r) => r.unitName), right: false, flexible: true }]),
    {
      header: t(compact ? 'report-col-total-short' : COLUMN.total),
      cells: rows.map((r) => (r.total === null ? EMPTY : i18n.points(locale, r.total / 100))),
      right: true,
    },
    { header: t(COLUMN.classification), cells: rows.map((r) => classLabel(t, r.classification)), right: false, flexible: compact },
  ];
  const gap = compact ? ' ' : '  ';
  const widths = columns.map((c) => Math.max(monoWidth(c.header), ...c.cells.map(monoWidth)));
  const flexible = columns.findIndex((c) => c.flexible);
  const used = widths.reduce((s, w) => s + w, 0) + gap.length * (columns.length - 1);
  if (used > width && flexible >= 0) widths[flexible] = Math.max(8, widths[flexible]! - (used - width));

  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(truncate(cell, widths[i]!), widths[i]!, columns[i]!.right))
      .join(gap)
      .trimEnd();
  const lines = [
    ...wrap(input.clusterName, width),
    ...wrap(reportHeading(t, input), width),
    '',
    line(columns.map((c) => c.header)),
    widths.map((w) => '─'.repeat(w)).join(gap),
    ...rows.map((_, r) => line(columns.map((c) => c.cells[r]!))),
    '',
    ...wrap(
      `${t('report-scale', { max: input.table.maxTotal / 100 })} · ${t('report-exported-at', { at: formatDateTime(input.exportedAt, input.timezone) })}`,
      width,
    ),
  ];
  if (input.provisional) lines.push(...wrap(t('report-provisional-note'), width));
  return lines.join('\n');
}

/**
 * The ranking as a ports `Table`, for adapters that draw tables themselves (Slack blocks, the
 * shared `tableText`): rank, unit code, unit name, total in points (a number, formatted by the
 * renderer in the reader's language; null for a unit with no sheet) and classification.
 * The translator is needed for the classification words; the headers stay message ids.
 */
export function rankingTable(input: ReportInput, t: Translate): Table {
  const headers: Msg[] = [COLUMN.rank, COLUMN.unitCode, COLUMN.unitName, COLUMN.total, COLUMN.classification].map((key) => ({ key }));
  return {
    headers,
    rows: input.table.rows.map((r) => [
      String(r.rank),
      r.unitCode,
      r.unitName,
      r.total === null ? null : r.total / 100,
      classLabel(t, r.classification),
    ]),
    numeric: [0, 3],
  };
}
