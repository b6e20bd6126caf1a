import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from './client.js';

/**
 * The ballot box: *who has voted* (`BallotVoter`) and *the papers* (`BallotPaper`) kept apart,
 * with nothing that joins them (README, "Secret ballots: the threat model").
 *
 * A paper has no unit, person, time or sequence, and its key is a random UUID. Even so, a row
 * written in the same transaction as the voter's row could be matched by what the database
 * keeps per row (PostgreSQL's `xmin` transaction id and heap position, SQLite's page order). So
 * each vote rewrites the whole box: every paper of the ballot is deleted and written again, under
 * new random keys and in a random order, in the vote's transaction. After it, all papers carry the
 * same transaction and no position says which one is new.
 */

/** A paper as counted: only the candidate codes it agrees with. */
export type Paper = string[];

/** Fisher–Yates with a cryptographic source: the order papers are written in. */
function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Takes the ballot's row lock for the rest of the transaction (a no-op update: PostgreSQL locks
 * the row, SQLite the database), so votes and the closing of one ballot run one after another:
 * two concurrent rewrites of the box would otherwise both keep the old papers.
 */
export async function lockBallot(db: Db, ballotId: number): Promise<void> {
  if (!Number.isSafeInteger(ballotId)) throw new Error(`ballot id ${ballotId}`);
  await db.$executeRawUnsafe(`UPDATE "Ballot" SET "state" = "state" WHERE "id" = ${ballotId}`);
}

/** What casting a paper did: put it in the box, or found the voter had voted or the ballot closed meanwhile. */
export type CastResult = { kind: 'cast'; voted: number } | { kind: 'twice' } | { kind: 'closed' };

/**
 * Who casts a paper: a unit's representative (`unitId`), or a council member for themself
 * (`unitId` null). `open`: a show of hands, whose vote is also recorded by name (`BallotOpenVote`).
 */
export interface Caster {
  unitId: number | null;
  personId: number;
  open: { voter: string } | null;
}

/**
 * Records that the unit (or, on a council's ballot, the person) voted and puts the paper in the
 * box, in the caller's transaction, under the ballot's lock; the state and the earlier vote are
 * read again under it. A show of hands also keeps who voted how. Returns how many have voted since.
 */
export async function castPaper(db: Db, ballotId: number, caster: Caster, agreed: Paper): Promise<CastResult> {
  await lockBallot(db, ballotId);
  const ballot = await db.ballot.findUniqueOrThrow({ where: { id: ballotId }, select: { state: true } });
  if (ballot.state !== 'open') return { kind: 'closed' };
  const { unitId, personId } = caster;
  const earlier = await db.ballotVoter.findFirst({ where: unitId === null ? { ballotId, unitId: null, personId } : { ballotId, unitId } });
  if (earlier) return { kind: 'twice' };
  await db.ballotVoter.create({ data: { ballotId, unitId, personId } });
  if (caster.open)
    await db.ballotOpenVote.create({
      data: { ballotId, personId, unitId, voter: caster.open.voter, agreed: JSON.stringify([...agreed].sort()) },
    });
  const papers = await readPapers(db, ballotId);
  papers.push([...agreed].sort());
  await db.ballotPaper.deleteMany({ where: { ballotId } });
  // One row at a time in a shuffled order: the order rows reach the heap is random too.
  for (const paper of shuffle(papers)) {
    await db.ballotPaper.create({ data: { id: randomUUID(), ballotId, agreed: JSON.stringify(paper) } });
  }
  return { kind: 'cast', voted: await db.ballotVoter.count({ where: { ballotId } }) };
}

/** Every paper of a ballot, in key order (random, so it says nothing about who or when). */
export async function readPapers(db: Db, ballotId: number): Promise<Paper[]> {
  const rows = await db.ballotPaper.findMany({ where: { ballotId }, orderBy: { id: 'asc' }, select: { agreed: true } });
  return rows.map((r) => JSON.parse(r.agreed) as Paper);
}

/** The unit ids that have voted in a ballot (never how). */
export async function votedUnitIds(db: Db, ballotId: number): Promise<Set<number>> {
  const rows = await db.ballotVoter.findMany({ where: { ballotId, unitId: { not: null } }, select: { unitId: true } });
  return new Set(rows.map((r) => r.unitId!));
}

/** The person ids that have voted for themselves in a council's ballot (never how). */
export async function votedPersonIds(db: Db, ballotId: number): Promise<Set<number>> {
  const rows = await db.ballotVoter.findMany({ where: { ballotId, unitId: null }, select: { personId: true } });
  return new Set(rows.map((r) => r.personId));
}

/** A show of hands' votes, who voted how, in the order cast (public by the ballot's method). */
export async function readOpenVotes(db: Db, ballotId: number): Promise<{ voter: string; agreed: Paper }[]> {
  const rows = await db.ballotOpenVote.findMany({ where: { ballotId }, orderBy: { id: 'asc' }, select: { voter: true, agreed: true } });
  return rows.map((r) => ({ voter: r.voter, agreed: JSON.parse(r.agreed) as Paper }));
}
