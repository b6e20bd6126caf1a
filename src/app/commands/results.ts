import type { ConsolidatedTable } from '../../domain/consolidated.js';
import { UserError } from '../../domain/errors.js';
import { toPoints } from '../../domain/score.js';
import type { ClusterRecord as Cluster, RoundRecord as Round, TermRecord as Term } from '../../store/records.js';
import { findLatestClosedRound, findRoundOfKind, readOtherClosedRounds } from '../../store/year-reads.js';
import { requireCluster } from '../context.js';
import { parseRoundKind } from '../lookups.js';
import { consolidatedFor, reportHeader } from '../round-report.js';
import type { Reply } from '../../reply.js';
import type { Command } from '../registry.js';
import { rankingChartPng } from '../../reports/chart.js';
import { reportFileName } from '../../reports/file-name.js';

/** The ranking as a table reply: rank, unit, total, classification. */
export function rankingReply(cluster: Cluster, term: Term, round: Round, table: ConsolidatedTable): Reply[] {
  return [
    {
      text: [
        {
          key: round.state === 'closed' ? 'results-header' : 'results-header-provisional',
          args: { cluster: cluster.name, year: term.year, kind: round.kind, max: toPoints(table.maxTotal) },
        },
      ],
      table: {
        headers: [{ key: 'col-rank' }, { key: 'col-code' }, { key: 'col-unit' }, { key: 'col-total' }, { key: 'col-class' }],
        rows: table.rows.map((r) => [
          r.rank === null ? '–' : String(r.rank),
          r.unitCode,
          r.unitName,
          r.total === null ? null : toPoints(r.total),
          r.classification ? { key: `class-${r.classification}` } : { key: 'class-none' },
        ]),
        numeric: [3],
      },
    },
  ];
}

/**
 * `/results [midyear|yearend]` (`/ketqua`): the ranking of the latest closed round (or of the
 * named round of the latest year) as a table, the chart where the platform shows images, and a
 * button for each other closed round of the same year (choosing a round without typing).
 */
export const results: Command = {
  name: 'results',
  alias: 'ketqua',
  scope: 'any',
  who: 'member',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const arg = ctx.incoming.args.trim();
    const kind = arg ? parseRoundKind(arg) : null;
    if (arg && !kind) throw new UserError('usage-results');
    let round;
    if (kind) {
      round = await findRoundOfKind(ctx, { clusterId: cluster.id, kind });
      if (!round) throw new UserError('error-results-none-kind', { kind });
      if (round.state !== 'closed') throw new UserError('error-results-not-closed', { kind });
    } else {
      round = await findLatestClosedRound(ctx, { clusterId: cluster.id });
      if (!round) throw new UserError('error-results-none');
    }
    const table = await consolidatedFor(ctx, cluster, round);
    const replies = rankingReply(cluster, round.term, round, table);
    if (ctx.capabilities.images) {
      const t = ctx.i18n.translator(ctx.locale);
      // The chart needs the ranking only: no unit sheets, no audit trail.
      const input = { ...reportHeader(cluster, round.term, round, ctx.now), table, units: [], audit: [] };
      replies[0]!.image = { fileName: reportFileName(input, 'png'), mimeType: 'image/png', bytes: rankingChartPng(input, t, ctx.locale) };
    } else replies[0]!.text!.push({ key: 'results-no-chart' });
    const others = await readOtherClosedRounds(ctx, { termId: round.termId, exceptId: round.id });
    if (others.length) {
      replies[0]!.buttons = [others.map((o) => ({ label: { key: 'button-results', args: { kind: o.kind } }, data: `/results ${o.kind}` }))];
    }
    return replies;
  },
};
