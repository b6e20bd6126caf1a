import { criteriaFromRows, parseCriteriaText, summariseCriteria, type CriteriaTable } from '../../domain/criteria.js';
import { UserError } from '../../domain/errors.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary } from '../context.js';
import { loadCriteria, requireOpenTerm, toRow, toTable } from '../lookups.js';
import type { Reply } from '../../reply.js';
import { extrasOf, kindCell, unknownUnits } from './criteria-kinds-view.js';
import { serializeScoring } from '../../domain/criterion-kinds.js';
import type { Command } from '../registry.js';
import { readCriteriaFile } from './criteria-file.js';

/**
 * `/criteria` (`/tieuchi`) with a body (`CODE | TITLE | MAX [| KIND] [| evidence] [| na UNITS]`,
 * `CODE | TITLE` for a section; KIND: `bonus`, `deduction`, or a scoring such as `passfail`,
 * `count 2`, `tally 2 1 -5`, `target`, `linear`: `criterion-kinds.ts`) or an attached `.csv`/`.xlsx`: sets the year's criteria table and shows it back
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
    // Evidence hangs off the criteria too: a new table would silently drop the files.
    const attached = scored > 0 ? 0 : await ctx.db.evidence.count({ where: { criterion: { termId: term.id } } });
    if (scored > 0 || attached > 0) throw new UserError('error-criteria-locked');
    const unknown = await unknownUnits(ctx, cluster!.id, table);
    if (unknown.length) throw new UserError('error-criteria-unknown-units', { codes: unknown.join(', ') });
    const before = await loadCriteria(ctx.db, term.id);
    await ctx.db.criterion.deleteMany({ where: { termId: term.id } });
    await ctx.db.criterion.createMany({
      data: table.rows.map((r, position) => ({
        termId: term.id,
        code: r.code,
        title: r.title,
        kind: r.kind,
        max: r.max,
        position,
        sectionCode: r.sectionCode,
        scoring: r.scoring ? serializeScoring(r.scoring) : '',
        evidence: r.evidence ?? 'optional',
        notAssigned: (r.notAssigned ?? []).join(','),
      })),
    });
    await writeAudit(ctx, {
      clusterId: cluster!.id,
      actorId: ctx.person.id,
      action: 'criteria.set',
      subjectType: 'term',
      subjectId: term.id,
      before: before.length ? before.map((r) => [r.code, r.kind, r.max, ...extrasOf(toRow(r))]) : undefined,
      after: table.rows.map((r) => [r.code, r.kind, r.max, ...extrasOf(r)]),
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
        ...s.sections.map((sec) => ({
          key: 'criteria-section-total',
          args: { code: sec.code, title: sec.title, max: toPoints(sec.max), count: sec.count },
        })),
        { key: 'criteria-totals', args: { max: toPoints(s.maxTotal), bonus: toPoints(s.bonusCap), deduction: toPoints(s.deductionCap) } },
      ],
      table: {
        headers: [{ key: 'col-code' }, { key: 'col-title' }, { key: 'col-max' }, { key: 'col-kind' }],
        rows: table.rows.map((r) => [r.code, r.title, r.kind === 'section' ? null : toPoints(r.max), kindCell(r)]),
        numeric: [2],
      },
    },
  ];
}
