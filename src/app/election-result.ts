import type { ClusterRecord, TermRecord } from '../store/records.js';
import type { Reader } from '../store/tx.js';
import { rulesOf } from './context.js';

/** Next year's leader and deputy (unit codes) as a year's meeting elected or appointed them. */
export interface ElectionResult {
  leader: string | null;
  deputy: string | null;
  /** The cluster's election mode, or `appointed` when the secretary named them. */
  mode: string;
}

/**
 * The election recorded for the year after `term` (the latest result of each post in the audit
 * log, where `recordElection` writes it): the minutes print it, `/term` of the next year takes
 * its leader and deputy.
 */
export async function electionOf(ctx: Reader, cluster: ClusterRecord, term: TermRecord): Promise<ElectionResult> {
  const logs = await ctx.db.auditLog.findMany({
    where: { clusterId: cluster.id, action: 'election.result', subjectType: 'term', subjectId: term.id },
    orderBy: { id: 'asc' },
  });
  const out: ElectionResult = { leader: null, deputy: null, mode: rulesOf(cluster).election.mode };
  for (const l of logs) {
    const after = JSON.parse(l.after ?? '{}') as { post?: string; code?: string; mode?: string };
    if (after.post === 'leader') out.leader = after.code ?? null;
    if (after.post === 'deputy') out.deputy = after.code ?? null;
    if (after.mode === 'appointed') out.mode = 'appointed';
  }
  return out;
}
