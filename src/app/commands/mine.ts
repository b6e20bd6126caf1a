import { UserError } from '../../domain/errors.js';
import { formatDateTime } from '../../domain/dates.js';
import { toPoints } from '../../domain/score.js';
import { requireRepresentedUnit, rulesOf } from '../context.js';
import { requireCriteria, requireOpenTerm } from '../lookups.js';
import type { Msg } from '../../reply.js';
import type { Command } from '../registry.js';
import { loadSheetScores, sheetProgress } from './sheet-view.js';

/** `/mine` (`/cuatoi`): the unit's sheet in the latest round: scores, state and total. */
export const mine: Command = {
  name: 'mine',
  alias: 'cuatoi',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit } = await requireRepresentedUnit(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const round = await ctx.db.round.findFirst({ where: { termId: term.id }, orderBy: { id: 'desc' } });
    if (!round) throw new UserError('error-no-round');
    const criteria = await requireCriteria(ctx.db, term.id);
    const sheet = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
    const scores = sheet ? await loadSheetScores(ctx, sheet.id, criteria) : { self: new Map(), review: new Map(), counted: new Map() };
    const progress = sheetProgress(criteria, scores, rulesOf(cluster).bonusCap);
    const explanations = sheet ? await ctx.db.explanation.count({ where: { sheetId: sheet.id } }) : 0;
    return [
      {
        text: <Msg[]>[
          { key: 'mine-header', args: { unit: unit.code, name: unit.name, kind: round.kind, year: term.year, state: sheet?.state ?? 'none', deadline: formatDateTime(round.deadline, cluster.timezone) } },
          { key: 'mine-total', args: { total: toPoints(progress.total), scored: progress.scored, required: progress.required, bonus: toPoints(progress.totals.bonus), deductions: toPoints(progress.totals.deductions) } },
          ...(progress.missing.length ? [{ key: 'mine-missing', args: { codes: progress.missing.join(', ') } }] : []),
          ...(explanations ? [{ key: 'mine-explanations', args: { count: explanations } }] : []),
        ],
        table: {
          headers: [{ key: 'col-code' }, { key: 'col-max' }, { key: 'col-self' }, { key: 'col-reviewed' }, { key: 'col-reason' }],
          rows: criteria
            .filter((c) => c.kind !== 'section')
            .map((c) => {
              const self = scores.self.get(c.code);
              const review = scores.review.get(c.code);
              return [c.code, toPoints(c.max), self ? toPoints(self.points) : null, review ? toPoints(review.points) : null, review?.note ?? ''];
            }),
          numeric: [1, 2, 3],
        },
      },
    ];
  },
};
