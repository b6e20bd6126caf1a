import { asRound } from '../store/records.js';
import type { BallotRecord, ClusterRecord, MeetingRecord, TermRecord, UnitRecord } from '../store/records.js';
import { voteRulesFrom, type VoteRules } from '../domain/ballot-rules.js';
import { UserError } from '../domain/errors.js';
import { quorumMet, tally, type Candidate, type Tally } from '../domain/tally.js';
import { writeAudit } from '../store/audit.js';
import { readOpenVotes, readPapers, votedPersonIds, votedUnitIds } from '../store/ballot-box.js';
import { scheduleBallotReminders } from '../store/ballot-reminders.js';
import type { Tx } from '../store/tx.js';
import { formatPercent, openVoteMsgs, voteRulesMsgs } from '../reports/minutes/format.js';
import type { Msg, Notice, Reply } from '../reply.js';
import { type CommandContext } from './context.js';
import { consolidatedFor } from './round-report.js';

/**
 * The year-end meeting's use cases shared by `/attend`, `/ballot`, `/vote` and `/elect` (and the
 * scheduler, at a ballot's closing time): the meeting and who is present, opening a ballot with
 * its rules frozen and its reminders planned, counting it when it closes and publishing the count
 * in the cluster's chats. Secrecy lives in `store/ballot-box.ts`.
 */

/**
 * What the ballot use cases need of whoever runs them: the transaction, the person acting (null:
 * the scheduler, at a ballot's closing time), the chat the command came from (null: none) and
 * the notices for the cluster's other chats. A command's context is one.
 */
export interface BallotScope extends Tx {
  person: { id: number } | null;
  chat: { id: number } | null;
  notices: Notice[];
}

/** The year's review meeting the vote belongs to: the year-end one, else the latest scheduled. */
export async function requireYearEndMeeting(ctx: BallotScope, term: TermRecord): Promise<MeetingRecord> {
  const meetings = await ctx.db.meeting.findMany({ where: { termId: term.id, state: 'scheduled' }, orderBy: { id: 'desc' } });
  const meeting = meetings.find((m) => m.kind === 'yearend') ?? meetings[0];
  if (!meeting) throw new UserError('error-attend-no-meeting');
  return meeting;
}

/** Unit ids recorded present at a meeting. */
export async function presentUnitIds(ctx: BallotScope, meetingId: number): Promise<Set<number>> {
  const rows = await ctx.db.attendance.findMany({ where: { meetingId }, select: { unitId: true } });
  return new Set(rows.map((r) => r.unitId));
}

/** The cluster's member units in the order they were added (the rotation's fallback order). */
export function membersOf(ctx: BallotScope, clusterId: number): Promise<UnitRecord[]> {
  return ctx.db.unit.findMany({ where: { clusterId }, orderBy: { id: 'asc' } });
}

/**
 * Candidates from the year's closed year-end ranking (every ranked unit, in rank order), or the
 * listed codes with their score and rank from it, frozen now.
 */
export async function candidatesFor(
  ctx: CommandContext,
  cluster: ClusterRecord,
  term: TermRecord,
  units: UnitRecord[],
  listed: string[] | null,
): Promise<Candidate[]> {
  const round = await ctx.db.round.findFirst({ where: { termId: term.id, kind: 'yearend', state: 'closed' }, orderBy: { id: 'desc' } });
  const table = round ? await consolidatedFor(ctx, cluster, asRound(round)) : null;
  const rowOf = new Map((table?.rows ?? []).map((r) => [r.unitCode, r]));
  if (!listed) {
    if (!table) throw new UserError('error-ballot-no-ranking');
    return table.rows.filter((r) => r.total !== null).map((r) => ({ code: r.unitCode, name: r.unitName, score: r.total, rank: r.rank }));
  }
  return listed.map((code) => {
    const unit = units.find((u) => u.code === code.toUpperCase());
    if (!unit) throw new UserError('error-unknown-unit', { code });
    const row = rowOf.get(unit.code);
    return { code: unit.code, name: unit.name, score: row?.total ?? null, rank: row?.rank ?? null };
  });
}

/** What opening a ballot needs besides the context. */
export interface OpenBallot {
  cluster: ClusterRecord;
  term: TermRecord;
  kind: 'award' | 'leader' | 'deputy';
  question: string;
  candidates: Candidate[];
  seats: number;
  rules: VoteRules;
  round?: number;
  parentId?: number | null;
  closesAt?: Date | null;
}

