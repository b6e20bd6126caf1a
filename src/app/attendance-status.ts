import type { UnitRecord } from '../store/records.js';
import { formatDateTime } from '../domain/dates.js';
import type { Msg } from '../reply.js';
import type { CommandContext } from './context.js';

/**
 * The attendance line of `/status`: the year's review meeting (the year-end one first) and the
 * units recorded present and absent; nothing when no meeting is scheduled.
 */
export async function attendanceLine(ctx: CommandContext, termId: number, units: UnitRecord[]): Promise<Msg[]> {
  const meetings = await ctx.db.meeting.findMany({ where: { termId, state: 'scheduled' }, orderBy: { id: 'desc' } });
  const meeting = meetings.find((m) => m.kind === 'yearend') ?? meetings[0];
  if (!meeting) return [];
  const present = new Set(
    (await ctx.db.attendance.findMany({ where: { meetingId: meeting.id }, select: { unitId: true } })).map((a) => a.unitId),
  );
  const timezone = ctx.cluster?.timezone ?? ctx.defaults.timezone;
  const codes = (pred: (u: UnitRecord) => boolean) =>
    units
      .filter(pred)
      .map((u) => u.code)
      .join(', ') || '–';
  return [
    {
      key: 'status-attendance',
      args: {
        at: formatDateTime(meeting.at, timezone),
        count: present.size,
        total: units.length,
        absent: codes((u) => !present.has(u.id)),
      },
    },
  ];
}
