import { UserError } from './errors.js';
import type { Hundredths } from './score.js';

/**
 * How a criterion is scored (DOMAIN.md "Criteria that real tables use"). Real tables are not all
 * "0 to max": this is the rule that turns what a unit reports into points.
 *
 * - `points`: the score given, 0..max (the default, and every bonus and deduction row).
 * - `passfail` (*định tính*): met → max, else 0.
 * - `count` (*chấm thẳng*): occurrences × `each`, capped at max.
 * - `tally`: + `plus` per bonus occurrence, − `minus` per penalty occurrence, clamped to [`min`, max].
 * - `target` (*định lượng*, the police formula): relative to every unit's actual/target ratio,
 *   computed when the round closes (`relativeTargetPoints`).
 * - `linear`: max·actual/target, capped at max.
 */
export type Scoring =
  | { type: 'points' }
  | { type: 'passfail' }
  | { type: 'count'; each: Hundredths }
  | { type: 'tally'; plus: Hundredths; minus: Hundredths; min: Hundredths }
  | { type: 'target' }
  | { type: 'linear' };

/** What a unit (or a reviewer) reported for one criterion, before it becomes points. */
export type ScoreInput =
  | { type: 'points'; points: Hundredths }
  | { type: 'passfail'; met: boolean }
  | { type: 'count'; count: number }
  | { type: 'tally'; plus: number; minus: number }
  | { type: 'ratio'; actual: Hundredths; target: Hundredths | null };

/** The default scoring of a row that names none. */
export const POINTS: Scoring = { type: 'points' };

/** Kinds whose points depend on a target (`target`, `linear`): recomputed whenever read. */
export function usesTarget(scoring: Scoring): boolean {
  return scoring.type === 'target' || scoring.type === 'linear';
}

const SCORING_WORDS: Record<string, Scoring['type']> = {
  points: 'points',
  diem: 'points',
  điểm: 'points',
  passfail: 'passfail',
  dat: 'passfail',
  đạt: 'passfail',
  dinhtinh: 'passfail',
  'định tính': 'passfail',
  'đạt/không đạt': 'passfail',
  count: 'count',
  lan: 'count',
  lần: 'count',
  chamthang: 'count',
  'chấm thẳng': 'count',
  tally: 'tally',
  congtru: 'tally',
  'cộng trừ': 'tally',
  'cộng/trừ': 'tally',
  target: 'target',
  chitieu: 'target',
  'chỉ tiêu': 'target',
  dinhluong: 'target',
  'định lượng': 'target',
  linear: 'linear',
  tuyentinh: 'linear',
  'tuyến tính': 'linear',
};

/** True when the word (or two words) names a scoring: `passfail`, `count`, `định tính`… */
export function isScoringWord(words: string[]): boolean {
  const lower = words.map((w) => w.toLowerCase());
  return SCORING_WORDS[lower.slice(0, 2).join(' ')] !== undefined || SCORING_WORDS[lower[0] ?? ''] !== undefined;
}

const AMOUNT = /^(\d{1,9})(?:[.,](\d{1,2}))?$/;

