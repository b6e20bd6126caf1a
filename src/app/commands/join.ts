import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { personLabel, requireCluster } from '../context.js';
import { requireUnit } from '../lookups.js';
import type { Command } from '../registry.js';

/** `/join CODE` (`/thamgia`): asks to represent unit CODE; pending until a secretary approves. */
export const join: Command = {
  name: 'join',
  alias: 'thamgia',
  scope: 'any',
  who: 'newcomer',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const code = ctx.incoming.args.trim();
    if (!code) throw new UserError('usage-join');
    const unit = await requireUnit(ctx.db, cluster.id, code);
    const mine = ctx.roles.filter((r) => r.kind === 'representative' && r.status !== 'revoked');
    const same = mine.find((r) => r.unitId === unit.id);
    if (same?.status === 'active') throw new UserError('error-join-already', { code: unit.code });
    if (same?.status === 'pending') throw new UserError('error-join-pending-same', { code: unit.code });
    const other = mine.find((r) => r.unitId !== unit.id && r.status === 'active');
    if (other) throw new UserError('error-join-other-unit');
    const role = await ctx.db.role.create({ data: { clusterId: cluster.id, personId: ctx.person.id, kind: 'representative', unitId: unit.id, status: 'pending' } });
    await writeAudit(ctx, { clusterId: cluster.id, actorId: ctx.person.id, action: 'role.request', subjectType: 'role', subjectId: role.id, after: { unit: unit.code, status: 'pending' } });
    return [
      {
        text: [{ key: 'join-requested', args: { person: personLabel(ctx.person), code: unit.code, unit: unit.name } }],
        buttons: [[{ label: { key: 'button-approve', args: { code: unit.code } }, data: `/approve ${unit.code}` }]],
      },
    ];
  },
};
