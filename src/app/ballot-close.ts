import type { BallotRecord, ClusterRecord, TermRecord } from '../store/records.js';
import { electionOutcome } from '../domain/election.js';
import type { Tally } from '../domain/tally.js';
import { writeAudit } from '../store/audit.js';
import { lockBallot } from '../store/ballot-box.js';
import type { Button, Msg, Reply } from '../reply.js';
import { ballotMsgs, ballotParts, countBallot, membersOf, openBallot, publish, tallyMsgs } from './ballots.js';
import type { CommandContext } from './context.js';

/**
 * Closing a ballot round: the count is computed and kept with the ballot, published in the
 * cluster's chats, and what follows is done at once: a second round among the tied (an award) or
 * between the top two (an election), or next year's leader or deputy recorded.
 */

/** Records next year's leader or deputy (the minutes and `/handover` read it from the audit log). */
export async function recordElection(
  ctx: CommandContext,
  cluster: ClusterRecord,
  term: TermRecord,
  post: 'leader' | 'deputy',
  code: string,
  mode: string,
): Promise<void> {
  await writeAudit(ctx, {
    clusterId: cluster.id,
    actorId: ctx.person.id,
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

/** What follows a count: the lines saying it, a second round when one is due, the handover offer. */
async function follow(
  ctx: CommandContext,
  cluster: ClusterRecord,
  term: TermRecord,
  ballot: BallotRecord,
  t: Tally,
): Promise<{ lines: Msg[]; next: BallotRecord | null; buttons?: Button[][] }> {
  const { candidates, rules } = ballotParts(ballot);
  const lines: Msg[] = [];
  if (ballot.kind === 'award') {
    if (!t.runoff) return { lines, next: null };
    const next = await openBallot(ctx, {
      cluster,
      term,
      kind: 'award',
      question: ballot.question,
      seats: t.runoff.seats,
      rules,
      round: ballot.round + 1,
      parentId: ballot.parentId ?? ballot.id,
      candidates: candidates.filter((c) => t.runoff!.codes.includes(c.code)),
    });
    return { lines, next };
  }
  const post = ballot.kind as 'leader' | 'deputy';
  const outcome = electionOutcome(t, ballot.round, rules.maxRounds);
  if (outcome.kind === 'elected') {
    await recordElection(ctx, cluster, term, post, outcome.code, 'vote');
    const unit = candidates.find((c) => c.code === outcome.code)!;
    lines.push({ key: `elect-${post}-elected`, args: { code: unit.code, name: unit.name, year: term.year + 1 } });
    if (post === 'leader') lines.push({ key: 'elect-handover-hint', args: { code: unit.code } });
    return { lines, next: null, buttons: post === 'leader' ? handoverOffer(unit.code) : undefined };
  }
  if (outcome.kind === 'runoff') {
    const next = await openBallot(ctx, {
      cluster,
      term,
      kind: post,
      question: ballot.question,
      seats: 1,
      rules,
      round: ballot.round + 1,
      parentId: ballot.parentId ?? ballot.id,
      candidates: candidates.filter((c) => outcome.codes.includes(c.code)),
    });
    return { lines, next };
  }
  lines.push({ key: `elect-${post}-none` });
  return { lines, next: null };
}

/**
 * Closes `ballot`: counts, stores the count, writes the audit record (the figures, never a
 * paper), publishes the count in the cluster's chats and opens the second round if one is due.
 * Returns the reply for the chat the command came from.
 */
export async function closeBallot(ctx: CommandContext, cluster: ClusterRecord, term: TermRecord, stale: BallotRecord): Promise<Reply[]> {
  await lockBallot(ctx.db, stale.id);
  const ballot = await ctx.db.ballot.findUniqueOrThrow({ where: { id: stale.id } });
  const done = ballotParts(ballot).result;
  if (ballot.state !== 'open' && done) return [{ text: tallyMsgs(ballot, done, cluster.locale) }];
  const units = await membersOf(ctx, cluster.id);
  const t = await countBallot(ctx, ballot, units);
  const closed = await ctx.db.ballot.update({
    where: { id: ballot.id },
    data: { state: 'closed', closedAt: ctx.now, result: JSON.stringify(t) },
  });
  await writeAudit(ctx, {
    clusterId: cluster.id,
    actorId: ctx.person.id,
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
    },
  });
  const { lines, next, buttons } = await follow(ctx, cluster, term, closed, t);
  const result: Reply = { text: [...tallyMsgs(closed, t, cluster.locale), ...lines], buttons };
  const replies: Reply[] = [result];
  if (next)
    replies.push({
      text: [{ key: 'ballot-second-round' }, ...ballotMsgs(next, cluster.locale), { key: 'ballot-how-to-vote', args: { id: next.id } }],
    });
  for (const reply of replies) await publish(ctx, cluster, reply);
  return replies;
}

/** Closes a ballot whose closing time has passed (done lazily, by the next command that reads it). */
export async function closeIfDue(
  ctx: CommandContext,
  cluster: ClusterRecord,
  term: TermRecord,
  ballot: BallotRecord,
): Promise<Reply[] | null> {
  if (ballot.state !== 'open' || !ballot.closesAt || ballot.closesAt.getTime() > ctx.now.getTime()) return null;
  return closeBallot(ctx, cluster, term, ballot);
}
