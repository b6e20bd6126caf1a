import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary, type CommandContext } from '../context.js';
import { requireOpenTerm, requireUnit } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

async function setLeadership(ctx: CommandContext, role: 'leader' | 'deputy') {
  const cluster = requireSecretary(ctx);
  const code = ctx.incoming.args.trim();
  if (!code) throw new UserError(`usage-${role}`);
  const term = await requireOpenTerm(ctx.db, cluster.id);
  const unit = await requireUnit(ctx.db, cluster.id, code);
  const other = role === 'leader' ? term.deputyUnitId : term.leaderUnitId;
  if (other === unit.id) throw new UserError('error-leader-deputy-same', { code: unit.code });
  const field = role === 'leader' ? 'leaderUnitId' : 'deputyUnitId';
  await ctx.db.term.update({ where: { id: term.id }, data: { [field]: unit.id } });
  await writeAudit(ctx, {
    clusterId: cluster.id,
    actorId: ctx.person.id,
    action: `term.${role}`,
    subjectType: 'term',
    subjectId: term.id,
    before: { [field]: term[field] },
    after: { [field]: unit.id, code: unit.code },
  });
  return [say(`${role}-done`, { code: unit.code, unit: unit.name, year: term.year })];
}

/** `/leader CODE` (`/cumtruong`): sets the year's leading unit (Cụm trưởng). */
export const leader: Command = {
  name: 'leader',
  alias: 'cumtruong',
  scope: 'any',
  who: 'secretary',
  run: (ctx) => setLeadership(ctx, 'leader'),
};

/** `/deputy CODE` (`/cumpho`): sets the year's deputy unit (Cụm phó). */
export const deputy: Command = {
  name: 'deputy',
  alias: 'cumpho',
  scope: 'any',
  who: 'secretary',
  run: (ctx) => setLeadership(ctx, 'deputy'),
};