/**
 * Opens one ballot round: the quorum is checked on the attendance, the entitled units fixed
 * (members, or those present), the candidates and rules frozen, its reminders planned
 * (`domain/ballot-reminders.ts`). A council's ballot entitles the listed persons; its quorum is
 * counted on the members who voted, when it closes (attendance is kept per unit).
 */
export async function openBallot(ctx: BallotScope, o: OpenBallot): Promise<BallotRecord> {
  const meeting = await requireYearEndMeeting(ctx, o.term);
  const units = await membersOf(ctx, o.cluster.id);
  const present = await presentUnitIds(ctx, meeting.id);
  const council = o.rules.voters === 'council';
  if (council && !o.rules.council.length) throw new UserError('error-rules-council-empty');
  if (!council && !present.size) throw new UserError('error-ballot-no-attendance');
  if (!council && !quorumMet(present.size, units.length, o.rules.quorum)) {
    const needed = Math.ceil((o.rules.quorum.num * units.length) / o.rules.quorum.den);
    throw new UserError('error-ballot-quorum', { present: present.size, members: units.length, needed });
  }
  if (o.seats < 1 || o.seats > o.candidates.length)
    throw new UserError('error-ballot-seats', { seats: o.seats, candidates: o.candidates.length });
  const voters = council
    ? o.rules.council.map((m) => m.personId)
    : units.filter((u) => o.rules.voters === 'members' || present.has(u.id)).map((u) => u.id);
  const ballot = await ctx.db.ballot.create({
    data: {
      termId: o.term.id,
      meetingId: meeting.id,
      kind: o.kind,
      question: o.question.normalize('NFC'),
      candidates: JSON.stringify(o.candidates),
      seats: o.seats,
      rules: JSON.stringify(o.rules),
      round: o.round ?? 1,
      parentId: o.parentId ?? null,
      voterUnits: JSON.stringify(voters),
      members: council ? voters.length : units.length,
      present: council ? 0 : present.size,
      closesAt: o.closesAt ?? null,
      openedAt: ctx.now,
    },
  });
  await scheduleBallotReminders(ctx, {
    clusterId: o.cluster.id,
    ballotId: ballot.id,
    openedAt: ctx.now,
    closesAt: ballot.closesAt,
    timezone: o.cluster.timezone,
  });
  await writeAudit(ctx, {
    clusterId: o.cluster.id,
    actorId: ctx.person?.id ?? null,
    action: 'ballot.open',
    subjectType: 'ballot',
    subjectId: ballot.id,
    after: { kind: o.kind, question: ballot.question, round: ballot.round, seats: o.seats, candidates: o.candidates.map((c) => c.code) },
  });
  return ballot;
}

/**
 * A stored ballot's frozen parts, parsed (rules frozen before a setting existed get its default).
 * `voters`: unit ids, or on a council's ballot person ids.
 */
export function ballotParts(ballot: BallotRecord): { candidates: Candidate[]; rules: VoteRules; voters: number[]; result: Tally | null } {
  return {
    candidates: JSON.parse(ballot.candidates) as Candidate[],
    rules: voteRulesFrom(JSON.parse(ballot.rules) as Partial<VoteRules>),
    voters: JSON.parse(ballot.voterUnits) as number[],
    result: ballot.result ? (JSON.parse(ballot.result) as Tally) : null,
  };
}

/** The open ballots of the year, oldest first. */
export function openBallots(ctx: BallotScope, termId: number): Promise<BallotRecord[]> {
  return ctx.db.ballot.findMany({ where: { termId, state: 'open' }, orderBy: { id: 'asc' } });
}

/**
 * Counts a ballot from its papers and the meeting's attendance (pure tally over what is stored).
 * A council's ballot counts its listed members: those who voted stand for "present". A show of
 * hands adds who voted how.
 */
