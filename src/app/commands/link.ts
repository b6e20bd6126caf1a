import { UserError } from '../../domain/errors.js';
import { formatDateTime } from '../../domain/dates.js';
import { writeAudit } from '../../store/audit.js';
import { newCode } from '../codes.js';
import { isSecretary, requireSecretary } from '../context.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

const CODE_HOURS = 24;

/**
 * `/link` (`/lienket`): with no argument, a one-time code (24 h) for the secretary; with the
 * code, binds this chat (any platform) to the same cluster.
 */
export const link: Command = {
  name: 'link',
  alias: 'lienket',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const code = ctx.incoming.args.trim().toUpperCase();
    if (!code) {
      const cluster = requireSecretary(ctx);
      const value = newCode();
      const expiresAt = new Date(ctx.now.getTime() + CODE_HOURS * 3600_000);
      await ctx.db.linkCode.create({ data: { code: value, clusterId: cluster.id, createdById: ctx.person.id, expiresAt } });
      return [
        {
          ...say('link-code', { code: value, until: formatDateTime(expiresAt, cluster.timezone) }),
          privately: ctx.incoming.chat.kind === 'group',
        },
      ];
    }
    if (ctx.chat.clusterId !== null) throw new UserError('error-already-bound', { name: ctx.cluster?.name ?? '' });
    const row = await ctx.db.linkCode.findUnique({ where: { code } });
    if (!row || row.usedAt || row.expiresAt.getTime() < ctx.now.getTime()) throw new UserError('error-link-code', { code });
    const roles = await ctx.db.role.findMany({
      where: { clusterId: row.clusterId, personId: ctx.person.id, kind: 'secretary', status: 'active' },
    });
    if (!roles.length && !isSecretary(ctx)) throw new UserError('error-not-secretary');
    const used = await ctx.db.linkCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: ctx.now } });
    if (used.count !== 1) throw new UserError('error-link-code', { code });
    await ctx.db.chat.update({ where: { id: ctx.chat.id }, data: { clusterId: row.clusterId, removedAt: null } });
    const cluster = await ctx.db.cluster.findUniqueOrThrow({ where: { id: row.clusterId } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'chat.link',
      subjectType: 'chat',
      subjectId: ctx.chat.id,
      after: { chat: ctx.chat.key },
    });
    return [say('link-done', { name: cluster.name })];
  },
};
