import { z } from 'zod';
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from './evidence.js';
import { UserError } from './errors.js';
import {
  DEFAULT_ELECTION_RULES,
  DEFAULT_VOTE_RULES,
  electionRulesFrom,
  electionRulesSchema,
  voteRulesFrom,
  voteRulesSchema,
  type ElectionRules,
  type VoteRules,
} from './ballot-rules.js';

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
  /** The year-end meeting's vote settings (ballot-rules.ts). */
  vote: VoteRules;
  /** How next year's leader and deputy are chosen (rotation order). */
  election: ElectionRules;
  /** Limits on evidence files (size, count per criterion, types). */
  evidence: EvidenceLimits;
  /** Where reminders go: the cluster's group chats, the representatives privately, or both. */
  reminderChannels: ReminderChannels;
  /**
   * The issuing body printed above the cluster's name in the minutes' header (Decree 30/2020's
   * *cơ quan chủ quản*, e.g. "Bộ Nội vụ", "UBND tỉnh Hà Nam"); null: the cluster's name alone.
   */
  minutesIssuer: string | null;
}

/** Where a cluster's reminders go (`/rules reminders group|private|both`). */
export type ReminderChannels = 'both' | 'group' | 'private';

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
  vote: DEFAULT_VOTE_RULES,
  election: DEFAULT_ELECTION_RULES,
  evidence: DEFAULT_EVIDENCE_LIMITS,
  reminderChannels: 'both',
  minutesIssuer: null,
};

/** The longest issuing body the minutes' header takes (one or two lines of the left column). */
const MAX_ISSUER_LENGTH = 120;

const rulesSchema = z.object({
  bands: z
    .array(z.object({ minPercent: z.number().min(0).max(100), label: z.enum(['excellent', 'good', 'completed', 'not-completed']) }))
    .optional(),
  tieBreaks: z.array(z.enum(['first-section', 'fewer-deductions'])).optional(),
  bonusCap: z.number().int().nonnegative().nullable().optional(),
  vote: voteRulesSchema.optional(),
  election: electionRulesSchema.optional(),
  evidence: z
    .object({
      maxBytes: z.number().int().positive(),
      maxFiles: z.number().int().positive(),
      types: z.array(z.enum(['pdf', 'word', 'excel', 'jpg', 'png'])).min(1),
    })
    .optional(),
  reminderChannels: z.enum(['both', 'group', 'private']).optional(),
  minutesIssuer: z.string().min(1).max(MAX_ISSUER_LENGTH).nullable().optional(),
});

/** Reads stored cluster settings, filling in defaults for what the cluster did not set. */
export function parseRules(json: string): ClusterRules {
  const parsed = rulesSchema.parse(JSON.parse(json || '{}'));
  return {
    bands: [...(parsed.bands ?? DEFAULT_RULES.bands)].sort((a, b) => b.minPercent - a.minPercent),
    tieBreaks: parsed.tieBreaks ?? DEFAULT_RULES.tieBreaks,
    bonusCap: parsed.bonusCap ?? DEFAULT_RULES.bonusCap,
    vote: voteRulesFrom(parsed.vote),
    election: electionRulesFrom(parsed.election),
    evidence: parsed.evidence ?? DEFAULT_RULES.evidence,
    reminderChannels: parsed.reminderChannels ?? DEFAULT_RULES.reminderChannels,
    minutesIssuer: parsed.minutesIssuer ?? DEFAULT_RULES.minutesIssuer,
  };
}

/** The band a total falls in, given the table's maximum. */
export function classify(total: number, maxTotal: number, bands: Band[]): Band['label'] {
  const percent = maxTotal > 0 ? (total * 100) / maxTotal : 0;
  for (const band of bands) if (percent >= band.minPercent) return band.label;
  return 'not-completed';
}

/** The JSON stored on the cluster (and on a round when it closes). */
export function serializeRules(rules: ClusterRules): string {
  return JSON.stringify({
    bands: rules.bands,
    tieBreaks: rules.tieBreaks,
    bonusCap: rules.bonusCap,
    vote: rules.vote,
    election: rules.election,
    evidence: rules.evidence,
    reminderChannels: rules.reminderChannels,
    minutesIssuer: rules.minutesIssuer,
  });
}

