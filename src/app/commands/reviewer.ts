import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary } from '../context.js';
import { requireActiveRound, requireOpenTerm, requireUnit, splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/**
 * `/reviewer CODE REVIEWER` (`/phancong`): assigns unit REVIEWER to cross-review (chấm chéo)
 * unit CODE's sheet in the round in progress. An addition to CONTRACT.md's table, which names
 * "assigned reviewer" among those who may `/review`.
 */
export const reviewer: Command = {
  name: 'reviewer',
  alias: 'phancong',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const [code, reviewerCode] = splitFirst(ctx.incoming.args);
    if (!code || !reviewerCode) throw new UserError('usage-reviewer');
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const round = await requireActiveRound(ctx.db, term.id);
    const unit = await requireUnit(ctx.db, cluster.id, code);
    const by = await requireUnit(ctx.db, cluster.id, reviewerCode);
    if (unit.id === by.id) throw new UserError('error-reviewer-self', { code: unit.code });
    const existing = await ctx.db.reviewerAssignment.findUnique({
      where: { roundId_unitId_reviewerUnitId: { roundId: round.id, unitId: unit.id, reviewerUnitId: by.id } },
    });
    if (existing) throw new UserError('error-reviewer-exists', { code: unit.code, reviewer: by.code });
    const row = await ctx.db.reviewerAssignment.create({ data: { roundId: round.id, unitId: unit.id, reviewerUnitId: by.id } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'review.assign',
      subjectType: 'round',
      subjectId: round.id,
      after: { unit: unit.code, reviewer: by.code, assignment: row.id },
    });
    return [say('reviewer-done', { code: unit.code, reviewer: by.code })];
  },
};
