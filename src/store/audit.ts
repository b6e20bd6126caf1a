import type { Db } from './client.js';

/** One audit record: who did what to which record, and the state before and after. */
export interface AuditRecord {
  clusterId: number;
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit record. Call it with the transaction's `db`, so the change and its record
 * commit together.
 */
export async function writeAudit(db: Db, record: AuditRecord): Promise<void> {
  await db.auditLog.create({
    data: {
      clusterId: record.clusterId,
      actorId: record.actorId,
      action: record.action,
      subjectType: record.subjectType,
      subjectId: record.subjectId ?? null,
      before: record.before === undefined ? null : JSON.stringify(record.before),
      after: record.after === undefined ? null : JSON.stringify(record.after),
    },
  });
}
