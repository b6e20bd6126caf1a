import { inputText, POINTS, usesTarget } from '../../domain/criterion-kinds.js';
import { assignedTo } from '../../domain/criteria.js';
import { UserError } from '../../domain/errors.js';
import { formatDateTime } from '../../domain/dates.js';
import { toPoints } from '../../domain/score.js';
import { listEvidence } from '../../store/evidence.js';
import { asRound } from '../../store/records.js';
import { requireRepresentedUnit, rulesOf } from '../context.js';
import { requireCriteria, requireOpenTerm, toRow } from '../lookups.js';
import type { Cell, Msg } from '../../reply.js';
import type { Command } from '../registry.js';
import { loadSheetScores, NO_SCORES, sheetPoints, sheetProgress } from './sheet-view.js';
import { resolvedTarget } from '../../domain/round-scores.js';
import { targetsIfNeeded } from '../score-lines.js';

/**
 * `/mine` (`/cuatoi`): the unit's sheet in the latest round: scores, state and total. A row of
 * another kind than plain points shows what was reported beside the points it is worth; the
 * police formula's points are marked provisional until the round closes. The evidence files
 * of each criterion are listed, and criteria that do not apply to the unit say so.
 */
export const mine: Command = {
  name: 'mine',
  alias: 'cuatoi',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit } = await requireRepresentedUnit(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const row = await ctx.db.round.findFirst({ where: { termId: term.id }, orderBy: { id: 'desc' } });
    if (!row) throw new UserError('error-no-round');
    const round = asRound(row);
    const criteria = await requireCriteria(ctx.db, term.id);
    const sheet = await ctx.db.sheet.findUnique({ where: { roundId_unitId: { roundId: round.id, unitId: unit.id } } });
    const scores = sheet ? await loadSheetScores(ctx, sheet.id, criteria) : NO_SCORES;
    const points = await sheetPoints(ctx, cluster, round, unit, criteria, scores);
    const progress = sheetProgress(criteria, scores, rulesOf(cluster, round).bonusCap, unit.code, points);
    const explanations = sheet ? await ctx.db.explanation.count({ where: { sheetId: sheet.id } }) : 0;
    const files = sheet ? await listEvidence(ctx.db, sheet.id) : [];
    const provisional = round.state !== 'closed';
    const targets = await targetsIfNeeded(ctx, term.id, criteria);
    const rows = criteria.filter((c) => c.kind !== 'section').map((c) => ({ c, row: toRow(c) }));
    const showEvidence = files.length > 0 || rows.some((r) => r.row.evidence === 'required');
    const cell = (code: string, kind: 'self' | 'review', counts: boolean): Cell => {
      const version = (kind === 'self' ? scores.self : scores.review).get(code);
      if (!version) return null;
      const row = rows.find((r) => r.c.code === code)!.row;
      const scoring = row.scoring ?? POINTS;
      if (scoring.type === 'points' || !version.input) return toPoints(version.points);
      const worth = usesTarget(scoring) ? (counts ? points.get(code) : undefined) : version.points;
      // An actual result alone is shown against the target that counts (the secretary's).
      const input =
        version.input.type === 'ratio'
          ? { ...version.input, target: resolvedTarget(targets, code, unit.code, version.input) }
          : version.input;
      if (worth === undefined) return inputText(input);
      return {
        key: scoring.type === 'target' && provisional ? 'mine-input-provisional' : 'mine-input',
        args: { input: inputText(input), points: toPoints(worth) },
      };
    };
    const byCriterion = new Map<number, string[]>();
    for (const f of files) byCriterion.set(f.criterionId, [...(byCriterion.get(f.criterionId) ?? []), f.fileName]);
    return [
      {
        text: <Msg[]>[
          {
            key: 'mine-header',
            args: {
              unit: unit.code,
              name: unit.name,
              kind: round.kind,
              year: term.year,
              state: sheet?.state ?? 'none',
              deadline: formatDateTime(round.deadline, cluster.timezone),
            },
          },
          {
            key: 'mine-total',
            args: {
              total: toPoints(progress.total),
              scored: progress.scored,
              required: progress.required,
              bonus: toPoints(progress.totals.bonus),
              deductions: toPoints(progress.totals.deductions),
            },
          },
          ...(rows.some((r) => !assignedTo(r.row, unit.code))
            ? [{ key: 'mine-own-max', args: { max: toPoints(progress.totals.max) } }]
            : []),
          ...(progress.missing.length ? [{ key: 'mine-missing', args: { codes: progress.missing.join(', ') } }] : []),
          ...(explanations ? [{ key: 'mine-explanations', args: { count: explanations } }] : []),
          ...rows
            .filter((r) => byCriterion.has(r.c.id))
            .map((r) => ({ key: 'mine-evidence', args: { code: r.c.code, files: byCriterion.get(r.c.id)!.join(', ') } })),
        ],
        table: {
          headers: [
            { key: 'col-code' },
            { key: 'col-max' },
            { key: 'col-self' },
            { key: 'col-reviewed' },
            { key: 'col-reason' },
            ...(showEvidence ? [{ key: 'col-evidence' }] : []),
          ],
          rows: rows.map(({ c, row }): Cell[] => {
            if (!assignedTo(row, unit.code))
              return [c.code, toPoints(c.max), { key: 'mine-not-assigned' }, null, '', ...(showEvidence ? [null] : [])];
            const reviewed = scores.review.has(c.code);
            const evidenceCell: Cell[] = showEvidence
              ? [`${byCriterion.get(c.id)?.length ?? 0}${row.evidence === 'required' ? '*' : ''}`]
              : [];
            return [
              c.code,
              toPoints(c.max),
              cell(c.code, 'self', !reviewed),
              cell(c.code, 'review', true),
              scores.review.get(c.code)?.note ?? '',
              ...evidenceCell,
            ];
          }),
          numeric: [1, 2, 3],
        },
      },
    ];
  },
};
