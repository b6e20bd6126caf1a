import { Params, rawExecute } from './sql.js';
import type { Tx } from './tx.js';

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
 * Writes an audit record, stamped with the handle's `now`. Call it with the transaction (a
 * command passes its context, which is one), so the change and its record commit together.
 * The one writer of the audit table: one raw `INSERT`, since every write command ends here
 * and a Prisma model query would cost twice as much on the JS engine.
 */
export async function writeAudit(tx: Tx, record: AuditRecord): Promise<void> {
  const q = new Params(tx);
  const values = [
    record.clusterId,
    record.actorId,
    record.action,
    record.subjectType,
    record.subjectId ?? null,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
    tx.now,
  ];
  await rawExecute(
    tx,
    `INSERT INTO "AuditLog" ("clusterId", "actorId", "action", "subjectType", "subjectId", "before", "after", "createdAt") VALUES (${q.list(values)})`,
    ...q.values,
  );
}
