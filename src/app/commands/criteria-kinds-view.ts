import { POINTS, scoringSpecText } from '../../domain/criterion-kinds.js';
import type { CriteriaTable, CriterionRow } from '../../domain/criteria.js';
import type { Cell } from '../../reply.js';
import type { CommandContext } from '../context.js';

/**
 * The kind cell of the criteria table shown back: the row kind alone for a plain row (as
 * before), else the row kind with its scoring, the evidence rule and the units it does not
 * apply to, so the secretary sees exactly what was understood.
 */
export function kindCell(r: CriterionRow): Cell {
  const scoring = r.scoring ?? POINTS;
  if (scoring.type === 'points' && !r.evidence && !r.notAssigned?.length) return { key: `kind-${r.kind}` };
  return {
    key: 'kind-scoring',
    args: {
      row: r.kind,
      scoring: scoring.type,
      each: 'each' in scoring ? scoring.each / 100 : 0,
      plus: 'plus' in scoring ? scoring.plus / 100 : 0,
      minus: 'minus' in scoring ? scoring.minus / 100 : 0,
      min: 'min' in scoring ? scoring.min / 100 : 0,
      evidence: r.evidence ?? 'optional',
      na: r.notAssigned?.join(', ') || 'none',
    },
  };
}

/** What the audit record keeps of a row besides code, kind and maximum. */
export function extrasOf(r: CriterionRow): string[] {
  const scoring = r.scoring ?? POINTS;
  return [
    ...(scoring.type !== 'points' ? [scoringSpecText(scoring)] : []),
    ...(r.evidence ? [`evidence ${r.evidence}`] : []),
    ...(r.notAssigned?.length ? [`na ${r.notAssigned.join(' ')}`] : []),
  ];
}

/** Unit codes named as not assigned that the cluster does not have. */
export async function unknownUnits(ctx: Pick<CommandContext, 'db'>, clusterId: number, table: CriteriaTable): Promise<string[]> {
  const named = [...new Set(table.rows.flatMap((r) => r.notAssigned ?? []))];
  if (!named.length) return [];
  const known = new Set(
    (await ctx.db.unit.findMany({ where: { clusterId, code: { in: named } }, select: { code: true } })).map((u) => u.code),
  );
  return named.filter((c) => !known.has(c));
}
