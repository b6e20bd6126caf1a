import { UserError } from './errors.js';

/** Points are stored and computed as integers in hundredths: 8,5 points is 850. */
export type Hundredths = number;

const SCORE = /^(\d{1,5})(?:[.,](\d{1,}))?$/;

/**
 * Parses a score as Vietnamese and English writers type it: `8,5`, `8.5`, `10`, `0,25`.
 * At most two decimals; no sign, no thousands separator.
 *
 * @throws UserError naming the problem (`error-score-format`, `error-score-decimals`,
 *   `error-score-negative`)
 */
export function parseScore(text: string): Hundredths {
  const input = text.trim();
  if (input.startsWith('-')) throw new UserError('error-score-negative', { input });
  const match = SCORE.exec(input);
  if (!match) throw new UserError('error-score-format', { input });
  const decimals = match[2] ?? '';
  if (decimals.length > 2) throw new UserError('error-score-decimals', { input });
  return Number(match[1]) * 100 + Number(decimals.padEnd(2, '0'));
}

/** Hundredths as a plain number of points (850 → 8.5), for display and files. */
export function toPoints(value: Hundredths): number {
  return value / 100;
}

/** Points as CSV writes them: decimal point, no trailing zeros (850 → "8.5"). */
export function formatPointsPlain(value: Hundredths): string {
  return String(value / 100);
}
