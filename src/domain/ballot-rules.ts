import { z } from 'zod';
import { UserError } from './errors.js';

/**
 * The vote settings of a cluster's operating regulation (DOMAIN.md, "The year-end meeting"): no
 * national text fixes them, so each is a per-cluster setting with the default DOMAIN.md gives,
 * printed in every ballot and in the minutes.
 */

/** A fraction kept exact (2/3 is not 0,6667): `num / den`. */
export interface Fraction {
  num: number;
  den: number;
}

/** Who the threshold's percentage is taken of: all member units, those present, valid ballots. */
export type ThresholdBase = 'all' | 'present' | 'valid';

/** A pass mark: "more than" (`strict`) or "at least" a fraction of the base. */
export interface Threshold extends Fraction {
  strict: boolean;
  base: ThresholdBase;
}

/** A person listed in the cluster's council (`/rules council`), as frozen into each ballot. */
export interface CouncilMember {
  personId: number;
  /** How the ballot and the minutes name them ("Name (@username)"). */
  name: string;
  /** The unit they represent when listed by its code (for the self-vote rule), else null. */
  unit: string | null;
}

/** The settings every ballot of the cluster runs under (a copy is frozen into each ballot). */
export interface VoteRules {
  /** One ballot per member unit, per unit present at the meeting, or per listed council member. */
  voters: 'members' | 'present' | 'council';
  /** The listed persons when `voters` is `council` (kept, unused, otherwise). */
  council: CouncilMember[];
  /** `secret`: a secret ballot (*bỏ phiếu kín*); `open`: a show of hands, who voted how is recorded. */
  method: 'secret' | 'open';
  /** Units present over member units needed for the vote to count (≥). */
  quorum: Fraction;
  threshold: Threshold;
  /** `excluded`: a unit's own candidacy is not on its ballot, and that candidate's base shrinks by one. */
  selfVote: 'allowed' | 'excluded';
  /** 2: a tie at the last seat goes to a second round among the tied, then the higher score; 1: straight to the score. */
  maxRounds: 1 | 2;
}

/** How next year's leader and deputy are chosen, and the rotation order of unit codes. */
export interface ElectionRules {
  mode: 'rotation' | 'free' | 'appointed';
  /** Unit codes in the regulation's order; empty = the order units were added in. */
  rotation: string[];
}

/** DOMAIN.md's defaults: members vote by secret ballot, quorum ≥ 2/3 present, pass > 50 % of all members, self-vote allowed, 2 rounds. */
export const DEFAULT_VOTE_RULES: VoteRules = {
  voters: 'members',
  council: [],
  method: 'secret',
  quorum: { num: 2, den: 3 },
  threshold: { num: 1, den: 2, strict: true, base: 'all' },
  selfVote: 'allowed',
  maxRounds: 2,
};

/** Rotation by default (*bầu luân phiên*), in the order units were added. */
export const DEFAULT_ELECTION_RULES: ElectionRules = { mode: 'rotation', rotation: [] };

/** The fixed rule of the leader's confirming vote: more than half of member units, two rounds. */
export const ELECTION_VOTE_RULES: VoteRules = {
  ...DEFAULT_VOTE_RULES,
  threshold: { num: 1, den: 2, strict: true, base: 'all' },
  selfVote: 'allowed',
  maxRounds: 2,
};

const fraction = z.object({ num: z.number().int().nonnegative(), den: z.number().int().positive() });

/** Stored vote settings (every field optional: defaults fill the rest). */
export const voteRulesSchema = z.object({
  voters: z.enum(['members', 'present', 'council']).optional(),
  council: z.array(z.object({ personId: z.number().int(), name: z.string(), unit: z.string().nullable() })).optional(),
  method: z.enum(['secret', 'open']).optional(),
  quorum: fraction.optional(),
  threshold: fraction.extend({ strict: z.boolean(), base: z.enum(['all', 'present', 'valid']) }).optional(),
  selfVote: z.enum(['allowed', 'excluded']).optional(),
  maxRounds: z.union([z.literal(1), z.literal(2)]).optional(),
});

/** Stored election settings. */
export const electionRulesSchema = z.object({
  mode: z.enum(['rotation', 'free', 'appointed']).optional(),
  rotation: z.array(z.string()).optional(),
});

/** Vote settings from their stored form, defaults filled in. */
export function voteRulesFrom(stored: z.infer<typeof voteRulesSchema> | undefined): VoteRules {
  return { ...DEFAULT_VOTE_RULES, ...(stored ?? {}) };
}

