import { formatDateTime, MORNING, parseFutureDate } from '../../domain/dates.js';
import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { replanReminders } from '../../store/reminders.js';
import { requireSecretary } from '../context.js';
import { requireOpenTerm, requireUnit, splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

const DATE_AND_TIME = /^(\d{1,2}\/\d{1,2}\/\d{4}(?:\s+\d{1,2}[:h]\d{2})?)(?:\s+(.*))?$/s;

/**
 * `/meeting midyear|yearend DATE [PLACE]` (`/lichhop`): schedules a review meeting (08:00 when
 * no time is given). Scheduling the same kind again moves it. Reminders follow.
 */
export const meeting: Command = {
  name: 'meeting',
  alias: 'lichhop',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const [kindText, rest] = splitFirst(ctx.incoming.args);
    const kind = ({ midyear: 'midyear', soket: 'midyear', yearend: 'yearend', tongket: 'yearend' } as const)[
      kindText.toLowerCase() as 'midyear'
    ];
    const m = DATE_AND_TIME.exec(rest);
    if (!kind || !m) throw new UserError('usage-meeting');
    const at = parseFutureDate(m[1]!, cluster.timezone, MORNING, ctx.now);
    const place = m[2]?.trim() || null;
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const existing = await ctx.db.meeting.findFirst({ where: { termId: term.id, kind, state: 'scheduled' } });
    const row = existing
      ? await ctx.db.meeting.update({ where: { id: existing.id }, data: { at, place: place ?? existing.place } })
      : await ctx.db.meeting.create({ data: { termId: term.id, kind, at, place } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: existing ? 'meeting.move' : 'meeting.schedule',
      subjectType: 'meeting',
      subjectId: row.id,
      before: existing ? { at: existing.at, place: existing.place } : undefined,
      after: { kind, at, place: row.place },
    });
    await replanReminders(ctx, { clusterId: cluster.id, type: 'meeting', id: row.id, eventAt: at, timezone: cluster.timezone });
    return [
      say(existing ? 'meeting-moved' : 'meeting-scheduled', { kind, at: formatDateTime(at, cluster.timezone), place: row.place ?? '–' }),
    ];
  },
};

/**
 * `/handover CODE DATE` (`/bangiao`): schedules the handover of leadership and the rotating
 * flag to unit CODE. Scheduling again moves it. Reminders follow; at the date the year rolls over.
 */
export const handover: Command = {
  name: 'handover',
  alias: 'bangiao',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const [code, dateText] = splitFirst(ctx.incoming.args);
    if (!code || !dateText) throw new UserError('usage-handover');
    const at = parseFutureDate(dateText, cluster.timezone, MORNING, ctx.now);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const unit = await requireUnit(ctx.db, cluster.id, code);
    const existing = await ctx.db.handover.findFirst({ where: { termId: term.id, state: 'scheduled' } });
    const row = existing
      ? await ctx.db.handover.update({ where: { id: existing.id }, data: { at, toUnitId: unit.id } })
      : await ctx.db.handover.create({ data: { termId: term.id, fromUnitId: term.leaderUnitId, toUnitId: unit.id, at } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: existing ? 'handover.move' : 'handover.schedule',
      subjectType: 'handover',
      subjectId: row.id,
      before: existing ? { at: existing.at, toUnitId: existing.toUnitId } : undefined,
      after: { at, to: unit.code },
    });
    await replanReminders(ctx, { clusterId: cluster.id, type: 'handover', id: row.id, eventAt: at, timezone: cluster.timezone });
    const from = term.leaderUnitId !== null ? await ctx.db.unit.findUnique({ where: { id: term.leaderUnitId } }) : null;
    return [
      say(existing ? 'handover-moved' : 'handover-scheduled', {
        code: unit.code,
        unit: unit.name,
        at: formatDateTime(at, cluster.timezone),
        from: from?.code ?? '–',
      }),
    ];
  },
};
