import { formatDateTime } from '../../domain/dates.js';
import { UserError } from '../../domain/errors.js';
import { normaliseCode } from '../../domain/criteria.js';
import { writeAudit } from '../../store/audit.js';
import { membersOf, presentUnitIds, requireYearEndMeeting } from '../ballots.js';
import { requireSecretary } from '../context.js';
import { requireOpenTerm } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/**
 * `/attend CODE…` (`/diemdanh`): records the member units present at the year's review meeting
 * (the one scheduled with `/meeting`); `-CODE` takes a unit off the list, `all` (`tatca`) marks
 * every unit; alone, shows the list. The quorum of every ballot reads it.
 */
export const attend: Command = {
  name: 'attend',
  alias: 'diemdanh',
  who: 'secretary',
  scope: 'any',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const meeting = await requireYearEndMeeting(ctx, term);
    const units = await membersOf(ctx, cluster.id);
    const words = ctx.incoming.args.split(/[\s,;]+/).filter(Boolean);
    const before = await presentUnitIds(ctx, meeting.id);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const add: number[] = [];
    const remove: number[] = [];
    const all = words.length === 1 && ['all', 'tatca'].includes(words[0]!.toLowerCase());
    for (const word of all ? units.map((u) => u.code) : words) {
      const off = word.startsWith('-');
      const unit = byCode.get(normaliseCode(off ? word.slice(1) : word));
      if (!unit) throw new UserError('error-unknown-unit', { code: word });
      (off ? remove : add).push(unit.id);
    }
    for (const unitId of add) if (!before.has(unitId)) await ctx.db.attendance.create({ data: { meetingId: meeting.id, unitId } });
    if (remove.length) await ctx.db.attendance.deleteMany({ where: { meetingId: meeting.id, unitId: { in: remove } } });
    const present = await presentUnitIds(ctx, meeting.id);
    if (add.length || remove.length) {
      const codes = (ids: Set<number>) => units.filter((u) => ids.has(u.id)).map((u) => u.code);
      await writeAudit(ctx, {
        clusterId: cluster.id,
        actorId: ctx.person.id,
        action: 'meeting.attend',
        subjectType: 'meeting',
        subjectId: meeting.id,
        before: codes(before),
        after: codes(present),
      });
    }
    const list = (pred: (id: number) => boolean) =>
      units
        .filter((u) => pred(u.id))
        .map((u) => u.code)
        .join(', ') || '–';
    return [
      say(words.length ? 'attend-recorded' : 'attend-current', {
        at: formatDateTime(meeting.at, cluster.timezone),
        count: present.size,
        total: units.length,
        present: list((id) => present.has(id)),
        absent: list((id) => !present.has(id)),
      }),
    ];
  },
};
