import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary } from '../context.js';
import { requireUnit } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';
import { tellPrivately } from '../tell-privately.js';

/**
 * `/approve CODE` (`/duyet`): approves the pending requests to represent unit CODE; each person
 * approved is told privately (where they last wrote to the bot in a private chat).
 */
export const approve: Command = {
  name: 'approve',
  alias: 'duyet',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const code = ctx.incoming.args.trim();
    if (!code) throw new UserError('usage-approve');
    const unit = await requireUnit(ctx.db, cluster.id, code);
    const pending = await ctx.db.role.findMany({
      where: { clusterId: cluster.id, unitId: unit.id, kind: 'representative', status: 'pending' },
      include: { person: true },
    });
    if (!pending.length) throw new UserError('error-approve-none', { code: unit.code });
    await ctx.db.role.updateMany({
      where: { id: { in: pending.map((r) => r.id) }, status: 'pending' },
      data: { status: 'active', approvedById: ctx.person.id },
    });
    for (const role of pending) {
      await writeAudit(ctx, {
        clusterId: cluster.id,
        actorId: ctx.person.id,
        action: 'role.approve',
        subjectType: 'role',
        subjectId: role.id,
        before: { status: 'pending' },
        after: { status: 'active', unit: unit.code },
      });
    }
    tellPrivately(
      ctx,
      pending.map((r) => r.person),
      cluster,
      { key: 'join-approved-private', args: { code: unit.code, unit: unit.name, name: cluster.name } },
    );
    return [say('approve-done', { code: unit.code, unit: unit.name, people: pending.map((r) => r.person.displayName).join(', ') })];
  },
};
