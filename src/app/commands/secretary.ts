import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary } from '../context.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/** `/secretary @user` (`/thuky`): makes another person (known to the bot) a secretary. */
export const secretary: Command = {
  name: 'secretary',
  alias: 'thuky',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const mention = ctx.incoming.mentions?.[0];
    const typed = ctx.incoming.args.trim().replace(/^@/, '').toLowerCase();
    if (!mention && !typed) throw new UserError('usage-secretary');
    const person = mention?.key
      ? await ctx.db.person.findUnique({ where: { key: mention.key } })
      : await ctx.db.person.findFirst({ where: { username: (mention?.username ?? typed).replace(/^@/, '').toLowerCase() } });
    if (!person) throw new UserError('error-person-unknown', { name: mention?.username ?? mention?.displayName ?? typed });
    const existing = await ctx.db.role.findFirst({
      where: { clusterId: cluster.id, personId: person.id, kind: 'secretary', status: 'active' },
    });
    if (existing) throw new UserError('error-secretary-already', { person: person.displayName });
    const role = await ctx.db.role.create({
      data: { clusterId: cluster.id, personId: person.id, kind: 'secretary', approvedById: ctx.person.id },
    });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'role.secretary',
      subjectType: 'role',
      subjectId: role.id,
      after: { person: person.key },
    });
    return [say('secretary-done', { person: person.displayName })];
  },
};
