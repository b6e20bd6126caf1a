import { UserError } from '../domain/errors.js';
import { writeAudit } from '../store/audit.js';
import { requireSecretary, type CommandContext } from './context.js';
import { requireUnit } from './lookups.js';
import { say } from './registry.js';
import type { Reply } from '../reply.js';
import { tellPrivately } from './tell-privately.js';

/** What the secretary decides about the pending requests to represent a unit. */
export interface JoinDecision {
  /** The command's usage sentence, for a missing unit code. */
  usage: string;
  /** The requests' new status: `active` (approved) or `revoked` (refused). */
  status: 'active' | 'revoked';
  /** The audit action (`role.approve`, `role.refuse`). */
  action: string;
  /** What each person is told privately, and what the secretary is answered. */
  privately: string;
  done: string;
}

/**
 * `/approve CODE` and `/refuse CODE` in one place: every pending request for unit CODE gets the
 * decided status, each change is audited, each person is told privately (where they last wrote
 * to the bot in a private chat), and the secretary is told who was decided on.
 */
export async function decidePendingJoins(ctx: CommandContext, decision: JoinDecision): Promise<Reply[]> {
  const cluster = requireSecretary(ctx);
  const code = ctx.incoming.args.trim();
  if (!code) throw new UserError(decision.usage);
  const unit = await requireUnit(ctx.db, cluster.id, code);
  const pending = await ctx.db.role.findMany({
    where: { clusterId: cluster.id, unitId: unit.id, kind: 'representative', status: 'pending' },
    include: { person: true },
  });
  if (!pending.length) throw new UserError('error-approve-none', { code: unit.code });
  await ctx.db.role.updateMany({
    where: { id: { in: pending.map((r) => r.id) }, status: 'pending' },
    data: { status: decision.status, approvedById: ctx.person.id },
  });
  for (const role of pending) {
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: decision.action,
      subjectType: 'role',
      subjectId: role.id,
      before: { status: 'pending' },
      after: { status: decision.status, unit: unit.code },
    });
  }
  const people = pending.map((r) => r.person);
  tellPrivately(ctx, people, cluster, { key: decision.privately, args: { code: unit.code, unit: unit.name, name: cluster.name } });
  return [say(decision.done, { code: unit.code, unit: unit.name, people: people.map((p) => p.displayName).join(', ') })];
}
