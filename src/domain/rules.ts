import { z } from 'zod';

/** A classification band: from `minPercent` of the scale upwards. */
export interface Band {
  /** Percent of the table's maximum (Σ criterion maxima), e.g. 95. */
  minPercent: number;
  /** Locale id suffix: `class-<label>`. */
  label: 'excellent' | 'good' | 'completed' | 'not-completed';
}

/** Tie-break rules applied, in order, after the total. */
export type TieBreak = 'first-section' | 'fewer-deductions';

/**
 * A cluster's own working rules (its operating regulation), with the defaults DOMAIN.md gives.
 * Stored as JSON on the cluster; parsed with zod so a bad stored value fails loudly.
 */
export interface ClusterRules {
  bands: Band[];
  tieBreaks: TieBreak[];
  /** Overall cap on bonus points in hundredths; null = each bonus row's own cap only. */
  bonusCap: number | null;
}

/** Default: ≥ 95 % xuất sắc, ≥ 80 % tốt, ≥ 50 % hoàn thành, else chưa hoàn thành. */
export const DEFAULT_RULES: ClusterRules = {
  bands: [
    { minPercent: 95, label: 'excellent' },
    { minPercent: 80, label: 'good' },
    { minPercent: 50, label: 'completed' },
    { minPercent: 0, label: 'not-completed' },
  ],
  tieBreaks: ['first-section', 'fewer-deductions'],
  bonusCap: null,
};

const rulesSchema = z.object({
  bands: z
    .array(z.object({ minPercent: z.number().min(0).max(100), label: z.enum(['excellent', 'good', 'completed', 'not-completed']) }))
    .optional(),
  tieBreaks: z.array(z.enum(['first-section', 'fewer-deductions'])).optional(),
  bonusCap: z.number().int().nonnegative().nullable().optional(),
});

/** Reads stored cluster settings, filling in defaults for what the cluster did not set. */
export function parseRules(json: string): ClusterRules {
  const parsed = rulesSchema.parse(JSON.parse(json || '{}'));
  return {
    bands: [...(parsed.bands ?? DEFAULT_RULES.bands)].sort((a, b) => b.minPercent - a.minPercent),
    tieBreaks: parsed.tieBreaks ?? DEFAULT_RULES.tieBreaks,
    bonusCap: parsed.bonusCap ?? DEFAULT_RULES.bonusCap,
  };
}

/** The band a total falls in, given the table's maximum. */
export function classify(total: number, maxTotal: number, bands: Band[]): Band['label'] {
  const percent = maxTotal > 0 ? (total * 100) / maxTotal : 0;
  for (const band of bands) if (percent >= band.minPercent) return band.label;
  return 'not-completed';
}
