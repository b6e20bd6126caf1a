import type { BallotRecord, ClusterRecord, TermRecord } from '../store/records.js';
import { electionOutcome } from '../domain/election.js';
import type { Tally } from '../domain/tally.js';
import { writeAudit } from '../store/audit.js';
import { lockBallot } from '../store/ballot-box.js';
import { cancelBallotReminders } from '../store/ballot-reminders.js';
import type { Button, Msg, Reply } from '../reply.js';
import {
  ballotMsgs,
  ballotParts,
  countBallot,
  howToVoteMsg,
  membersOf,
  openBallot,
  publish,
  tallyMsgs,
  type BallotScope,
} from './ballots.js';
import type { CommandContext } from './context.js';

/**
 * Closing a ballot round: the count is computed and kept with the ballot, its reminders still to
 * come are cancelled, what follows is done at once (a second round among the tied, an award, or
 * between the top two, an election; or next year's leader or deputy recorded), and the count is
 * published in the cluster's chats: by the command that closed it, or, at its closing time, by
 * the scheduler (`ballot-deadline.ts`).
 */

/** Records next year's leader or deputy (the minutes and `/handover` read it from the audit log). */
export async function recordElection(
  ctx: BallotScope,
  cluster: ClusterRecord,
  term: TermRecord,
  post: 'leader' | 'deputy',
  code: string,
  mode: string,
): Promise<void> {
  await writeAudit(ctx, {
    clusterId: cluster.id,
    actorId: ctx.person?.id ?? null,
    action: 'election.result',
    subjectType: 'term',
    subjectId: term.id,
    after: { post, code, year: term.year + 1, mode },
  });
}

/** The offer to schedule next year's handover to the elected leader (pressed, it asks for the date). */
export function handoverOffer(code: string): Button[][] {
  return [[{ label: { key: 'elect-handover-button', args: { code } }, data: `/handover ${code}` }]];
}

/** What follows a count, done at once: a second round opened when one is due, an election recorded. */
async function follow(ctx: BallotScope, cluster: ClusterRecord, term: TermRecord, ballot: BallotRecord, t: Tally): Promise<void> {
  const { candidates, rules } = ballotParts(ballot);
  const next = (kind: BallotRecord['kind'], seats: number, codes: string[]) =>
    openBallot(ctx, {
      cluster,
      term,
      kind: kind as 'award' | 'leader' | 'deputy',
      question: ballot.question,
      seats,
      rules,
      round: ballot.round + 1,
      parentId: ballot.parentId ?? ballot.id,
      candidates: candidates.filter((c) => codes.includes(c.code)),
    });
  if (ballot.kind === 'award') {
    if (t.runoff) await next('award', t.runoff.seats, t.runoff.codes);
    return;
  }
  const outcome = electionOutcome(t, ballot.round, rules.maxRounds);
  if (outcome.kind === 'elected') await recordElection(ctx, cluster, term, ballot.kind as 'leader' | 'deputy', outcome.code, 'vote');
  else if (outcome.kind === 'runoff') await next(ballot.kind, 1, outcome.codes);
}

/**
 * What a closed ballot's count says, for the chat that closed it and the cluster's other chats:
 * the count, then what followed (an election's result with the handover offer, or the second
 * round with how to vote in it). Read from what is stored, so it says the same whenever asked.
 */
