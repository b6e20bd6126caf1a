import { UserError } from '../../domain/errors.js';
import { sheetAfterConfirm, sheetAfterExplain, type SheetState } from '../../domain/lifecycle.js';
import { normaliseCode } from '../../domain/criteria.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { rulesOf } from '../context.js';
import { requireCriteria, splitFirst } from '../lookups.js';
import { unitInActiveRound } from '../unit-round.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';
import { loadSheetScores, sheetPoints, sheetProgress } from './sheet-view.js';

/** `/confirm` (`/xacnhan`): the unit confirms its reviewed sheet (xác nhận). */
export const confirm: Command = {
  name: 'confirm',
  alias: 'xacnhan',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit, term, round, sheet } = await unitInActiveRound(ctx);
    if (!sheet) throw new UserError('error-confirm-not-submitted');
    const next = sheetAfterConfirm(sheet.state as SheetState);
    const criteria = await requireCriteria(ctx.db, term.id);
    const scores = await loadSheetScores(ctx, sheet.id, criteria);
    const progress = sheetProgress(
      criteria,
      scores,
      rulesOf(cluster).bonusCap,
      unit.code,
      await sheetPoints(ctx, cluster, round, unit, criteria, scores),
    );
    // Conditional on the state read: two concurrent confirmations cannot both pass.
    const changed = await ctx.db.sheet.updateMany({
      where: { id: sheet.id, state: sheet.state },
      data: { state: next, confirmedAt: ctx.now },
    });
    if (changed.count !== 1) throw new UserError('error-already-confirmed');
    await ctx.db.confirmation.create({ data: { sheetId: sheet.id, personId: ctx.person.id } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'sheet.confirm',
      subjectType: 'sheet',
      subjectId: sheet.id,
      before: { state: sheet.state },
      after: { state: next, total: progress.total },
    });
    return [say('confirm-done', { unit: unit.code, total: toPoints(progress.total) })];
  },
};

/** `/explain CRITERION TEXT` (`/giaitrinh`): the unit disputes a review, with its explanation. */
export const explain: Command = {
  name: 'explain',
  alias: 'giaitrinh',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const [code, first] = splitFirst(ctx.incoming.args);
    const text = [first, ctx.incoming.body.trim()].filter(Boolean).join('\n');
    if (!code || !text) throw new UserError('usage-explain');
    const { cluster, unit, term, sheet } = await unitInActiveRound(ctx);
    const criterion = (await requireCriteria(ctx.db, term.id)).find((c) => c.code === normaliseCode(code) && c.kind !== 'section');
    if (!criterion) throw new UserError('error-unknown-criterion', { code });
    if (!sheet) throw new UserError('error-explain-not-reviewed');
    const next = sheetAfterExplain(sheet.state as SheetState);
    const changed = await ctx.db.sheet.updateMany({
      where: { id: sheet.id, state: sheet.state },
      data: { state: next, confirmedAt: null },
    });
    if (changed.count !== 1) throw new UserError('error-sheet-changed');
    await ctx.db.explanation.create({ data: { sheetId: sheet.id, criterionId: criterion.id, text, authorId: ctx.person.id } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'sheet.explain',
      subjectType: 'sheet',
      subjectId: sheet.id,
      before: { state: sheet.state },
      after: { state: next, code: criterion.code, text },
    });
    return [say('explain-done', { unit: unit.code, code: criterion.code })];
  },
};
