import { Resvg } from '@resvg/resvg-js';
import type { Translate } from '../i18n/i18n.js';
import { rankingChartSvg } from './chart-svg.js';
import type { ReportInput } from './types.js';

/**
 * The ranking chart as a PNG for platforms that show images (`/results`): the SVG of
 * `rankingChartSvg` rendered with resvg. Its text is already paths drawn from the DejaVu fonts
 * shipped from npm, so resvg needs no font at all and system fonts stay off: the chart looks the
 * same on every server, Vietnamese included.
 */
export function rankingChartPng(input: ReportInput, t: Translate, locale: string): Uint8Array {
  const resvg = new Resvg(rankingChartSvg(input, t, locale), {
    font: { loadSystemFonts: false },
    fitTo: { mode: 'original' },
    background: '#ffffff',
  });
  return resvg.render().asPng();
}
