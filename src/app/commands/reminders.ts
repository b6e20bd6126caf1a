import { formatDateTime } from '../../domain/dates.js';
import type { Msg, Reply } from '../../reply.js';
import { listUpcoming, type UpcomingReminder } from '../../store/reminders.js';
import { requireCluster } from '../context.js';
import type { Command } from '../registry.js';

/**
 * The `/reminders` reply: one line per reminder still to come, in the cluster's local time (a
 * due one not yet sent says "now"), or a line saying there is none. Locale ids:
 * `reminder-upcoming-*`.
 */
export function upcomingReply(upcoming: UpcomingReminder[], now: Date, timezone: string): Reply {
  if (!upcoming.length) return { text: [{ key: 'reminder-upcoming-none' }] };
  const lines: Msg[] = [{ key: 'reminder-upcoming-header', args: { count: upcoming.length } }];
  for (const r of upcoming) {
    const due = formatDateTime(r.dueNow ? now : r.dueAt, timezone);
    const at = formatDateTime(r.eventAt, timezone);
    if (r.subjectType === 'round') {
      lines.push({
        key: r.slot === 'overdue' ? 'reminder-upcoming-overdue' : 'reminder-upcoming-round',
        args: { due, kind: r.kind ?? '', deadline: at },
      });
    } else if (r.subjectType === 'meeting') {
      lines.push({ key: 'reminder-upcoming-meeting', args: { due, kind: r.kind ?? '', at } });
    } else if (r.subjectType === 'ballot') {
      lines.push({
        key: r.slot === 'bc' ? 'reminder-upcoming-ballot-close' : 'reminder-upcoming-ballot',
        args: { due, id: r.subjectId, question: r.ballot?.question ?? '' },
      });
    } else {
      const code = r.toUnit?.code ?? '–';
      const name = r.toUnit?.name ?? '';
      lines.push({ key: r.slot === 'h0' ? 'reminder-upcoming-rollover' : 'reminder-upcoming-handover', args: { due, code, name, at } });
    }
  }
  return { text: lines };
}

/** `/reminders` (`/nhacnho`): the reminders still to come, in the cluster's local time. */
export const reminders: Command = {
  name: 'reminders',
  alias: 'nhacnho',
  scope: 'any',
  who: 'member',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    return [upcomingReply(await listUpcoming(ctx, { clusterId: cluster.id }), ctx.now, cluster.timezone)];
  },
};