/** Election settings from their stored form, defaults filled in. */
export function electionRulesFrom(stored: z.infer<typeof electionRulesSchema> | undefined): ElectionRules {
  return { ...DEFAULT_ELECTION_RULES, ...(stored ?? {}) };
}

/**
 * A fraction as typed: `2/3`, `50%`, `66,67%`, `70`. Percentages keep two decimals exactly
 * (`66,67%` is 6667/10000).
 *
 * @throws UserError `error-rules-fraction`
 */
export function parseFraction(text: string): Fraction {
  const t = text.trim();
  const ratio = /^(\d{1,3})\/(\d{1,3})$/.exec(t);
  if (ratio) {
    const num = Number(ratio[1]);
    const den = Number(ratio[2]);
    if (den > 0 && num > 0 && num <= den) return { num, den };
  }
  const pct = /^(\d{1,3})(?:[.,](\d{1,2}))?%?$/.exec(t);
  if (pct) {
    const hundredths = Number(pct[1]) * 100 + Number((pct[2] ?? '').padEnd(2, '0') || '0');
    if (hundredths > 0 && hundredths <= 10000)
      return hundredths % 100 === 0 ? { num: hundredths / 100, den: 100 } : { num: hundredths, den: 10000 };
  }
  throw new UserError('error-rules-fraction', { input: t });
}

/** The words for a threshold's base (English, and Vietnamese without marks). */
const BASE_WORDS: Record<string, ThresholdBase> = {
  all: 'all',
  tatca: 'all',
  present: 'present',
  comat: 'present',
  valid: 'valid',
  hople: 'valid',
};

/**
 * A threshold from words: `>1/2 all`, `>=2/3 present`, `>=70% valid` (`>` is "more than", `>=`
 * "at least"; a bare fraction means "at least").
 *
 * @throws UserError `error-rules-threshold`
 */
export function parseThreshold(words: string[]): Threshold {
  if (words.length !== 2) throw new UserError('error-rules-threshold');
  const m = /^(>=|≥|>)?(.+)$/.exec(words[0]!)!;
  const base = BASE_WORDS[words[1]!.toLowerCase()];
  if (!base) throw new UserError('error-rules-threshold');
  let value: Fraction;
  try {
    value = parseFraction(m[2]!);
  } catch {
    throw new UserError('error-rules-threshold');
  }
  return { ...value, strict: m[1] === '>', base };
}

/** One word among allowed ones (English or Vietnamese without marks), or a UserError naming the usage. */
export function pickWord<T>(word: string | undefined, choices: Record<string, T>, errorKey: string): T {
  const value = word === undefined ? undefined : choices[word.toLowerCase()];
  if (value === undefined) throw new UserError(errorKey);
  return value;
}

/** The words for who votes. */
export const VOTER_WORDS: Record<string, VoteRules['voters']> = {
  members: 'members',
  thanhvien: 'members',
  present: 'present',
  comat: 'present',
  council: 'council',
  hoidong: 'council',
};
/** The words for the voting method. */
export const METHOD_WORDS: Record<string, VoteRules['method']> = {
  secret: 'secret',
  kin: 'secret',
  hands: 'open',
  open: 'open',
  giotay: 'open',
};
/** The words for the self-vote rule. */
export const SELF_VOTE_WORDS: Record<string, VoteRules['selfVote']> = {
  allowed: 'allowed',
  duoc: 'allowed',
  excluded: 'excluded',
  khong: 'excluded',
};
/** The words for the election mode. */
export const ELECTION_MODE_WORDS: Record<string, ElectionRules['mode']> = {
  rotation: 'rotation',
  luanphien: 'rotation',
  free: 'free',
  tudo: 'free',
  appointed: 'appointed',
  chidinh: 'appointed',
};

/**
 * A rotation order from unit codes: each known code once.
 *
 * @throws UserError `error-rules-rotation`
 */
export function parseRotation(words: string[], known: readonly string[]): string[] {
  const codes = words.map((w) => w.trim().toUpperCase()).filter(Boolean);
  const unknown = codes.filter((c) => !known.includes(c));
  if (!codes.length || unknown.length || new Set(codes).size !== codes.length) {
    throw new UserError('error-rules-rotation', { codes: unknown.join(', ') || codes.join(', ') });
  }
  return codes;
}

/** A fraction as a percentage with two decimals, half up, in hundredths of a percent (2/3 → 6667). */
export function fractionHundredths(f: Fraction): number {
  return Math.floor((f.num * 20000 + f.den) / (2 * f.den));
}
