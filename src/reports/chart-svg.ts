import { formatDateTime } from '../domain/dates.js';
import type { Band } from '../domain/rules.js';
import type { Translate } from '../i18n/i18n.js';
import { chartFonts } from './fonts.js';
import { GlyphText } from './glyph-text.js';
import { classLabel, roundLabel } from './labels.js';
import { formatPoints } from './points.js';
import type { ReportInput } from './types.js';

/** Bar colours per classification: green, blue, amber, red (distinct also in greyscale). */
export const CLASS_COLOURS: Record<Band['label'], string> = {
  excellent: '#1e7b34',
  good: '#2b6cb0',
  completed: '#d69e2e',
  'not-completed': '#c53030',
};

const CLASS_ORDER: Band['label'][] = ['excellent', 'good', 'completed', 'not-completed'];
const WIDTH = 1000;
const PAD = 24;
const ROW = 26;
const BAR = 18;
const LABEL_AREA = 340;
const VALUE_AREA = 64;
const TEXT = '#1a202c';
const MUTED = '#718096';
const TRACK = '#edf2f7';
const PROVISIONAL = '#c05621';

/** A round axis maximum and step: 100 → step 20; 112,5 → 120 by 20. */
function axis(max: number): { max: number; step: number } {
  const raw = Math.max(max, 1) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return { max: Math.max(step, Math.ceil(max / step - 1e-9) * step), step };
}

const f1 = (n: number) => String(Math.round(n * 10) / 10);

/**
 * The ranking as an SVG bar chart, the picture a group understands at a glance: horizontal bars
 * of totals by unit in rank order (readable for 13 to 50 units), coloured by classification with
 * a legend, the cluster, year and round in the title (and a provisional mark while the round is
 * open), value labels written the reader's way (`96,5`), and units with no sheet last with an
 * empty bar. Every figure comes from the consolidated table. Text is drawn as DejaVu Sans glyph
 * outlines (see `GlyphText`), each text group labelled with its words for SVG readers.
 */
export function rankingChartSvg(input: ReportInput, t: Translate, locale: string): string {
  const type = new GlyphText(chartFonts());
  const rows = input.table.rows;
  const inner = WIDTH - 2 * PAD;
  const parts: string[] = [];

  let y = PAD;
  for (const line of type.wrap(input.clusterName, inner, 20, true, 2)) {
    y += 24;
    parts.push(type.draw(PAD, y, line, { size: 20, bold: true }));
  }
  y += 26;
  const heading = t('report-heading', { year: String(input.termYear), round: roundLabel(t, input.roundKind) });
  const mark = input.provisional ? `(${t('report-provisional-mark')})` : '';
  const markWidth = mark ? type.width(` ${mark}`, 15, true) : 0;
  const headingText = type.fit(heading, inner - markWidth, 15);
  parts.push(type.draw(PAD, y, headingText, { size: 15 }));
  if (mark) parts.push(type.draw(PAD + type.width(`${headingText} `, 15), y, mark, { size: 15, bold: true, fill: PROVISIONAL }));

  y += 30;
  const legend = [
    ...CLASS_ORDER.map((label) => ({ fill: CLASS_COLOURS[label], stroke: 'none', text: classLabel(t, label) })),
    ...(rows.some((r) => r.total === null) ? [{ fill: TRACK, stroke: MUTED, text: classLabel(t, null) }] : []),
  ];
  let lx = PAD;
  for (const item of legend) {
    const w = 20 + type.width(item.text, 13) + 22;
    if (lx + w > WIDTH - PAD && lx > PAD) {
      lx = PAD;
      y += 20;
    }
    parts.push(`<rect x="${lx}" y="${y - 11}" width="14" height="14" rx="2" fill="${item.fill}" stroke="${item.stroke}"/>`);
    parts.push(type.draw(lx + 20, y, item.text, { size: 13 }));
    lx += w;
  }

  const top = y + 18;
  const bottom = top + rows.length * ROW;
  const height = bottom + 74;
  const x0 = PAD + LABEL_AREA;
  const x1 = WIDTH - PAD - VALUE_AREA;
  const scale = axis(Math.max(input.table.maxTotal, ...rows.map((r) => r.total ?? 0)) / 100);
  const xOf = (points: number) => x0 + ((x1 - x0) * points) / scale.max;

  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) {
    const x = f1(xOf(v));
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${bottom + 2}" stroke="#cbd5e0" stroke-width="1"/>`);
    parts.push(type.draw(xOf(v), bottom + 18, formatPoints(locale, Math.round(v * 100)), { size: 12, fill: MUTED, anchor: 'middle' }));
  }
  parts.push(type.draw((x0 + x1) / 2, bottom + 38, t('report-chart-axis'), { size: 13, fill: MUTED, anchor: 'middle' }));

  const codeWidth = Math.max(0, ...rows.map((r) => type.width(r.unitCode, 13, true)));
  const codeX = PAD + 40;
  const nameX = codeX + Math.min(codeWidth, 90) + 10;
  rows.forEach((row, i) => {
    const rowTop = top + i * ROW;
    const baseline = rowTop + ROW / 2 + 5;
    const barTop = rowTop + (ROW - BAR) / 2;
    parts.push(type.draw(PAD + 30, baseline, row.rank === null ? '–' : String(row.rank), { size: 13, fill: MUTED, anchor: 'end' }));
    parts.push(type.draw(codeX, baseline, type.fit(row.unitCode, 90, 13, true), { size: 13, bold: true }));
    parts.push(type.draw(nameX, baseline, type.fit(row.unitName, x0 - 12 - nameX, 13), { size: 13 }));
    parts.push(`<rect x="${x0}" y="${barTop}" width="${f1(x1 - x0)}" height="${BAR}" fill="${TRACK}" opacity="0.6"/>`);
    if (row.total === null || row.classification === null) {
      parts.push(type.draw(x0 + 8, baseline, t('report-chart-no-sheet'), { size: 13, fill: MUTED }));
      return;
    }
    const w = xOf(row.total / 100) - x0;
    parts.push(`<rect x="${x0}" y="${barTop}" width="${f1(w)}" height="${BAR}" rx="2" fill="${CLASS_COLOURS[row.classification]}"/>`);
    parts.push(type.draw(x0 + w + 6, baseline, formatPoints(locale, row.total), { size: 13, bold: true }));
  });
  parts.push(`<line x1="${x0}" y1="${top - 4}" x2="${x0}" y2="${bottom + 2}" stroke="${MUTED}" stroke-width="1"/>`);

  const footer = `${t('report-scale', { max: input.table.maxTotal / 100 })} · ${t('report-exported-at', {
    at: formatDateTime(input.exportedAt, input.timezone),
  })}`;
  parts.push(type.draw(PAD, height - 12, type.fit(footer, inner, 12), { size: 12, fill: MUTED }));

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}">`,
    type.defs(),
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g fill="${TEXT}">`,
    ...parts,
    '</g>',
    '</svg>',
  ].join('\n');
}
