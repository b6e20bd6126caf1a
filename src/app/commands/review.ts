import { normaliseCode } from '../../domain/criteria.js';
import { UserError } from '../../domain/errors.js';
import { roundAfterReview, sheetAfterReview, type RoundState, type SheetState } from '../../domain/lifecycle.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import type { RoundRecord } from '../../store/records.js';
import { insertScoreEntries, latestScoreEntry } from '../../store/score-entries.js';
import { isSecretary, representedUnitIds, requireCluster, type CommandContext } from '../context.js';
import { requireActiveRound, requireCriteria, requireOpenTerm, requireUnit, splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';
import { checkScore, targetsIfNeeded } from '../score-lines.js';
import { tellUnitRepresentatives } from '../tell-privately.js';

/** May this person review this unit's sheet: secretary, the year's leader unit, or an assigned reviewer unit. */
async function mayReview(ctx: CommandContext, round: RoundRecord, leaderUnitId: number | null, unitId: number): Promise<boolean> {
  const mine = representedUnitIds(ctx);
  // A unit never appraises its own sheet, leader or not.
  if (mine.includes(unitId)) throw new UserError('error-review-own');
  if (isSecretary(ctx)) return true;
  if (leaderUnitId !== null && mine.includes(leaderUnitId)) return true;
  if (!mine.length) return false;
  const assigned = await ctx.db.reviewerAssignment.count({ where: { roundId: round.id, unitId, reviewerUnitId: { in: mine } } });
  return assigned > 0;
}

/**
 * `/review CODE CRITERION POINTS REASON` (`/thamdinh`): sets the reviewed score of one
 * criterion of a unit's submitted sheet (POINTS is the new score), with a reason.
 */
export const review: Command = {
  name: 'review',
  alias: 'thamdinh',
  scope: 'any',
  who: 'reviewer',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const [unitCode, rest1] = splitFirst(ctx.incoming.args);
    const [criterionCode, rest2] = splitFirst(rest1);
    if (unitCode && criterionCode.toLowerCase() === 'ok' && !rest2 && !ctx.incoming.body.trim()) return appraiseAsIs(ctx, unitCode);
    if (!unitCode || !criterionCode || !rest2) throw new UserError('usage-review');
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const round = await requireActiveRound(ctx.db, term.id);
    const roundNext = roundAfterReview(round.state as RoundState);
    const unit = await requireUnit(ctx.db, cluster.id, unitCode);
    if (!(await mayReview(ctx, round, term.leaderUnitId, unit.id))) throw new UserError('error-not-reviewer');
    const criteria = await requireCriteria(ctx.db, term.id);
    const criterion = criteria.find((c) => c.code === normaliseCode(criterionCode) && c.kind !== 'section');
    if (!criterion) throw new UserError('error-unknown-criterion', { code: criterionCode });
    // POINTS is written as the criterion's kind asks (`7`, `không đạt`, `2 lần`, `90/100`…).
    const checked = checkScore(criterion, rest2, unit.code, await targetsIfNeeded(ctx, term.id, [criterion]));
    const { points } = checked;
    const reason = [checked.note ?? '', ctx.incoming.body.trim()].filter(Boolean).join('\n');
    if (!reason) throw new UserError('error-review-reason');
    const sheet = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
    if (!sheet) throw new UserError('error-review-not-submitted', { code: unit.code });
    const next = sheetAfterReview(sheet.state as SheetState);
    const previous = await latestScoreEntry(ctx, { sheetId: sheet.id, criterionId: criterion.id });
    await insertScoreEntries(ctx, {
      sheetId: sheet.id,
      authorId: ctx.person.id,
      entries: [{ criterionId: criterion.id, kind: 'review', points, note: reason, input: checked.input }],
    });
    await ctx.db.sheet.update({ where: { id: sheet.id }, data: { state: next, confirmedAt: null } });
    if (round.state !== roundNext) await ctx.db.round.update({ where: { id: round.id }, data: { state: roundNext } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'score.review',
      subjectType: 'sheet',
      subjectId: sheet.id,
      before: { code: criterion.code, points: previous?.points ?? null, state: sheet.state },
      after: { code: criterion.code, points, reason, state: next, ...(checked.input ? { input: checked.input } : {}) },
    });
    const args = {
      unit: unit.code,
      code: criterion.code,
      before: previous ? toPoints(previous.points) : 0,
      points: toPoints(points),
      reason,
    };
    await tellUnitRepresentatives(ctx, cluster, unit.id, { key: 'review-done-private', args: { ...args, name: cluster.name } });
    return [
      {
        text: [{ key: 'review-done', args }],
        buttons: [[{ label: { key: 'button-confirm' }, data: '/confirm' }]],
      },
    ];
  },
};

/**
 * `/review CODE ok`: the reviewer appraises the whole submitted sheet as it is ("thẩm định, giữ
 * nguyên"), so the unit can confirm it; also closes a dispute without changing a score.
 */
async function appraiseAsIs(ctx: CommandContext, unitCode: string) {
  const cluster = requireCluster(ctx);
  const term = await requireOpenTerm(ctx.db, cluster.id);
  const round = await requireActiveRound(ctx.db, term.id);
  const roundNext = roundAfterReview(round.state as RoundState);
  const unit = await requireUnit(ctx.db, cluster.id, unitCode);
  if (!(await mayReview(ctx, round, term.leaderUnitId, unit.id))) throw new UserError('error-not-reviewer');
  const sheet = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
  if (!sheet) throw new UserError('error-review-not-submitted', { code: unit.code });
  if (sheet.state === 'confirmed') throw new UserError('error-already-confirmed');
  const next = sheetAfterReview(sheet.state as SheetState);
  // Conditional on the state read: a concurrent change makes this one fail rather than overwrite it.
  const changed = await ctx.db.sheet.updateMany({ where: { id: sheet.id, state: sheet.state }, data: { state: next, confirmedAt: null } });
  if (changed.count !== 1) throw new UserError('error-sheet-changed');
  if (round.state !== roundNext) await ctx.db.round.update({ where: { id: round.id }, data: { state: roundNext } });
  await writeAudit(ctx, {
    clusterId: cluster.id,
    actorId: ctx.person.id,
    action: 'sheet.appraise',
    subjectType: 'sheet',
    subjectId: sheet.id,
    before: { state: sheet.state },
    after: { state: next },
  });
  await tellUnitRepresentatives(ctx, cluster, unit.id, { key: 'review-ok-private', args: { unit: unit.code, name: cluster.name } });
  return [
    { text: [{ key: 'review-ok-done', args: { unit: unit.code } }], buttons: [[{ label: { key: 'button-confirm' }, data: '/confirm' }]] },
  ];
}
