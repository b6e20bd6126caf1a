import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/** `/setup NAME` (`/lapcum`): creates a cluster bound to this group; the caller is its secretary. */
export const setup: Command = {
  name: 'setup',
  alias: 'lapcum',
  scope: 'group',
  who: 'unbound-group',
  async run(ctx) {
    const name = ctx.incoming.args.trim();
    if (ctx.chat.clusterId !== null) throw new UserError('error-already-bound', { name: ctx.cluster?.name ?? '' });
    if (!name) throw new UserError('error-setup-name');
    if (name.length > 200) throw new UserError('error-too-long', { max: 200 });
    const kind = /^khối\b/i.test(name) ? 'bloc' : 'cluster';
    const cluster = await ctx.db.cluster.create({
      data: { name, kind, timezone: ctx.defaults.timezone, locale: ctx.defaults.locale },
    });
    await ctx.db.chat.update({ where: { id: ctx.chat.id }, data: { clusterId: cluster.id, removedAt: null } });
    await ctx.db.role.create({ data: { clusterId: cluster.id, personId: ctx.person.id, kind: 'secretary' } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'cluster.setup',
      subjectType: 'cluster',
      subjectId: cluster.id,
      after: { name, kind, chat: ctx.chat.key },
    });
    return [say('setup-done', { name, person: ctx.person.displayName })];
  },
};
