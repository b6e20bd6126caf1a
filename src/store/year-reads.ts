import type { RoundKind } from '../domain/states.js';
import {
  asCriterion,
  asRound,
  asSheet,
  asTerm,
  type AuditRow,
  type CriterionRecord,
  type RoundRecord,
  type SheetRecord,
  type TermRecord,
  type UnitRecord,
} from './records.js';
import type { Reader } from './tx.js';

/**
 * The reads of a cluster's years the commands share: the open year, its round in progress, a
 * unit by code, the criteria table, closed rounds and what a round's report is made of. Each
 * returns store records (`records.ts`), their states parsed.
 */

/** The states of a round still in progress. */
const ACTIVE_ROUND_STATES = ['open', 'review'];

/** A round with its year. */
export type RoundWithTerm = RoundRecord & { term: TermRecord };

/** The cluster's open year (the latest, if several), or null. */
export async function findOpenTerm({ db }: Reader, options: { clusterId: number }): Promise<TermRecord | null> {
  const row = await db.term.findFirst({ where: { clusterId: options.clusterId, state: 'open' }, orderBy: { year: 'desc' } });
  return row ? asTerm(row) : null;
}

/** The round still in progress (open or in review) of a year, the latest if several, or null. */
export async function findActiveRound({ db }: Reader, options: { termId: number }): Promise<RoundRecord | null> {
  const row = await db.round.findFirst({ where: { termId: options.termId, state: { in: ACTIVE_ROUND_STATES } }, orderBy: { id: 'desc' } });
  return row ? asRound(row) : null;
}

/** A unit of the cluster by its (normalised) code, or null. */
export function findUnit({ db }: Reader, options: { clusterId: number; code: string }): Promise<UnitRecord | null> {
  return db.unit.findUnique({ where: { clusterId_code: { clusterId: options.clusterId, code: options.code } } });
}

/** The year's criteria rows in their written order. */
export async function readCriteria({ db }: Reader, options: { termId: number }): Promise<CriterionRecord[]> {
  return (await db.criterion.findMany({ where: { termId: options.termId }, orderBy: { position: 'asc' } })).map(asCriterion);
}

/** The latest closed round of the cluster (by closing time), with its year, or null. */
export async function findLatestClosedRound({ db }: Reader, options: { clusterId: number }): Promise<RoundWithTerm | null> {
  const row = await db.round.findFirst({
    where: { state: 'closed', term: { clusterId: options.clusterId } },
    orderBy: [{ closedAt: 'desc' }, { id: 'desc' }],
    include: { term: true },
  });
  return row ? { ...asRound(row), term: asTerm(row.term) } : null;
}

/** The round of `kind` in the cluster's most recent year that has one, with its year, or null. */
export async function findRoundOfKind({ db }: Reader, options: { clusterId: number; kind: RoundKind }): Promise<RoundWithTerm | null> {
  const row = await db.round.findFirst({
    where: { kind: options.kind, term: { clusterId: options.clusterId } },
    orderBy: [{ term: { year: 'desc' } }, { id: 'desc' }],
    include: { term: true },
  });
  return row ? { ...asRound(row), term: asTerm(row.term) } : null;
}

/** The closed rounds of a year other than `exceptId`, in order. */
export async function readOtherClosedRounds({ db }: Reader, options: { termId: number; exceptId: number }): Promise<RoundRecord[]> {
  const rows = await db.round.findMany({
    where: { termId: options.termId, state: 'closed', id: { not: options.exceptId } },
    orderBy: { id: 'asc' },
  });
  return rows.map(asRound);
}

/** A cluster's units by code, and a round's sheets: what every ranking starts from. */
export async function readRoundUnits(
  { db }: Reader,
  options: { clusterId: number; roundId: number },
): Promise<{ units: UnitRecord[]; sheets: SheetRecord[] }> {
  const [units, sheets] = await Promise.all([
    db.unit.findMany({ where: { clusterId: options.clusterId }, orderBy: { code: 'asc' } }),
    db.sheet.findMany({ where: { roundId: options.roundId } }),
  ]);
  return { units, sheets: sheets.map(asSheet) };
}

/** The audit records about a round and its sheets, oldest first, with their actors' names. */
export async function readRoundAudit(
  { db }: Reader,
  options: { clusterId: number; roundId: number; sheetIds: number[] },
): Promise<{ logs: AuditRow[]; actorNames: Map<number, string> }> {
  const logs = await db.auditLog.findMany({
    where: {
      clusterId: options.clusterId,
      OR: [
        { subjectType: 'round', subjectId: options.roundId },
        { subjectType: 'sheet', subjectId: { in: options.sheetIds } },
      ],
    },
    orderBy: { id: 'asc' },
  });
  const actorIds = [...new Set(logs.map((l) => l.actorId).filter((id): id is number => id !== null))];
  const people = await db.person.findMany({ where: { id: { in: actorIds } } });
  return { logs, actorNames: new Map(people.map((p) => [p.id, p.displayName])) };
}
