import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary, type CommandContext } from '../context.js';
import { electionOf } from '../election-result.js';
import { asTerm, type ClusterRecord } from '../../store/records.js';
import { findActiveRound, splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/**
 * `/term YEAR [THEME]` (`/namthidua`): opens an emulation year. One open year per cluster: the
 * previous open year is closed, unless a round of it is still in progress. The leader is taken
 * from the latest completed handover, else from the previous year's election; the deputy from
 * that election.
 */
export const term: Command = {
  name: 'term',
  alias: 'namthidua',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const [yearText, theme] = splitFirst(ctx.incoming.args);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) throw new UserError('usage-term');
    if (await ctx.db.term.findUnique({ where: { clusterId_year: { clusterId: cluster.id, year } } }))
      throw new UserError('error-term-exists', { year });
    const replies = [];
    const previous = await ctx.db.term.findFirst({ where: { clusterId: cluster.id, state: 'open' } });
    if (previous) {
      if (await findActiveRound(ctx.db, previous.id)) throw new UserError('error-term-round-open', { year: previous.year });
      await ctx.db.term.update({ where: { id: previous.id }, data: { state: 'closed', closedAt: ctx.now } });
      await writeAudit(ctx, {
        clusterId: cluster.id,
        actorId: ctx.person.id,
        action: 'term.close',
        subjectType: 'term',
        subjectId: previous.id,
        before: { state: 'open' },
        after: { state: 'closed' },
      });
      replies.push(say('term-previous-closed', { year: previous.year }));
    }
    const handover = await ctx.db.handover.findFirst({
      where: { term: { clusterId: cluster.id }, state: 'done' },
      orderBy: { at: 'desc' },
    });
    const elected = await electedFor(ctx, cluster, year);
    const leaderUnitId = handover?.toUnitId ?? elected.leader?.id ?? null;
    const deputy = elected.deputy && elected.deputy.id !== leaderUnitId ? elected.deputy : null;
    const created = await ctx.db.term.create({
      data: { clusterId: cluster.id, year, theme: theme || null, openedAt: ctx.now, leaderUnitId, deputyUnitId: deputy?.id ?? null },
    });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'term.open',
      subjectType: 'term',
      subjectId: created.id,
      after: { year, theme: theme || null, leaderUnitId: created.leaderUnitId, deputyUnitId: created.deputyUnitId },
    });
    replies.push(say(theme ? 'term-opened-theme' : 'term-opened', { year, theme }));
    if (handover) {
      const leader = await ctx.db.unit.findUnique({ where: { id: handover.toUnitId } });
      if (leader) replies.push(say('term-leader-from-handover', { code: leader.code, unit: leader.name }));
    } else if (elected.leader) replies.push(say('term-leader-from-election', { code: elected.leader.code, unit: elected.leader.name }));
    if (deputy) replies.push(say('term-deputy-from-election', { code: deputy.code, unit: deputy.name }));
    return replies;
  },
};

/** The leader and deputy units the meeting of the year before `year` elected for it, if it did. */
async function electedFor(ctx: CommandContext, cluster: ClusterRecord, year: number) {
  const before = await ctx.db.term.findUnique({ where: { clusterId_year: { clusterId: cluster.id, year: year - 1 } } });
  if (!before) return { leader: null, deputy: null };
  const election = await electionOf(ctx, cluster, asTerm(before));
  const unit = async (code: string | null) => (code ? ctx.db.unit.findFirst({ where: { clusterId: cluster.id, code } }) : null);
  return { leader: await unit(election.leader), deputy: await unit(election.deputy) };
}
