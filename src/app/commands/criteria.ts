import { criteriaFromRows, parseCriteriaText, summariseCriteria, type CriteriaTable } from '../../domain/criteria.js';
import { UserError } from '../../domain/errors.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary } from '../context.js';
import { loadCriteria, requireOpenTerm, toTable } from '../lookups.js';
import type { Reply } from '../../reply.js';
import type { Command } from '../registry.js';
import { readCriteriaFile } from './criteria-file.js';

/**
 * `/criteria` (`/tieuchi`) with a body (`CODE | TITLE | MAX [| bonus|deduction]`, `CODE | TITLE`
 * for a section) or an attached `.csv`/`.xlsx`: sets the year's criteria table and shows it back
 * with totals. With neither, shows the current table. Refused once scoring has started.
 */
export const criteria: Command = {
  name: 'criteria',
  alias: 'tieuchi',
  scope: 'any',
  who: 'member',
  async run(ctx) {
    const cluster = ctx.cluster;
    const file = ctx.incoming.attachments?.[0];
    const text = [ctx.incoming.args, ctx.incoming.body].filter((s) => s.trim()).join('\n');
    if (!file && !text.trim()) {
      if (!cluster) throw new UserError('error-no-cluster');
      const term = await requireOpenTerm(ctx.db, cluster.id);
      const rows = await loadCriteria(ctx.db, term.id);
      if (!rows.length) throw new UserError('error-no-criteria');
      return criteriaReply(toTable(rows), term.year, 'criteria-current');
    }
    requireSecretary(ctx);
    const term = await requireOpenTerm(ctx.db, cluster!.id);
    const table = file ? criteriaFromRows(await readCriteriaFile(file)) : parseCriteriaText(text);
    const scored = await ctx.db.scoreEntry.count({ where: { criterion: { termId: term.id } } });
    if (scored > 0) throw new UserError('error-criteria-locked');
    const before = await loadCriteria(ctx.db, term.id);
    await ctx.db.criterion.deleteMany({ where: { termId: term.id } });
    await ctx.db.criterion.createMany({
      data: table.rows.map((r, position) => ({ termId: term.id, code: r.code, title: r.title, kind: r.kind, max: r.max, position, sectionCode: r.sectionCode })),
    });
    await writeAudit(ctx, {
      clusterId: cluster!.id,
      actorId: ctx.person.id,
      action: 'criteria.set',
      subjectType: 'term',
      subjectId: term.id,
      before: before.length ? before.map((r) => [r.code, r.kind, r.max]) : undefined,
      after: table.rows.map((r) => [r.code, r.kind, r.max]),
    });
    return criteriaReply(table, term.year, 'criteria-set');
  },
};

/** The table shown back: one line per row, and the totals. */
function criteriaReply(table: CriteriaTable, year: number, key: string): Reply[] {
  const s = summariseCriteria(table);
  return [
    {
      text: [
        { key, args: { year, count: s.criterionCount } },
        ...s.sections.map((sec) => ({ key: 'criteria-section-total', args: { code: sec.code, title: sec.title, max: toPoints(sec.max), count: sec.count } })),
        { key: 'criteria-totals', args: { max: toPoints(s.maxTotal), bonus: toPoints(s.bonusCap), deduction: toPoints(s.deductionCap) } },
      ],
      table: {
        headers: [{ key: 'col-code' }, { key: 'col-title' }, { key: 'col-max' }, { key: 'col-kind' }],
        rows: table.rows.map((r) => [r.code, r.title, r.kind === 'section' ? null : toPoints(r.max), { key: `kind-${r.kind}` }]),
        numeric: [2],
      },
    },
  ];
}
