import { END_OF_DAY, formatDateTime, parseFutureDate } from '../../domain/dates.js';
import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { replanReminders } from '../../store/reminders.js';
import { requireSecretary } from '../context.js';
import { findActiveRound, parseRoundKind, requireCriteria, requireOpenTerm, splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/**
 * `/round midyear|yearend DEADLINE` (`/dotcham`): opens a scoring round with a deadline
 * (`dd/mm/yyyy [HH:MM]`, end of day when no time is given). Given again for the round in
 * progress, it moves the deadline; reminders follow either way.
 */
export const round: Command = {
  name: 'round',
  alias: 'dotcham',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const [kindText, deadlineText] = splitFirst(ctx.incoming.args);
    const kind = parseRoundKind(kindText);
    if (!kind || !deadlineText) throw new UserError('usage-round');
    const deadline = parseFutureDate(deadlineText, cluster.timezone, END_OF_DAY, ctx.now);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    await requireCriteria(ctx.db, term.id);
    const active = await findActiveRound(ctx.db, term.id);
    const when = formatDateTime(deadline, cluster.timezone);
    if (active) {
      if (active.kind !== kind) throw new UserError('error-round-other-open', { kind: active.kind });
      await ctx.db.round.update({ where: { id: active.id }, data: { deadline } });
      await writeAudit(ctx, {
        clusterId: cluster.id,
        actorId: ctx.person.id,
        action: 'round.deadline',
        subjectType: 'round',
        subjectId: active.id,
        before: { deadline: active.deadline },
        after: { deadline },
      });
      await replanReminders(ctx, { clusterId: cluster.id, type: 'round', id: active.id, eventAt: deadline, timezone: cluster.timezone });
      return [say('round-moved', { kind, deadline: when })];
    }
    if (await ctx.db.round.findFirst({ where: { termId: term.id, kind } }))
      throw new UserError('error-round-exists', { kind, year: term.year });
    const created = await ctx.db.round.create({ data: { termId: term.id, kind, deadline, openedAt: ctx.now } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'round.open',
      subjectType: 'round',
      subjectId: created.id,
      after: { kind, deadline },
    });
    await replanReminders(ctx, { clusterId: cluster.id, type: 'round', id: created.id, eventAt: deadline, timezone: cluster.timezone });
    return [say('round-opened', { kind, year: term.year, deadline: when })];
  },
};
