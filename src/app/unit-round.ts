import type { Sheet } from '../../generated/sqlite/index.js';
import { assertRoundInProgress, type RoundState } from '../domain/lifecycle.js';
import { requireRepresentedUnit, type CommandContext } from './context.js';
import { requireActiveRound, requireOpenTerm } from './lookups.js';

/**
 * What a representative's round commands (`/score`, `/submit`, `/confirm`, `/explain`) all
 * start from: their unit, the open year, the round in progress and the unit's sheet, if any.
 */
export async function unitInActiveRound(ctx: CommandContext) {
  const { cluster, unit } = await requireRepresentedUnit(ctx);
  const term = await requireOpenTerm(ctx.db, cluster.id);
  const round = await requireActiveRound(ctx.db, term.id);
  assertRoundInProgress(round.state as RoundState);
  const sheet: Sheet | null = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
  return { cluster, unit, term, round, sheet };
}
