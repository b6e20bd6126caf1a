import { UserError } from '../../domain/errors.js';
import { chooseCluster, readClusters } from '../../store/people.js';
import { memberClusterIds, privateClusterId } from '../context.js';
import type { Msg } from '../../reply.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/**
 * `/cluster [NUMBER]` (`/cum`), in a private chat: lists the clusters the person belongs to,
 * numbered in the order they joined them and named in full, marking the one their private
 * commands act on; with a number, chooses that one (remembered until changed). A person in one
 * cluster never needs it; one who joins a second keeps acting on the first until they choose.
 */
export const cluster: Command = {
  name: 'cluster',
  alias: 'cum',
  scope: 'any',
  who: 'anyone',
  async run(ctx) {
    if (ctx.incoming.chat.kind !== 'private') throw new UserError('error-cluster-private');
    const clusters = await readClusters(ctx, { ids: memberClusterIds(ctx.allRoles) });
    if (!clusters.length) throw new UserError('error-cluster-none');
    const arg = ctx.incoming.args.trim();
    if (!arg) {
      const current = privateClusterId(ctx.person, ctx.allRoles);
      const lines: Msg[] = clusters.map((c, i) => ({
        key: c.id === current ? 'cluster-item-current' : 'cluster-item',
        args: { number: i + 1, name: c.name },
      }));
      return [
        {
          text: [
            { key: 'cluster-list', args: { count: clusters.length } },
            ...lines,
            { key: clusters.length > 1 ? 'cluster-how' : 'cluster-only' },
          ],
        },
      ];
    }
    const number = /^\d{1,3}$/.test(arg) ? Number(arg) : 0;
    const chosen = clusters[number - 1];
    if (!chosen) throw new UserError('error-cluster-number', { count: clusters.length });
    await chooseCluster(ctx, { personId: ctx.person.id, clusterId: chosen.id });
    return [say('cluster-chosen', { number, name: chosen.name })];
  },
};