export async function countBallot(ctx: BallotScope, ballot: BallotRecord, units: UnitRecord[]): Promise<Tally> {
  const { candidates, rules, voters } = ballotParts(ballot);
  const papers = await readPapers(ctx.db, ballot.id);
  const common = { candidates, seats: ballot.seats, rules, members: ballot.members, issued: voters.length, papers, round: ballot.round };
  let t: Tally;
  if (rules.voters === 'council') {
    const voted = await votedPersonIds(ctx.db, ballot.id);
    const unitsOf = (pred: (personId: number) => boolean) =>
      new Set(rules.council.filter((m) => m.unit !== null && pred(m.personId)).map((m) => m.unit!));
    const votedUnits = unitsOf((id) => voted.has(id));
    t = tally({
      ...common,
      present: voted.size,
      presentCandidates: votedUnits,
      votedCandidates: votedUnits,
      entitledCandidates: unitsOf(() => true),
    });
  } else {
    const voted = await votedUnitIds(ctx.db, ballot.id);
    const present = ballot.meetingId !== null ? await presentUnitIds(ctx, ballot.meetingId) : new Set<number>();
    const codeOf = new Map(units.map((u) => [u.id, u.code]));
    const codes = (ids: Iterable<number>) => new Set([...ids].map((id) => codeOf.get(id)!).filter(Boolean));
    t = tally({ ...common, present: ballot.present, presentCandidates: codes(present), votedCandidates: codes(voted) });
  }
  return rules.method === 'open' ? { ...t, openVotes: await readOpenVotes(ctx.db, ballot.id) } : t;
}

/** The count as lines of a reply (also what the cluster's chats are told). */
export function tallyMsgs(ballot: BallotRecord, t: Tally, locale: string): Msg[] {
  const lines: Msg[] = [
    { key: 'ballot-result-title', args: { id: ballot.id, question: ballot.question, round: ballot.round } },
    { key: 'ballot-result-counts', args: { issued: t.issued, returned: t.returned, valid: t.valid, invalid: t.invalid } },
  ];
  if (!t.quorumMet) lines.push(noQuorumMsg(ballot, t));
  for (const r of [...t.rows].sort((a, b) => b.agree - a.agree)) {
    lines.push({
      key: 'ballot-result-row',
      args: {
        code: r.code,
        name: r.name,
        agree: r.agree,
        base: r.base,
        percent: formatPercent(r.percent, locale),
        passed: r.passed ? 'yes' : 'no',
        elected: r.elected ? 'yes' : 'no',
      },
    });
  }
  if (t.byScore.length) lines.push({ key: 'ballot-result-by-score', args: { codes: t.byScore.join(', ') } });
  if (t.runoff) lines.push({ key: 'ballot-result-runoff', args: { codes: t.runoff.codes.join(', '), seats: t.runoff.seats } });
  lines.push(t.elected.length ? { key: 'ballot-result-elected', args: { codes: t.elected.join(', ') } } : { key: 'ballot-result-none' });
  return [...lines, ...openVoteMsgs(t)];
}

/** Why no candidate passed: the quorum, in units present or (a council) members who voted. */
export function noQuorumMsg(ballot: BallotRecord, t: Tally): Msg {
  const council = ballotParts(ballot).rules.voters === 'council';
  return {
    key: council ? 'ballot-result-no-quorum-council' : 'ballot-result-no-quorum',
    args: { present: t.present ?? ballot.present, members: t.members ?? ballot.members },
  };
}

/** A ballot's heading, rules and candidates, as shown when it opens and to voters. */
export function ballotMsgs(ballot: BallotRecord, locale: string): Msg[] {
  const { candidates, rules } = ballotParts(ballot);
  return [
    { key: 'ballot-heading', args: { id: ballot.id, question: ballot.question, round: ballot.round, seats: ballot.seats } },
    ...voteRulesMsgs(rules, locale, ballot.seats),
    { key: 'ballot-candidates', args: { list: candidates.map((c) => `${c.code} – ${c.name}`).join('; ') } },
  ];
}

/** How to vote in a ballot: privately (secret), or also in a group (a show of hands). */
export function howToVoteMsg(ballot: BallotRecord): Msg {
  const { rules } = ballotParts(ballot);
  const who = rules.voters === 'council' ? 'council' : 'units';
  return { key: rules.method === 'open' ? 'ballot-how-to-vote-open' : 'ballot-how-to-vote', args: { id: ballot.id, who } };
}

/** Sends `reply` to every live chat of the cluster but the one the command came from (if any). */
export async function publish(ctx: BallotScope, cluster: ClusterRecord, reply: Reply): Promise<void> {
  const chats = await ctx.db.chat.findMany({ where: { clusterId: cluster.id, removedAt: null }, orderBy: { id: 'asc' } });
  for (const chat of chats) if (chat.id !== ctx.chat?.id) ctx.notices.push({ chatKey: chat.key, locale: cluster.locale, reply });
}
