import type { Hundredths } from '../domain/score.js';

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * A score in hundredths as the reader writes points: `96,5` in Vietnamese, `96.5` in English, up
 * to two decimals and no digit grouping, the same style as `I18n.points`, for renderers (the
 * chart) that get a translator rather than the `I18n` object.
 */
export function formatPoints(locale: string, value: Hundredths): string {
  const tag = locale === 'en' ? 'en-GB' : 'vi-VN';
  let format = formatters.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: false });
    formatters.set(tag, format);
  }
  return format.format(value / 100);
}
