import type { ScoreInput } from './criterion-kinds.js';
import type { Hundredths } from './score.js';

/** One stored version of one score, as the domain needs it. */
export interface ScoreVersion {
  /** Increasing with time: the highest id is the current version. */
  id: number;
  criterionCode: string;
  kind: 'self' | 'review';
  points: Hundredths;
  note: string | null;
  /** What was reported (a count, pass/fail, actual/target), for kinds other than plain points. */
  input?: ScoreInput | null;
}

/** The current self-scores, reviewed scores and the scores that count, per criterion. */
export interface CurrentScores {
  self: Map<string, ScoreVersion>;
  review: Map<string, ScoreVersion>;
  /** Reviewed where reviewed, else self-scored: what the ranking uses. */
  counted: Map<string, Hundredths>;
  /** The version that counts, per criterion (its input feeds the target formulas). */
  countedVersion: Map<string, ScoreVersion>;
}

/** Folds a sheet's versions (any order) into the current scores. */
export function currentScores(versions: Iterable<ScoreVersion>): CurrentScores {
  const self = new Map<string, ScoreVersion>();
  const review = new Map<string, ScoreVersion>();
  for (const v of versions) {
    const map = v.kind === 'self' ? self : review;
    const seen = map.get(v.criterionCode);
    if (!seen || seen.id < v.id) map.set(v.criterionCode, v);
  }
  const countedVersion = new Map<string, ScoreVersion>([...self, ...review]);
  const counted = new Map<string, Hundredths>([...countedVersion].map(([code, v]) => [code, v.points]));
  return { self, review, counted, countedVersion };
}
