import type { BallotCloseOutcome } from '../domain/reminder-decisions.js';
import { formatDateTime } from '../domain/dates.js';
import { lockBallot } from '../store/ballot-box.js';
import { reminderState } from '../store/ballot-reminders.js';
import { readCluster } from '../store/context-reads.js';
import { asTerm, type BallotRecord, type ClusterRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { Reply } from '../reply.js';
import { closeLockedBallot, closingReplies } from './ballot-close.js';
import { ballotParts, type BallotScope } from './ballots.js';

/** Which ballot's closing time has come, through which reminder, at what time. */
export interface BallotDeadlineRequest {
  ballotId: number;
  clusterId: number;
  /** The ballot's closing-time reminder (`bc`) the scheduler holds. */
  reminderId: number;
  now: Date;
}

/**
 * Closes a ballot at its closing time (reminder slot `bc`), one transaction under the ballot's
 * lock, so it is counted once however many instances run and whatever command races it:
 *
 * - still open: counts it (`closeLockedBallot`: the count kept, what follows done) and returns
 *   the count for the scheduler to publish in the cluster's chats, once per chat;
 * - already closed by a command (the secretary, the last vote, or the first command after the
 *   closing time): that command published the count and cancelled this reminder; nothing to say;
 * - already closed by this reminder (its instance died before every chat had the count): the
 *   same count again, rebuilt from what is stored, for the chats that have not had it.
 *
 * The scheduler calls it through the port `main.ts` wires (`scheduler/ports.ts`).
 */
export function closeBallotAtDeadline(store: Store, request: BallotDeadlineRequest): Promise<BallotCloseOutcome & { reply: Reply | null }> {
  const { ballotId, clusterId, reminderId, now } = request;
  return store.tx(now, async (tx) => {
    await lockBallot(tx.db, ballotId);
    const ballot = await tx.db.ballot.findUnique({ where: { id: ballotId } });
    const cluster = await readCluster(tx, { id: clusterId });
    if (!ballot || !cluster) return { state: 'missing', closedNow: false, reply: null };
    const term = asTerm(await tx.db.term.findUniqueOrThrow({ where: { id: ballot.termId } }));
    const scope: BallotScope = { ...tx, person: null, chat: null, notices: [] };
    if (ballot.state === 'open') {
      if (!ballot.closesAt || ballot.closesAt.getTime() > now.getTime()) return { state: 'open', closedNow: false, reply: null };
      const replies = await closeLockedBallot(scope, cluster, term, ballot, { byClosingReminder: true });
      return { state: 'closed', closedNow: true, reply: announcement(ballot, cluster, replies) };
    }
    const result = ballotParts(ballot).result;
    if (!result || (await reminderState(tx, { reminderId })) !== 'claimed')
      return { state: 'published-elsewhere', closedNow: false, reply: null };
    return {
      state: 'closed',
      closedNow: false,
      reply: announcement(ballot, cluster, await closingReplies(scope, cluster, term, ballot, result)),
    };
  });
}

/**
 * The one message the cluster's chats get: the ballot closed at its closing time, then the count
 * and what followed (`closingReplies`), with the first reply's buttons (the handover offer).
 */
function announcement(ballot: BallotRecord, cluster: ClusterRecord, replies: Reply[]): Reply {
  const closes = formatDateTime(ballot.closesAt ?? new Date(0), cluster.timezone);
  return {
    text: [{ key: 'ballot-closed-at-time', args: { id: ballot.id, closes } }, ...replies.flatMap((r) => r.text ?? [])],
    buttons: replies.find((r) => r.buttons)?.buttons,
  };
}
