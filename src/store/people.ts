import type { ClusterRecord } from './records.js';
import { asCluster } from './records.js';
import { Params, rawExecute } from './sql.js';
import type { Tx } from './tx.js';

/**
 * What the store keeps about a person across clusters and platforms: the private chat they
 * last wrote from (where private reminders and private notices go) and the cluster they chose
 * for private commands (`/cluster`).
 */

/**
 * Remembers the private chat a person just wrote from, and its platform, at the handle's
 * `now`. The caller compares with what it read first, so this one statement runs only when the
 * chat changed (a person who moves from Telegram to Zalo), never on every message.
 */
export async function notePrivateChat(tx: Tx, options: { personId: number; chatKey: string; platform: string }): Promise<void> {
  const q = new Params(tx);
  await rawExecute(
    tx,
    `UPDATE "Person" SET "privateChatKey" = ${q.p(options.chatKey)}, "privatePlatform" = ${q.p(options.platform)}, "updatedAt" = ${q.p(tx.now)} WHERE "id" = ${q.p(options.personId)}`,
    ...q.values,
  );
}

/** Records the cluster a person's private commands act on from now on (`/cluster N`). */
export async function chooseCluster(tx: Tx, options: { personId: number; clusterId: number }): Promise<void> {
  await tx.db.person.update({ where: { id: options.personId }, data: { currentClusterId: options.clusterId } });
}

/** Clusters by id, in the order of `ids` (those that no longer exist are left out). */
export async function readClusters(tx: Pick<Tx, 'db'>, options: { ids: number[] }): Promise<ClusterRecord[]> {
  if (!options.ids.length) return [];
  const rows = await tx.db.cluster.findMany({ where: { id: { in: options.ids } } });
  const byId = new Map(rows.map((r) => [r.id, asCluster(r)]));
  return options.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
