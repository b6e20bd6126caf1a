import type { RolloverOutcome } from '../domain/reminder-decisions.js';
import { writeAudit } from '../store/audit.js';
import { closeOpenTerm, completeHandover } from '../store/handovers.js';
import type { Store } from '../store/store.js';

/** Which handover's moment has come, in which cluster, at what time. */
export interface RolloverRequest {
  handoverId: number;
  clusterId: number;
  now: Date;
}

/**
 * The year's rollover at a handover's moment (reminder slot `h0`), one transaction: marks the
 * handover done (its receiving unit is on record as the new leader; the next `/term` takes its
 * leader from the latest done handover), closes the handover's year if it is still open, and
 * audits both. Run again for the same handover, it changes nothing and says what stands. The
 * scheduler calls it through the port `main.ts` wires.
 */
export function rollOverHandover(store: Store, request: RolloverRequest): Promise<RolloverOutcome> {
  const { handoverId, clusterId, now } = request;
  return store.tx(now, async (tx) => {
    const { completed, handover } = await completeHandover(tx, { handoverId });
    if (!handover) return { rolled: false, state: 'missing', closedYear: null };
    if (!completed)
      return { rolled: false, state: handover.state, closedYear: handover.term.state === 'closed' ? handover.term.year : null };
    await writeAudit(tx, {
      clusterId,
      actorId: null,
      action: 'handover.done',
      subjectType: 'handover',
      subjectId: handoverId,
      before: { state: 'scheduled' },
      after: { state: 'done', toUnitId: handover.toUnitId, fromUnitId: handover.fromUnitId, doneAt: now },
    });
    let closedYear: number | null = null;
    if (await closeOpenTerm(tx, { termId: handover.termId })) {
      closedYear = handover.term.year;
      await writeAudit(tx, {
        clusterId,
        actorId: null,
        action: 'term.close',
        subjectType: 'term',
        subjectId: handover.termId,
        before: { state: 'open' },
        after: { state: 'closed', closedAt: now, reason: 'handover', newLeaderUnitId: handover.toUnitId },
      });
    }
    return { rolled: true, state: 'done', closedYear };
  });
}
