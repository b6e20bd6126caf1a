import { computeTotals } from '../../domain/totals.js';
import { UserError } from '../../domain/errors.js';
import { minutesDocx, DOCX_MIME } from '../../reports/minutes/minutes-docx.js';
import type { MinutesBallot, MinutesInput, MinutesRankRow } from '../../reports/minutes/types.js';
import { writeAudit } from '../../store/audit.js';
import { ballotParts, membersOf, presentUnitIds } from '../ballots.js';
import { isSecretary, representedUnitIds, requireCluster, rulesOf, type CommandContext } from '../context.js';
import { toTable, loadCriteria } from '../lookups.js';
import { reportInputFor } from '../round-report.js';
import { electionOf } from '../election-result.js';
import type { Command } from '../registry.js';
import { asRound, asTerm, type ClusterRecord, type TermRecord } from '../../store/records.js';

/** The closed year-end ranking as the minutes' table: self-score, appraised (where reviewed), final. */
async function rankingRows(ctx: CommandContext, cluster: ClusterRecord, term: TermRecord): Promise<MinutesRankRow[]> {
  const round = await ctx.db.round.findFirst({ where: { termId: term.id, kind: 'yearend', state: 'closed' }, orderBy: { id: 'desc' } });
  if (!round) return [];
  const input = await reportInputFor(ctx, cluster, term, asRound(round), ctx.now);
  const table = toTable(await loadCriteria(ctx.db, term.id));
  const detail = new Map(input.units.map((u) => [u.unitCode, u]));
  const bonusCap = rulesOf(cluster, round).bonusCap;
  return input.table.rows.map((r) => {
    const d = detail.get(r.unitCode);
    const self =
      d && r.total !== null
        ? computeTotals(table, new Map(d.rows.filter((x) => x.self !== null).map((x) => [x.code, x.self!])), bonusCap).total
        : null;
    const reviewed = d?.rows.some((x) => x.reviewed !== null) ?? false;
    return {
      rank: r.rank,
      code: r.unitCode,
      name: r.unitName,
      self,
      appraised: reviewed ? r.total : null,
      final: r.total,
      classification: r.classification,
    };
  });
}

/**
 * `/minutes` (`/bienban`): the year-end meeting's minutes as a Word file, built from what the
 * store holds (attendance, the closed ranking, every closed ballot round and its count, the
 * election), for the open year or else the last one. For the secretary and the leader unit's
 * representatives.
 */
export const minutes: Command = {
  name: 'minutes',
  alias: 'bienban',
  who: 'secretary-or-leader',
  scope: 'any',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    // The open year, else the last one (the minutes are often asked for after the handover closed it).
    const row = await ctx.db.term.findFirst({ where: { clusterId: cluster.id }, orderBy: [{ state: 'desc' }, { year: 'desc' }] });
    if (!row) throw new UserError('error-no-term');
    const term = asTerm(row);
    if (!isSecretary(ctx) && !(term.leaderUnitId !== null && representedUnitIds(ctx).includes(term.leaderUnitId)))
      throw new UserError('error-minutes-role');
    const units = await membersOf(ctx, cluster.id);
    const meetings = await ctx.db.meeting.findMany({ where: { termId: term.id, state: 'scheduled' }, orderBy: { id: 'desc' } });
    const meeting = meetings.find((m) => m.kind === 'yearend') ?? meetings[0] ?? null;
    const present = meeting ? await presentUnitIds(ctx, meeting.id) : new Set<number>();
    const ballots = await ctx.db.ballot.findMany({ where: { termId: term.id, state: 'closed' }, orderBy: { id: 'asc' } });
    const secretary = ctx.roles.some((r) => r.kind === 'secretary' && r.status === 'active')
      ? ctx.person
      : await ctx.db.person.findFirst({
          where: { roles: { some: { clusterId: cluster.id, kind: 'secretary', status: 'active' } } },
          orderBy: { id: 'asc' },
        });
    const leader = units.find((u) => u.id === term.leaderUnitId) ?? null;
    const input: MinutesInput = {
      locale: cluster.locale,
      timezone: cluster.timezone,
      // The issuing body above the cluster's name (`/rules issuer`), when the secretary set one.
      superior: rulesOf(cluster).minutesIssuer,
      clusterName: cluster.name,
      numberSuffix: cluster.kind === 'bloc' ? 'KTĐ' : 'CTĐ',
      year: term.year,
      place: meeting?.place ?? null,
      meetingAt: meeting?.at ?? null,
      now: ctx.now,
      secretaryName: secretary?.displayName ?? '',
      chairUnit: leader?.name ?? null,
      attendance: units.map((u) => ({ code: u.code, name: u.name, present: present.has(u.id) })),
      ranking: await rankingRows(ctx, cluster, term),
      // The rules the award ballots were held under (frozen at opening), else the cluster's current ones.
      rules: ballots.filter((b) => b.kind === 'award').map((b) => ballotParts(b).rules)[0] ?? rulesOf(cluster).vote,
      ballots: ballots.map((b): MinutesBallot => {
        const parts = ballotParts(b);
        return {
          id: b.id,
          kind: b.kind,
          question: b.question,
          round: b.round,
          seats: b.seats,
          candidates: parts.candidates,
          rules: parts.rules,
          tally: parts.result!,
          openedAt: b.openedAt,
          closedAt: b.closedAt,
        };
      }),
      election: await electionOf(ctx, cluster, term),
    };
    const bytes = await minutesDocx(input, ctx.i18n.translator(cluster.locale));
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'minutes.export',
      subjectType: 'term',
      subjectId: term.id,
      after: { ballots: ballots.length },
    });
    return [
      {
        text: [{ key: 'minutes-ready', args: { year: term.year, ballots: ballots.length } }],
        file: {
          fileName: `bien-ban-tong-ket-${term.year}.docx`,
          mimeType: DOCX_MIME,
          bytes,
          caption: { key: 'minutes-caption', args: { year: term.year } },
        },
      },
    ];
  },
};
