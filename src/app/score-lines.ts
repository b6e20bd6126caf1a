import type { CriterionRecord as Criterion } from '../store/records.js';
import { inputPoints, parseScoreInput, POINTS, serializeInput, usesTarget } from '../domain/criterion-kinds.js';
import { assignedTo } from '../domain/criteria.js';
import { UserError } from '../domain/errors.js';
import type { TargetBook } from '../domain/round-scores.js';
import type { Hundredths } from '../domain/score.js';
import { loadTargets } from '../store/targets.js';
import type { CommandContext } from './context.js';
import { toRow } from './lookups.js';

/** A checked score of one criterion, ready to be written as a version. */
export interface CheckedScore {
  criterionId: number;
  code: string;
  /** Hundredths; for the police formula 0 (its points are computed from every unit's ratio when read). */
  points: Hundredths;
  /** The reported input as stored (JSON), null for plain points. */
  input: string | null;
  note: string | null;
}

/**
 * Checks what follows a criterion code on a `/score` or `/review` line (or a template row), by
 * the criterion's kind: the same rules whichever way the score arrives. `targets` are the
 * secretary's; a written target must agree with a set one.
 *
 * @throws UserError naming the problem with the criterion's code
 */
export function checkScore(criterion: Criterion, text: string, unitCode: string, targets: TargetBook): CheckedScore {
  const row = toRow(criterion);
  if (!assignedTo(row, unitCode)) throw new UserError('error-criterion-not-assigned', { code: row.code, unit: unitCode });
  if (!text.trim()) throw new UserError('error-score-missing', { code: row.code });
  const scoring = row.scoring ?? POINTS;
  const { input, note } = parseScoreInput(scoring, text, row.code);
  const set = targets.get(row.code)?.get(unitCode) ?? null;
  if (input.type === 'ratio' && set !== null && input.target !== null && input.target !== set) {
    throw new UserError('error-input-target-set', { code: row.code, target: set / 100 });
  }
  const points = inputPoints(scoring, input, row.max, row.code, set) ?? 0;
  return {
    criterionId: criterion.id,
    code: row.code,
    points,
    input: scoring.type === 'points' ? null : serializeInput(input),
    note: note || null,
  };
}

/** The year's targets, read only when one of the criteria needs them. */
export async function targetsIfNeeded(ctx: Pick<CommandContext, 'db'>, termId: number, criteria: Criterion[]): Promise<TargetBook> {
  return criteria.some((c) => usesTarget(toRow(c).scoring ?? POINTS)) ? loadTargets(ctx.db, termId) : new Map();
}
