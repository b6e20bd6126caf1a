import { Params, type Conn } from './sql.js';

/** One audit record: who did what to which record, and the state before and after. */
export interface AuditRecord {
  clusterId: number;
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId?: number | null;
  before?: unknown;
  after?: unknown;
  /** When it happened; else the target's `now`, else the wall clock. */
  at?: Date;
}

/**
 * Where an audit record is written: the transaction's `db` and its SQL dialect, and the time of
 * the command (a command's context is a target: its `now` comes from the injected clock).
 */
export interface AuditTarget extends Conn {
  now?: Date;
}

/**
 * Writes an audit record. Call it with the transaction's `db` (a command passes its context), so
 * the change and its record commit together. One raw `INSERT`: every write command ends here,
 * and a Prisma model query would cost twice as much on the JS engine.
 */
export async function writeAudit({ db, provider, now }: AuditTarget, record: AuditRecord): Promise<void> {
  const q = new Params(provider);
  const values = [
    record.clusterId,
    record.actorId,
    record.action,
    record.subjectType,
    record.subjectId ?? null,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
    record.at ?? now ?? new Date(),
  ];
  await db.$executeRawUnsafe(
    `INSERT INTO "AuditLog" ("clusterId", "actorId", "action", "subjectType", "subjectId", "before", "after", "createdAt") VALUES (${q.list(values)})`,
    ...q.values,
  );
}
