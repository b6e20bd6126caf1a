import { UserError } from '../../domain/errors.js';
import { consolidatedCsv } from '../../reports/csv.js';
import { reportFileName } from '../../reports/file-name.js';
import { XLSX_MIME, consolidatedXlsx } from '../../reports/xlsx.js';
import { asRound, asTerm } from '../../store/records.js';
import { requireCluster } from '../context.js';
import { findActiveRound, parseRoundKind } from '../lookups.js';
import { reportInputFor } from '../round-report.js';
import { allows, standingOf, type Command } from '../registry.js';

/**
 * `/export [link] [xlsx|csv] [midyear|yearend]` (`/xuat`): the consolidated table as a file (or,
 * with `link`, as a signed download link to forward), for the secretary and the year's leader.
 * The named round of the latest year, or else the latest closed round; while none is closed, the round in progress, marked provisional in the file name and
 * title.
 */
export const exportTable: Command = {
  name: 'export',
  alias: 'xuat',
  scope: 'any',
  who: 'secretary-or-leader',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    let format: 'xlsx' | 'csv' = 'xlsx';
    let kind: 'midyear' | 'yearend' | null = null;
    // `link` (`lienket`): a signed download link to forward (to the provincial board) instead of the file.
    let asLink = false;
    for (const word of ctx.incoming.args.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
      const wordKind = parseRoundKind(word);
      if (word === 'link' || word === 'lienket') asLink = true;
      else if (word === 'xlsx' || word === 'csv') format = word;
      else if (wordKind && !kind) kind = wordKind;
      else throw new UserError('usage-export');
    }
    const term = await ctx.db.term.findFirst({ where: { clusterId: cluster.id }, orderBy: { year: 'desc' } });
    if (!term) throw new UserError('error-no-term');
    if (!allows(exportTable.who, standingOf(ctx, term.leaderUnitId))) throw new UserError('error-export-role');
    const round = kind
      ? await ctx.db.round.findFirst({ where: { termId: term.id, kind } })
      : ((await ctx.db.round.findFirst({ where: { termId: term.id, state: 'closed' }, orderBy: [{ closedAt: 'desc' }, { id: 'desc' }] })) ??
        (await findActiveRound(ctx.db, term.id)));
    if (!round) throw new UserError(kind ? 'error-export-no-round' : 'error-no-round', { kind: kind ?? '', year: term.year });
    // Where no file can be delivered, the table is not built: the person is told where to get it.
    if (!ctx.capabilities.files && !ctx.capabilities.links)
      return [{ text: [{ key: 'export-no-files', args: { kind: round.kind, year: term.year, format } }] }];
    const input = await reportInputFor(ctx, cluster, asTerm(term), asRound(round), ctx.now);
    const t = ctx.i18n.translator(ctx.locale);
    const bytes = format === 'csv' ? consolidatedCsv(input, t) : await consolidatedXlsx(input, t);
    return [
      {
        text: [{ key: input.provisional ? 'export-done-provisional' : 'export-done', args: { kind: round.kind, year: term.year, format } }],
        file: {
          fileName: reportFileName(input, format),
          mimeType: format === 'csv' ? 'text/csv' : XLSX_MIME,
          bytes,
        },
        // Where files do not travel (Zalo) the adapter turns the file into a link anyway.
        ...(asLink ? { link: true } : {}),
      },
    ];
  },
};
