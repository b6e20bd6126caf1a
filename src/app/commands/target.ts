import { parseAmount, POINTS, usesTarget } from '../../domain/criterion-kinds.js';
import { assignedTo, normaliseCode } from '../../domain/criteria.js';
import { LineErrors, type LineProblem } from '../../domain/errors.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { loadTargets } from '../../store/targets.js';
import { requireCluster, requireSecretary } from '../context.js';
import { requireCriteria, requireOpenTerm, splitFirst, toRow } from '../lookups.js';
import type { Reply } from '../../reply.js';
import type { Command } from '../registry.js';

/**
 * `/target CRITERION UNIT VALUE` (`/chitieu`), or one such line a line in the body: the
 * secretary sets each unit's target for a quantitative criterion (kinds `target` and `linear`);
 * units then score it with their actual result alone (`/score 1.2 95`). `/target` alone lists
 * the year's targets, for anyone in the cluster. A closed round keeps the points it was ranked
 * with, so a target changed later only moves rounds still in progress.
 */
export const target: Command = {
  name: 'target',
  alias: 'chitieu',
  who: 'secretary',
  scope: 'any',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const criteria = await requireCriteria(ctx.db, term.id);
    const lines = [ctx.incoming.args, ...ctx.incoming.body.split(/\r?\n/)]
      .map((text, i) => ({ line: i + 1, text: text.trim() }))
      .filter((l) => l.text);
    if (!lines.length) return [await listReply(ctx, term.id, 'target-list')];
    requireSecretary(ctx);
    const units = new Map((await ctx.db.unit.findMany({ where: { clusterId: cluster.id } })).map((u) => [u.code, u]));
    const problems: LineProblem[] = [];
    const sets: { criterionId: number; code: string; unitId: number; unit: string; value: number }[] = [];
    for (const { line, text } of lines) {
      const [code, rest] = splitFirst(text);
      const [unitCode, valueText] = splitFirst(rest);
      const criterion = criteria.find((c) => c.code === normaliseCode(code) && c.kind !== 'section');
      const unit = units.get(normaliseCode(unitCode));
      const value = parseAmount(valueText);
      const problem = (key: string, args: Record<string, string | number>) => problems.push({ line, key, args });
      if (!criterion) problem('error-unknown-criterion', { code });
      else if (!usesTarget(toRow(criterion).scoring ?? POINTS)) problem('error-target-kind', { code: criterion.code });
      else if (!unit) problem('error-unknown-unit', { code: unitCode });
      else if (!assignedTo(toRow(criterion), unit.code)) problem('error-criterion-not-assigned', { code: criterion.code, unit: unit.code });
      else if (value === null || value <= 0) problem('error-target-value', { code: criterion.code, input: valueText });
      else sets.push({ criterionId: criterion.id, code: criterion.code, unitId: unit.id, unit: unit.code, value });
    }
    if (problems.length) throw new LineErrors(problems);
    for (const s of sets) {
      await ctx.db.criterionTarget.upsert({
        where: { criterionId_unitId: { criterionId: s.criterionId, unitId: s.unitId } },
        create: { criterionId: s.criterionId, unitId: s.unitId, target: s.value, setById: ctx.person.id },
        update: { target: s.value, setById: ctx.person.id },
      });
    }
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'target.set',
      subjectType: 'term',
      subjectId: term.id,
      after: sets.map((s) => [s.code, s.unit, s.value]),
    });
    return [await listReply(ctx, term.id, 'target-set')];
  },
};

/** Every target of the year, criterion by criterion. */
async function listReply(ctx: Parameters<Command['run']>[0], termId: number, key: string): Promise<Reply> {
  const book = await loadTargets(ctx.db, termId);
  const rows = [...book].flatMap(([code, byUnit]) =>
    [...byUnit].sort(([a], [b]) => a.localeCompare(b)).map(([unit, value]) => [code, unit, toPoints(value)]),
  );
  if (!rows.length) return { text: [{ key: 'target-none' }] };
  return {
    text: [{ key, args: { count: rows.length } }],
    table: { headers: [{ key: 'col-code' }, { key: 'col-unit' }, { key: 'col-target' }], rows, numeric: [2] },
  };
}