/**
 * New classification thresholds, in percent of the scale, for xuất sắc, tốt and hoàn thành
 * (below the last: chưa hoàn thành). They must fall strictly and lie in (0, 100].
 */
export function withBands(rules: ClusterRules, thresholds: number[]): ClusterRules {
  const valid =
    thresholds.length === 3 &&
    thresholds.every((t) => Number.isFinite(t) && t > 0 && t <= 100) &&
    thresholds[0]! > thresholds[1]! &&
    thresholds[1]! > thresholds[2]!;
  if (!valid) throw new UserError('error-rules-bands');
  const [excellent, good, completed] = thresholds as [number, number, number];
  return {
    ...rules,
    bands: [
      { minPercent: excellent, label: 'excellent' },
      { minPercent: good, label: 'good' },
      { minPercent: completed, label: 'completed' },
      { minPercent: 0, label: 'not-completed' },
    ],
  };
}

/** The tie-break words accepted (English, and Vietnamese without marks). */
const TIE_BREAK_WORDS: Record<string, TieBreak> = {
  'first-section': 'first-section',
  mucdau: 'first-section',
  'fewer-deductions': 'fewer-deductions',
  ittru: 'fewer-deductions',
};

/**
 * New tie-breaks, in order, from words (`first-section fewer-deductions`, or `mucdau ittru`);
 * `none` / `khong` keeps the total alone (equal totals share a rank). No rule twice.
 */
export function withTieBreaks(rules: ClusterRules, words: string[]): ClusterRules {
  const lower = words.map((w) => w.toLowerCase());
  if (lower.length === 1 && (lower[0] === 'none' || lower[0] === 'khong')) return { ...rules, tieBreaks: [] };
  const tieBreaks = lower.map((w) => TIE_BREAK_WORDS[w]);
  if (!tieBreaks.length || tieBreaks.some((t) => t === undefined) || new Set(tieBreaks).size !== tieBreaks.length) {
    throw new UserError('error-rules-tiebreak');
  }
  return { ...rules, tieBreaks: tieBreaks as TieBreak[] };
}

/** A new overall bonus cap in hundredths, or null for none (each bonus row keeps its own cap). */
export function withBonusCap(rules: ClusterRules, cap: number | null): ClusterRules {
  return { ...rules, bonusCap: cap };
}

/**
 * New evidence limits: the largest file in megabytes (up to 50) and the most files per
 * criterion (up to 20); the accepted types stay as they are.
 */
export function withEvidenceLimits(rules: ClusterRules, megabytes: number, files: number): ClusterRules {
  const valid = Number.isInteger(megabytes) && megabytes >= 1 && megabytes <= 50 && Number.isInteger(files) && files >= 1 && files <= 20;
  if (!valid) throw new UserError('error-rules-evidence');
  return { ...rules, evidence: { ...rules.evidence, maxBytes: megabytes * 1024 * 1024, maxFiles: files } };
}

/** The reminder-channel words accepted (English, and Vietnamese without marks). */
const CHANNEL_WORDS: Record<string, ReminderChannels> = {
  both: 'both',
  cahai: 'both',
  group: 'group',
  nhom: 'group',
  private: 'private',
  rieng: 'private',
};

/**
 * Where reminders go from now on, from one word: `group` (`nhom`, the cluster's chats only),
 * `private` (`rieng`, the representatives privately only) or `both` (`cahai`, the default).
 */
export function withReminderChannels(rules: ClusterRules, word: string): ClusterRules {
  const channels = CHANNEL_WORDS[word.toLowerCase()];
  if (!channels) throw new UserError('error-rules-reminders');
  return { ...rules, reminderChannels: channels };
}

/**
 * The issuing body the minutes' header names above the cluster (`/rules issuer Bộ Nội vụ`), as
 * typed (spaces tidied, Unicode NFC); `none` / `khong` removes it. At most 120 characters.
 */
export function withMinutesIssuer(rules: ClusterRules, text: string): ClusterRules {
  const issuer = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!issuer || issuer.length > MAX_ISSUER_LENGTH) throw new UserError('error-rules-issuer', { max: MAX_ISSUER_LENGTH });
  return { ...rules, minutesIssuer: ['none', 'khong'].includes(issuer.toLowerCase()) ? null : issuer };
}
