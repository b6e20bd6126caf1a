import { planBallotReminders } from '../domain/ballot-reminders.js';
import { voteRulesFrom, type VoteRules } from '../domain/ballot-rules.js';
import type { UnitRef } from '../domain/reminders.js';
import { parseBallotState, type BallotState } from '../domain/states.js';
import type { Reader, Tx } from './tx.js';

/**
 * A secret ballot's reminders in the store: planned when it opens, cancelled when it closes,
 * and what the scheduler reads of its ballots (who has not voted, never how). Model queries
 * only: a batch holds a handful of ballots, not thousands.
 */

/** What planning a ballot's reminders needs: its cluster, the ballot, its times. */
export interface BallotReminderSubject {
  clusterId: number;
  ballotId: number;
  openedAt: Date;
  closesAt: Date | null;
  timezone: string;
}

/**
 * Plans a ballot's reminders (`planBallotReminders`) in the caller's transaction, when it
 * opens: a ballot's closing time never moves, so this runs once per ballot. One statement.
 */
export async function scheduleBallotReminders(tx: Tx, options: BallotReminderSubject): Promise<number> {
  const plan = planBallotReminders(options.openedAt, options.closesAt, options.timezone);
  if (!plan.reminders.length) return 0;
  const { count } = await tx.db.reminder.createMany({
    data: plan.reminders.map((r) => ({
      clusterId: options.clusterId,
      subjectType: 'ballot',
      subjectId: options.ballotId,
      slot: r.slot,
      dueAt: r.dueAt,
      eventAt: plan.eventAt,
    })),
  });
  return count;
}

/**
 * Cancels a closed ballot's reminders still to come, at the handle's `now`, in the closing
 * transaction. A command that closes the ballot (`byClosingReminder: false`) also cancels the
 * closing-time reminder (`bc`) when an instance has already claimed it: that is how the
 * instance learns, under the ballot's lock, that the count was published without it. The
 * scheduler's own close keeps its `bc`. One statement.
 */
export async function cancelBallotReminders(tx: Tx, options: { ballotId: number; byClosingReminder: boolean }): Promise<number> {
  const { count } = await tx.db.reminder.updateMany({
    where: {
      subjectType: 'ballot',
      subjectId: options.ballotId,
      OR: [{ state: 'pending' }, ...(options.byClosingReminder ? [] : [{ state: 'claimed', slot: 'bc' }])],
    },
    data: { state: 'cancelled', doneAt: tx.now },
  });
  return count;
}

/** The state of one reminder (`claimed`, `cancelled`, …), or null when it is gone. */
export async function reminderState(reader: Reader, options: { reminderId: number }): Promise<string | null> {
  const row = await reader.db.reminder.findUnique({ where: { id: options.reminderId }, select: { state: true } });
  return row?.state ?? null;
}

/** A ballot as its reminders describe it: the units entitled to vote that have not, by code. */
export interface BallotView {
  id: number;
  question: string;
  round: number;
  state: BallotState;
  openedAt: Date;
  closesAt: Date | null;
  /** Entitled units that have not voted, by code (who has voted is public; how, never). */
  missing: UnitRef[];
  /**
   * Units entitled to vote (a council's ballot: its listed members).
   */
  issued: number;
  /**
   * A council's ballot: `missing` lists the council members who have not voted (`id` a person id,
   * `name` as the ballot names them, `code` their unit or empty), and no representative is reminded.
   */
  council: boolean;
  /** The ballot's method: a show of hands (`open`) is reminded as one, and may be voted in a group. */
  method: VoteRules['method'];
}

/**
 * The ballots of a batch with their units that have not voted: three queries (the ballots, who
 * has voted in them, the entitled units), whatever the number of ballots.
 */
export async function loadBallotViews(reader: Reader, options: { ballotIds: number[] }): Promise<Map<number, BallotView>> {
  const views = new Map<number, BallotView>();
  if (!options.ballotIds.length) return views;
  const { db } = reader;
  const ballots = await db.ballot.findMany({
    where: { id: { in: options.ballotIds } },
    select: { id: true, question: true, round: true, state: true, openedAt: true, closesAt: true, voterUnits: true, rules: true },
  });
  const voted = await db.ballotVoter.findMany({
    where: { ballotId: { in: ballots.map((b) => b.id) } },
    select: { ballotId: true, unitId: true, personId: true },
  });
  const councilOf = new Map(ballots.map((b) => [b.id, voteRulesFrom(JSON.parse(b.rules) as Partial<VoteRules>)]));
  const entitled = new Map(
    ballots.filter((b) => councilOf.get(b.id)!.voters !== 'council').map((b) => [b.id, JSON.parse(b.voterUnits) as number[]]),
  );
  const units = await db.unit.findMany({
    where: { id: { in: [...new Set([...entitled.values()].flat())] } },
    select: { id: true, code: true, name: true },
  });
  const unitById = new Map(units.map((u) => [u.id, u]));
  const votedBy = new Set(voted.filter((v) => v.unitId !== null).map((v) => `${v.ballotId}:${v.unitId}`));
  const personVoted = new Set(voted.filter((v) => v.unitId === null).map((v) => `${v.ballotId}:${v.personId}`));
  for (const b of ballots) {
    const rules = councilOf.get(b.id)!;
    const council = rules.voters === 'council';
    const voters = entitled.get(b.id) ?? [];
    const missing = council
      ? rules.council
          .filter((m) => !personVoted.has(`${b.id}:${m.personId}`))
          .map((m): UnitRef => ({ id: m.personId, code: m.unit ?? '', name: m.name }))
      : voters
          .filter((id) => !votedBy.has(`${b.id}:${id}`))
          .map((id) => unitById.get(id))
          .filter((u): u is UnitRef => u !== undefined)
          .sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
    views.set(b.id, {
      id: b.id,
      question: b.question,
      round: b.round,
      state: parseBallotState(b.state),
      openedAt: b.openedAt,
      closesAt: b.closesAt,
      missing,
      issued: council ? rules.council.length : voters.length,
      council,
      method: rules.method,
    });
  }
  return views;
}