/** A non-negative amount with at most two decimals (`95`, `95,5`, `1000.25`), in hundredths; null if not one. */
export function parseAmount(text: string): Hundredths | null {
  const match = AMOUNT.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** A signed amount (`-5`, `+2`, `3,5`) in hundredths; null if not one. */
function parseSigned(text: string): Hundredths | null {
  const t = text.trim();
  const sign = t.startsWith('-') ? -1 : 1;
  const value = parseAmount(t.replace(/^[+-]/, ''));
  return value === null ? null : sign * value;
}

/**
 * Reads a scoring from the words of a criteria table's kind cell after the row kind: `passfail`,
 * `count 2` (2 points an occurrence), `tally 2 1 [-5]` (+2 a bonus occurrence, −1 a penalty,
 * floor −5, default 0), `target`, `linear` (Vietnamese words without marks work too: `dat`, `lan 2`,
 * `congtru 2 1`, `chitieu`, `tuyentinh`). Empty words: `points`.
 *
 * @throws UserError `error-criteria-scoring` naming the words
 */
export function parseScoringSpec(words: string[]): Scoring {
  if (!words.length) return POINTS;
  const spec = words.join(' ');
  const bad = () => new UserError('error-criteria-scoring', { spec });
  // Multi-word names ("định tính", "chấm thẳng") first, then the single word.
  const lower = words.map((w) => w.toLowerCase());
  let type: Scoring['type'] | undefined;
  let rest: string[] = [];
  for (let n = Math.min(2, lower.length); n >= 1 && !type; n--) {
    type = SCORING_WORDS[lower.slice(0, n).join(' ')];
    rest = words.slice(n);
  }
  if (!type) throw bad();
  const amounts = rest.map(parseSigned);
  if (amounts.some((a) => a === null)) throw bad();
  const [a, b, c] = amounts as Hundredths[];
  switch (type) {
    case 'count':
      if (amounts.length !== 1 || a! <= 0) throw bad();
      return { type, each: a! };
    case 'tally':
      if (amounts.length < 2 || amounts.length > 3 || a! < 0 || b! < 0 || (c !== undefined && c > 0)) throw bad();
      return { type, plus: a!, minus: b!, min: c ?? 0 };
    default:
      if (amounts.length) throw bad();
      return { type } as Scoring;
  }
}

/** The words that write a scoring back (`count 2`, `tally 2 1 -5`), as `parseScoringSpec` reads them. */
export function scoringSpecText(scoring: Scoring): string {
  const n = (h: Hundredths) => String(h / 100).replace('.', ',');
  switch (scoring.type) {
    case 'count':
      return `count ${n(scoring.each)}`;
    case 'tally':
      return `tally ${n(scoring.plus)} ${n(scoring.minus)}${scoring.min ? ` ${n(scoring.min)}` : ''}`;
    default:
      return scoring.type;
  }
}

/** Stored form of a scoring (the `Criterion.scoring` column). */
export function serializeScoring(scoring: Scoring): string {
  return JSON.stringify(scoring);
}

/** A stored scoring; an empty or unknown value reads as `points`. */
export function parseStoredScoring(json: string | null | undefined): Scoring {
  if (!json) return POINTS;
  const value = JSON.parse(json) as Scoring;
  return value && typeof value.type === 'string' ? value : POINTS;
}

/** Stored form of an input (the `ScoreEntry.input` column). */
export function serializeInput(input: ScoreInput): string {
  return JSON.stringify(input);
}

/** A stored input, or null when the entry has none (plain points). */
export function parseStoredInput(json: string | null | undefined): ScoreInput | null {
  return json ? (JSON.parse(json) as ScoreInput) : null;
}

/** Words for met and not met, longest first so `không đạt` wins over `đạt`. */
const PASS_WORDS: [string, boolean][] = (
  [
    ['không đạt', false],
    ['khong dat', false],
    ['chưa đạt', false],
    ['chua dat', false],
    ['not met', false],
    ['kđ', false],
    ['kd', false],
    ['không', false],
    ['khong', false],
    ['fail', false],
    ['no', false],
    ['0', false],
    ['-', false],
    ['đạt', true],
    ['dat', true],
    ['đ', true],
    ['d', true],
    ['x', true],
    ['pass', true],
    ['met', true],
    ['yes', true],
    ['có', true],
    ['co', true],
    ['1', true],
  ] as [string, boolean][]
).sort((p, q) => q[0].length - p[0].length);

/** The words of a text, split on white space. */
function words(text: string): string[] {
  return text.trim().split(/\s+/).filter(Boolean);
}

/**
 * Reads what follows a criterion code on a `/score` (or `/review`) line, by the criterion's
 * scoring, and returns the input and the note after it:
 *
 * - points: `8,5`; pass/fail: `đạt`, `không đạt`, `đ`, `x`, `1` / `kđ`, `0`, `-`; a count: `3` or
 *   `3 lần`; a tally: `+2 -1` (either part alone too, `0` for none); against a target:
 *   `95/100` (actual/target) or `95` when the secretary has set the unit's target.
 *
 * @throws UserError with a key naming the expected form
 */
export function parseScoreInput(scoring: Scoring, text: string, code: string): { input: ScoreInput; note: string } {
  const all = words(text);
  const lower = all.map((w) => w.toLowerCase());
  const after = (n: number) => all.slice(n).join(' ');
  const first = all[0] ?? '';
  switch (scoring.type) {
    case 'points': {
      return { input: { type: 'points', points: parsePointsWord(first) }, note: after(1) };
    }
    case 'passfail': {
      for (const [phrase, met] of PASS_WORDS) {
        const n = phrase.split(' ').length;
        if (lower.slice(0, n).join(' ') === phrase) return { input: { type: 'passfail', met }, note: after(n) };
      }
      throw new UserError('error-input-passfail', { code, input: first });
    }
    case 'count': {
      const match = /^(\d{1,6})(lần|lan|x)?$/i.exec(first);
      if (!match) throw new UserError('error-input-count', { code, input: first });
      const unitWord = !match[2] && /^(lần|lan|times?|x)$/i.test(all[1] ?? '') ? 2 : 1;
      return { input: { type: 'count', count: Number(match[1]) }, note: after(unitWord) };
    }
    case 'tally': {
      if (first === '0') return { input: { type: 'tally', plus: 0, minus: 0 }, note: after(1) };
      let plus = 0;
      let minus = 0;
      let used = 0;
      while (used < Math.min(2, all.length)) {
        const match = /^([+-]\d{1,6})([+-]\d{1,6})?$/.exec(all[used]!);
        if (!match) break;
        for (const token of [match[1], match[2]]) {
          if (token?.startsWith('+')) plus += Number(token.slice(1));
          else if (token) minus += Number(token.slice(1));
        }
        used += 1;
      }
      if (!used) throw new UserError('error-input-tally', { code, input: first });
      return { input: { type: 'tally', plus, minus }, note: after(used) };
    }
    case 'target':
    case 'linear': {
      const match = /^([^/\s]+)(?:\/([^/\s]+))?$/.exec(first);
      const actual = match ? parseAmount(match[1]!) : null;
      const target = match?.[2] !== undefined ? parseAmount(match[2]) : null;
      if (actual === null || (match?.[2] !== undefined && (target === null || target <= 0))) {
        throw new UserError('error-input-ratio', { code, input: first });
      }
      return { input: { type: 'ratio', actual, target }, note: after(1) };
    }
  }
}

/** A plain score word, as `parseScore` reads it but with the criterion's code in the error. */
function parsePointsWord(word: string): Hundredths {
  if (word.startsWith('-')) throw new UserError('error-score-negative', { input: word });
  const value = parseAmount(word);
  if (value === null) {
    if (/^\d+[.,]\d{3,}$/.test(word)) throw new UserError('error-score-decimals', { input: word });
    throw new UserError('error-score-format', { input: word });
  }
  return value;
}

/**
 * Rounds num/den to the nearest integer, halves up (the one rounding rule of every computed
 * score, in hundredths). Exact: BigInt, so no binary fraction ever decides a rank.
 */
export function roundHalfUp(num: bigint, den: bigint): number {
  if (den < 0n) return roundHalfUp(-num, -den);
  const twice = 2n * num + den;
  const q = twice / (2n * den);
  // BigInt division truncates toward zero; floor for negative values.
  return Number(twice < 0n && twice % (2n * den) !== 0n ? q - 1n : q);
}

/**
 * The points an input is worth on its own, or null for the police formula (`target`), which
 * needs every unit's ratio. `target` is the unit's resolved target (the secretary's, else the
 * one written in the input). Throws when the input breaks the criterion's bounds.
 *
 * @throws UserError `error-score-above-max`, `error-input-kind`, `error-input-no-target`
 */
export function inputPoints(
  scoring: Scoring,
  input: ScoreInput,
  max: Hundredths,
  code: string,
  target: Hundredths | null = null,
): Hundredths | null {
  const mismatch = () => new UserError('error-input-kind', { code });
  switch (scoring.type) {
    case 'points':
      if (input.type !== 'points') throw mismatch();
      if (input.points > max) throw new UserError('error-score-above-max', { code, points: input.points / 100, max: max / 100 });
      return input.points;
    case 'passfail':
      if (input.type !== 'passfail') throw mismatch();
      return input.met ? max : 0;
    case 'count':
      if (input.type !== 'count') throw mismatch();
      return Math.min(max, input.count * scoring.each);
    case 'tally':
      if (input.type !== 'tally') throw mismatch();
      return Math.max(scoring.min, Math.min(max, input.plus * scoring.plus - input.minus * scoring.minus));
    case 'linear':
    case 'target': {
      if (input.type !== 'ratio') throw mismatch();
      const t = target ?? input.target;
      if (t === null || t <= 0) throw new UserError('error-input-no-target', { code });
      if (scoring.type === 'target') return null;
      return Math.min(max, roundHalfUp(BigInt(max) * BigInt(input.actual), BigInt(t)));
    }
  }
}

/** One unit's actual result and target for a quantitative criterion. */
export interface TargetResult {
  unitCode: string;
  actual: Hundredths;
  target: Hundredths;
}

/**
 * The police cluster's formula for a quantitative criterion, over every unit that reported:
 * below target 0.5·max·actual/target; at target 0.5·max; the unit(s) with the best
 * actual/target ratio max; others above target 0.5·max + (their excess ÷ the best excess)·0.5·max,
 * an excess being ratio − 1. Units tied on the best ratio all get max. The best unit gets max
 * only when it is above its target: when nobody exceeds the target, nobody is "best" above it,
 * and the below/at-target rules alone apply. Exact rational arithmetic, rounded half up once.
 */
export function relativeTargetPoints(max: Hundredths, results: readonly TargetResult[]): Map<string, Hundredths> {
  const out = new Map<string, Hundredths>();
  const M = BigInt(max);
  // Best ratio a/t: compare a1·t2 with a2·t1.
  let best: TargetResult | null = null;
  for (const r of results) if (!best || BigInt(r.actual) * BigInt(best.target) > BigInt(best.actual) * BigInt(r.target)) best = r;
  for (const r of results) {
    const a = BigInt(r.actual);
    const t = BigInt(r.target);
    if (a <= t) {
      out.set(r.unitCode, roundHalfUp(M * a, 2n * t));
      continue;
    }
    const ba = BigInt(best!.actual);
    const bt = BigInt(best!.target);
    if (a * bt === ba * t) {
      out.set(r.unitCode, max);
      continue;
    }
    // 0.5·M·(1 + e/eb), e = (a−t)/t, eb = (ba−bt)/bt → M·(D + N)/(2D), N = (a−t)·bt, D = t·(ba−bt).
    const N = (a - t) * bt;
    const D = t * (ba - bt);
    out.set(r.unitCode, roundHalfUp(M * (D + N), 2n * D));
  }
  return out;
}

/**
 * An input written back as `parseScoreInput` reads it (`8,5`, `đạt`, `không đạt`, `3`, `+2 -1`,
 * `95/100`, decimal comma): what the template's points column is prefilled with.
 */
export function inputText(input: ScoreInput): string {
  const n = (h: Hundredths) => String(h / 100).replace('.', ',');
  switch (input.type) {
    case 'points':
      return n(input.points);
    case 'passfail':
      return input.met ? 'đạt' : 'không đạt';
    case 'count':
      return String(input.count);
    case 'tally':
      return input.plus || input.minus
        ? [input.plus ? `+${input.plus}` : '', input.minus ? `-${input.minus}` : ''].filter(Boolean).join(' ')
        : '0';
    case 'ratio':
      return input.target === null ? n(input.actual) : `${n(input.actual)}/${n(input.target)}`;
  }
}
