import { UserError } from '../domain/errors.js';
import { assertRoundInProgress } from '../domain/lifecycle.js';
import { readOpenYear } from '../store/context-reads.js';
import { requireRepresentedUnit, type CommandContext } from './context.js';

/**
 * What a representative's round commands (`/score`, `/submit`, `/confirm`, `/explain`) all
 * start from: their unit, the open year with its criteria, the round in progress and the
 * unit's sheet, if any. Two statements (`readOpenYear`), since every score message comes here.
 */
export async function unitInActiveRound(ctx: CommandContext) {
  const { cluster, unit } = await requireRepresentedUnit(ctx);
  const year = await readOpenYear(ctx, { clusterId: cluster.id, unitId: unit.id });
  if (!year) throw new UserError('error-no-term');
  const { term, round, sheet, criteria } = year;
  if (!round) throw new UserError('error-no-round');
  assertRoundInProgress(round.state);
  return { cluster, unit, term, round, sheet, criteria };
}
