import { upcomingReply } from '../../store/reminders.js';
import { requireCluster } from '../context.js';
import type { Command } from '../registry.js';

/** `/reminders` (`/nhacnho`): the reminders still to come, in the cluster's local time. */
export const reminders: Command = {
  name: 'reminders',
  alias: 'nhacnho',
  scope: 'any',
  who: 'member',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    return [await upcomingReply(ctx.db, cluster.id, ctx.now, cluster.timezone)];
  },
};
