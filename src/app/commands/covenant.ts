import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireRepresentedUnit } from '../context.js';
import { requireOpenTerm } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/** `/sign` (`/ky`): signs the year's covenant (giao ước thi đua) for the unit. */
export const sign: Command = {
  name: 'sign',
  alias: 'ky',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit } = await requireRepresentedUnit(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const existing = await ctx.db.covenantSignature.findUnique({ where: { termId_unitId: { termId: term.id, unitId: unit.id } } });
    if (existing) throw new UserError('error-already-signed', { unit: unit.code, year: term.year });
    const row = await ctx.db.covenantSignature.create({ data: { termId: term.id, unitId: unit.id, personId: ctx.person.id } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'covenant.sign',
      subjectType: 'term',
      subjectId: term.id,
      after: { unit: unit.code, signature: row.id },
    });
    const [signed, total] = await Promise.all([
      ctx.db.covenantSignature.count({ where: { termId: term.id } }),
      ctx.db.unit.count({ where: { clusterId: cluster.id } }),
    ]);
    return [say('sign-done', { unit: unit.code, year: term.year, signed, total })];
  },
};

/** `/register TITLE` (`/dangky`): records the title the unit aims for this year (the latest counts). */
export const register: Command = {
  name: 'register',
  alias: 'dangky',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit } = await requireRepresentedUnit(ctx);
    const title = [ctx.incoming.args, ctx.incoming.body]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' ');
    if (!title) throw new UserError('usage-register');
    if (title.length > 300) throw new UserError('error-too-long', { max: 300 });
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const previous = await ctx.db.registration.findFirst({ where: { termId: term.id, unitId: unit.id }, orderBy: { id: 'desc' } });
    await ctx.db.registration.create({ data: { termId: term.id, unitId: unit.id, title, personId: ctx.person.id } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'registration',
      subjectType: 'term',
      subjectId: term.id,
      before: previous ? { title: previous.title } : undefined,
      after: { unit: unit.code, title },
    });
    return [say(previous ? 'register-changed' : 'register-done', { unit: unit.code, title, year: term.year })];
  },
};
