import { UserError } from '../../domain/errors.js';
import { assertSheetEditable, type SheetState } from '../../domain/lifecycle.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { rulesOf } from '../context.js';
import { requireCriteria } from '../lookups.js';
import { unitInActiveRound } from '../unit-round.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';
import { loadSheetScores, sheetProgress } from './sheet-view.js';

/** `/submit` (`/nop`): submits the unit's sheet once every criterion is scored. */
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
    const progress = sheetProgress(criteria, await loadSheetScores(ctx, sheet.id, criteria), rulesOf(cluster).bonusCap);
    if (progress.missing.length) throw new UserError('error-submit-missing', { count: progress.missing.length, codes: progress.missing.join(', ') });
    const updated = await ctx.db.sheet.updateMany({ where: { id: sheet.id, state: 'draft' }, data: { state: 'submitted', submittedAt: ctx.now } });
    if (updated.count !== 1) throw new UserError('error-sheet-submitted');
    await writeAudit(ctx, { clusterId: cluster.id, actorId: ctx.person.id, action: 'sheet.submit', subjectType: 'sheet', subjectId: sheet.id, before: { state: 'draft' }, after: { state: 'submitted', total: progress.total } });
    const late = ctx.now.getTime() > round.deadline.getTime();
    return [say(late ? 'submit-done-late' : 'submit-done', { unit: unit.code, total: toPoints(progress.total) })];
  },
};
