import type { TermState } from '../domain/lifecycle.js';
import { parseHandoverState, type HandoverState } from '../domain/states.js';
import { asTerm } from './records.js';
import type { Tx } from './tx.js';

/** The writes of a handover's moment (the year's rollover, `app/rollover.ts`), at the handle's `now`. */

/** A handover as its rollover reads it, with its year. */
export interface HandoverWithTerm {
  id: number;
  termId: number;
  toUnitId: number;
  fromUnitId: number | null;
  state: HandoverState;
  term: { year: number; state: TermState };
}

/**
 * Marks a scheduled handover done at `now`. `completed` says whether this call did it (false:
 * it already was, or was cancelled); `handover` is the row afterwards, null when there is none.
 */
export async function completeHandover(
  tx: Tx,
  options: { handoverId: number },
): Promise<{ completed: boolean; handover: HandoverWithTerm | null }> {
  const { count } = await tx.db.handover.updateMany({
    where: { id: options.handoverId, state: 'scheduled' },
    data: { state: 'done', doneAt: tx.now },
  });
  const row = await tx.db.handover.findUnique({ where: { id: options.handoverId }, include: { term: true } });
  if (!row) return { completed: false, handover: null };
  const term = asTerm(row.term);
  return {
    completed: count === 1,
    handover: {
      id: row.id,
      termId: row.termId,
      toUnitId: row.toUnitId,
      fromUnitId: row.fromUnitId,
      state: parseHandoverState(row.state),
      term: { year: term.year, state: term.state },
    },
  };
}

/** Closes a year at `now` if it is still open; true when this call closed it. */
export async function closeOpenTerm(tx: Tx, options: { termId: number }): Promise<boolean> {
  const { count } = await tx.db.term.updateMany({
    where: { id: options.termId, state: 'open' },
    data: { state: 'closed', closedAt: tx.now },
  });
  return count === 1;
}
