import type { Sheet } from '../../generated/sqlite/index.js';
import { UserError } from '../domain/errors.js';
import { assertRoundInProgress, type RoundState } from '../domain/lifecycle.js';
import { requireRepresentedUnit, type CommandContext } from './context.js';
import { ACTIVE_ROUND_STATES } from './lookups.js';

/**
 * What a representative's round commands (`/score`, `/submit`, `/confirm`, `/explain`) all
 * start from: their unit, the open year with its criteria, the round in progress and the
 * unit's sheet, if any. One query (the year with its round, sheet and criteria), since every
 * score message comes through here.
 */
export async function unitInActiveRound(ctx: CommandContext) {
  const { cluster, unit } = await requireRepresentedUnit(ctx);
  const found = await ctx.db.term.findFirst({
    where: { clusterId: cluster.id, state: 'open' },
    orderBy: { year: 'desc' },
    include: {
      rounds: { where: { state: { in: [...ACTIVE_ROUND_STATES] } }, orderBy: { id: 'desc' }, take: 1, include: { sheets: { where: { unitId: unit.id } } } },
      criteria: { orderBy: { position: 'asc' } },
    },
  });
  if (!found) throw new UserError('error-no-term');
  const { rounds, criteria, ...term } = found;
  const active = rounds[0];
  if (!active) throw new UserError('error-no-round');
  const { sheets, ...round } = active;
  assertRoundInProgress(round.state as RoundState);
  const sheet: Sheet | null = sheets[0] ?? null;
  return { cluster, unit, term, round, sheet, criteria };
}
