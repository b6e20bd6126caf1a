import { UserError } from '../../domain/errors.js';
import { assertSheetEditable, type SheetState } from '../../domain/lifecycle.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { rulesOf } from '../context.js';
import { requireCriteria, toRow } from '../lookups.js';
import { assignedTo } from '../../domain/criteria.js';
import { unitInActiveRound } from '../unit-round.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';
import { loadSheetScores, sheetPoints, sheetProgress } from './sheet-view.js';

/**
 * `/submit` (`/nop`): submits the unit's sheet once every criterion that applies to the unit is
 * scored and every criterion that requires evidence has at least one file (the missing ones
 * are named).
 */
export const submit: Command = {
  name: 'submit',
  alias: 'nop',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit, term, round, sheet } = await unitInActiveRound(ctx);
    if (!sheet) throw new UserError('error-submit-empty');
    assertSheetEditable(sheet.state as SheetState);
    const criteria = await requireCriteria(ctx.db, term.id);
    const scores = await loadSheetScores(ctx, sheet.id, criteria);
    const progress = sheetProgress(
      criteria,
      scores,
      rulesOf(cluster).bonusCap,
      unit.code,
      await sheetPoints(ctx, cluster, round, unit, criteria, scores),
    );
    if (progress.missing.length)
      throw new UserError('error-submit-missing', { count: progress.missing.length, codes: progress.missing.join(', ') });
    const needEvidence = criteria.filter((c) => c.evidence === 'required' && assignedTo(toRow(c), unit.code));
    if (needEvidence.length) {
      const have = new Set(
        (await ctx.db.evidence.findMany({ where: { sheetId: sheet.id }, select: { criterionId: true }, distinct: ['criterionId'] })).map(
          (e) => e.criterionId,
        ),
      );
      const lacking = needEvidence.filter((c) => !have.has(c.id)).map((c) => c.code);
      if (lacking.length) throw new UserError('error-submit-evidence', { count: lacking.length, codes: lacking.join(', ') });
    }
    const updated = await ctx.db.sheet.updateMany({
      where: { id: sheet.id, state: 'draft' },
      data: { state: 'submitted', submittedAt: ctx.now },
    });
    if (updated.count !== 1) throw new UserError('error-sheet-submitted');
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'sheet.submit',
      subjectType: 'sheet',
      subjectId: sheet.id,
      before: { state: 'draft' },
      after: { state: 'submitted', total: progress.total },
    });
    const late = ctx.now.getTime() > round.deadline.getTime();
    return [say(late ? 'submit-done-late' : 'submit-done', { unit: unit.code, total: toPoints(progress.total) })];
  },
};
