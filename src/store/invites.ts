import type { ClusterRecord } from './records.js';
import { asCluster } from './records.js';
import type { Tx } from './tx.js';

/**
 * The cluster's invite code (`/invite`), which names the cluster to someone joining from a
 * private chat (`/join CODE INVITE`). One code per cluster, kept on the cluster row: valid until
 * replaced (`/invite new`) or until a year of the cluster closes after it was made.
 */

/** True when the cluster's current invite is still valid (no year closed since it was made). */
export async function inviteValid(
  tx: Pick<Tx, 'db'>,
  cluster: Pick<ClusterRecord, 'id' | 'inviteCode' | 'inviteCreatedAt'>,
): Promise<boolean> {
  if (!cluster.inviteCode || !cluster.inviteCreatedAt) return false;
  const closed = await tx.db.term.count({ where: { clusterId: cluster.id, state: 'closed', closedAt: { gt: cluster.inviteCreatedAt } } });
  return closed === 0;
}

/** Gives the cluster a new invite code made at the handle's `now`; false when the code is taken. */
export async function replaceInvite(tx: Tx, options: { clusterId: number; code: string }): Promise<boolean> {
  const taken = await tx.db.cluster.count({ where: { inviteCode: options.code } });
  if (taken) return false;
  await tx.db.cluster.update({ where: { id: options.clusterId }, data: { inviteCode: options.code, inviteCreatedAt: tx.now } });
  return true;
}

/** The cluster an invite code names if the code is still valid, else null. */
export async function clusterByInvite(tx: Pick<Tx, 'db'>, options: { code: string }): Promise<ClusterRecord | null> {
  const row = await tx.db.cluster.findUnique({ where: { inviteCode: options.code } });
  if (!row) return null;
  const cluster = asCluster(row);
  return (await inviteValid(tx, cluster)) ? cluster : null;
}