export async function closingReplies(
  ctx: BallotScope,
  cluster: ClusterRecord,
  term: TermRecord,
  ballot: BallotRecord,
  t: Tally,
): Promise<Reply[]> {
  const { candidates, rules } = ballotParts(ballot);
  const lines: Msg[] = [];
  let buttons: Button[][] | undefined;
  if (ballot.kind !== 'award') {
    const post = ballot.kind as 'leader' | 'deputy';
    const outcome = electionOutcome(t, ballot.round, rules.maxRounds);
    if (outcome.kind === 'elected') {
      const unit = candidates.find((c) => c.code === outcome.code)!;
      lines.push({ key: `elect-${post}-elected`, args: { code: unit.code, name: unit.name, year: term.year + 1 } });
      if (post === 'leader') {
        lines.push({ key: 'elect-handover-hint', args: { code: unit.code } });
        buttons = handoverOffer(unit.code);
      }
    } else if (outcome.kind === 'none') lines.push({ key: `elect-${post}-none` });
  }
  const replies: Reply[] = [{ text: [...tallyMsgs(ballot, t, cluster.locale), ...lines], buttons }];
  const next = await ctx.db.ballot.findFirst({
    where: { termId: ballot.termId, parentId: ballot.parentId ?? ballot.id, round: ballot.round + 1 },
  });
  if (next)
    replies.push({
      text: [{ key: 'ballot-second-round' }, ...ballotMsgs(next, cluster.locale), howToVoteMsg(next)],
    });
  return replies;
}

/**
 * Closes an open `ballot` whose lock the caller holds: counts, stores the count, cancels its
 * reminders still to come, writes the audit record (the figures, never a paper) and does what
 * follows. Publishes nothing: returns what to say (`closingReplies`). `byClosingReminder`: the
 * scheduler closes it at its closing time, and keeps its own closing reminder.
 */
export async function closeLockedBallot(
  ctx: BallotScope,
  cluster: ClusterRecord,
  term: TermRecord,
  ballot: BallotRecord,
  options: { byClosingReminder: boolean },
): Promise<Reply[]> {
  const units = await membersOf(ctx, cluster.id);
  const t = await countBallot(ctx, ballot, units);
  const closed = await ctx.db.ballot.update({
    where: { id: ballot.id },
    data: { state: 'closed', closedAt: ctx.now, result: JSON.stringify(t) },
  });
  await cancelBallotReminders(ctx, { ballotId: ballot.id, byClosingReminder: options.byClosingReminder });
  await writeAudit(ctx, {
    clusterId: cluster.id,
    actorId: ctx.person?.id ?? null,
    action: 'ballot.close',
    subjectType: 'ballot',
    subjectId: ballot.id,
    after: {
      issued: t.issued,
      returned: t.returned,
      valid: t.valid,
      invalid: t.invalid,
      agree: Object.fromEntries(t.rows.map((r) => [r.code, r.agree])),
      elected: t.elected,
      ...(options.byClosingReminder ? { at: 'closing-time' } : {}),
    },
  });
  await follow(ctx, cluster, term, closed, t);
  return closingReplies(ctx, cluster, term, closed, t);
}

/**
 * Closes `ballot` from a command: under the ballot's lock, counts it (`closeLockedBallot`) and
 * publishes the count in the cluster's other chats, opening the second round if one is due.
 * Returns the replies for the chat the command came from; a ballot found closed meanwhile
 * answers with its count and publishes nothing again.
 */
export async function closeBallot(ctx: CommandContext, cluster: ClusterRecord, term: TermRecord, stale: BallotRecord): Promise<Reply[]> {
  await lockBallot(ctx.db, stale.id);
  const ballot = await ctx.db.ballot.findUniqueOrThrow({ where: { id: stale.id } });
  const done = ballotParts(ballot).result;
  if (ballot.state !== 'open' && done) return [{ text: tallyMsgs(ballot, done, cluster.locale) }];
  const replies = await closeLockedBallot(ctx, cluster, term, ballot, { byClosingReminder: false });
  for (const reply of replies) await publish(ctx, cluster, reply);
  return replies;
}

/**
 * Closes a ballot whose closing time has passed, when a command reads it before the scheduler
 * has (so a late paper is refused at once); the scheduler then finds it closed and says nothing.
 */
export async function closeIfDue(
  ctx: CommandContext,
  cluster: ClusterRecord,
  term: TermRecord,
  ballot: BallotRecord,
): Promise<Reply[] | null> {
  if (ballot.state !== 'open' || !ballot.closesAt || ballot.closesAt.getTime() > ctx.now.getTime()) return null;
  return closeBallot(ctx, cluster, term, ballot);
}
