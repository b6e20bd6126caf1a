import { normaliseCode } from '../../domain/criteria.js';
import { LineErrors, type LineProblem } from '../../domain/errors.js';
import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { requireSecretary } from '../context.js';
import { splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

const CODE = /^[A-Z0-9][A-Z0-9_.-]{0,15}$/;

/**
 * `/addunit CODE NAME` (`/themdonvi`), or one `CODE NAME` a line in the body: adds member
 * units. All lines are checked first; one bad line adds nothing.
 */
export const addunit: Command = {
  name: 'addunit',
  alias: 'themdonvi',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const lines = [ctx.incoming.args, ...ctx.incoming.body.split(/\r?\n/)]
      .map((text, i) => ({ line: i + 1, text: text.trim() }))
      .filter((l) => l.text && !l.text.startsWith('#'));
    if (!lines.length) throw new UserError('usage-addunit');
    const existing = new Set((await ctx.db.unit.findMany({ where: { clusterId: cluster.id }, select: { code: true } })).map((u) => u.code));
    const problems: LineProblem[] = [];
    const units: { code: string; name: string }[] = [];
    for (const { line, text } of lines) {
      const [raw, name] = splitFirst(text);
      const code = normaliseCode(raw);
      if (!CODE.test(code)) problems.push({ line, key: 'error-unit-code', args: { code: raw } });
      else if (!name) problems.push({ line, key: 'error-unit-name', args: { code } });
      else if (existing.has(code)) problems.push({ line, key: 'error-unit-exists', args: { code } });
      else {
        existing.add(code);
        units.push({ code, name });
      }
    }
    if (problems.length) throw new LineErrors(problems);
    await ctx.db.unit.createMany({ data: units.map((u) => ({ ...u, clusterId: cluster.id })) });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'unit.add',
      subjectType: 'cluster',
      subjectId: cluster.id,
      after: units,
    });
    const total = existing.size;
    return [say('addunit-done', { count: units.length, codes: units.map((u) => u.code).join(', '), total })];
  },
};
