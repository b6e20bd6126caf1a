import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary } from '../context.js';
import { findActiveRound, splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/**
 * `/term YEAR [THEME]` (`/namthidua`): opens an emulation year. One open year per cluster: the
 * previous open year is closed, unless a round of it is still in progress. The leader is taken
 * from the latest completed handover, if there is one.
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
    const created = await ctx.db.term.create({
      data: { clusterId: cluster.id, year, theme: theme || null, openedAt: ctx.now, leaderUnitId: handover?.toUnitId ?? null },
    });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'term.open',
      subjectType: 'term',
      subjectId: created.id,
      after: { year, theme: theme || null, leaderUnitId: created.leaderUnitId },
    });
    replies.push(say(theme ? 'term-opened-theme' : 'term-opened', { year, theme }));
    if (handover) {
      const leader = await ctx.db.unit.findUnique({ where: { id: handover.toUnitId } });
      if (leader) replies.push(say('term-leader-from-handover', { code: leader.code, unit: leader.name }));
    }
    return replies;
  },
};
