import type { BallotRecord } from '../../store/records.js';
import { UserError } from '../../domain/errors.js';
import { castPaper, votedPersonIds, votedUnitIds } from '../../store/ballot-box.js';
import { writeAudit } from '../../store/audit.js';
import type { Button, Reply } from '../../reply.js';
import { closeBallot, closeIfDue } from '../ballot-close.js';
import { ballotMsgs, ballotParts, openBallots } from '../ballots.js';
import { personLabel, requireCluster, requireRepresentedUnit, type CommandContext } from '../context.js';
import { requireOpenTerm } from '../lookups.js';
import type { Command } from '../registry.js';

/** `none` / `khong`: the paper agrees with no candidate. */
const NONE = new Set(['none', 'khong', '-']);

/** A ballot as a voter sees it: rules, candidates, and buttons for a one-seat ballot. */
function ballotForVoter(ctx: CommandContext, b: BallotRecord): Reply {
  const { candidates } = ballotParts(b);
  const buttons: Button[][] | undefined =
    b.seats === 1
      ? [
          ...candidates.map((c) => [{ label: { key: 'vote-button-agree', args: { code: c.code } }, data: `/vote ${b.id} ${c.code}` }]),
          [{ label: { key: 'vote-button-none' }, data: `/vote ${b.id} none` }],
        ]
      : undefined;
  return { text: [...ballotMsgs(b, ctx.locale), { key: 'vote-how', args: { id: b.id, seats: b.seats } }], buttons };
}

/**
 * Who votes in `b`, and as whom: a listed council member for themself, else the unit the person
 * represents. Throws when the person is not entitled.
 */
async function voterFor(ctx: CommandContext, b: BallotRecord) {
  const { rules, voters } = ballotParts(b);
  const open = rules.method === 'open';
  if (rules.voters === 'council') {
    const member = rules.council.find((m) => m.personId === ctx.person.id);
    if (!member) throw new UserError('error-vote-not-council', { id: b.id });
    const voted = await votedPersonIds(ctx.db, b.id);
    const who = member.name;
    return {
      who,
      self: member.unit,
      twice: voted.has(ctx.person.id),
      caster: { unitId: null, personId: ctx.person.id, open: open ? { voter: who } : null },
    };
  }
  const { unit } = await requireRepresentedUnit(ctx);
  if (!voters.includes(unit.id)) throw new UserError('error-vote-not-voter', { unit: unit.code });
  const voted = await votedUnitIds(ctx.db, b.id);
  const who = unit.code;
  const voter = `${unit.code} – ${unit.name} (${personLabel(ctx.person)})`;
  return {
    who,
    self: unit.code,
    twice: voted.has(unit.id),
    caster: { unitId: unit.id, personId: ctx.person.id, open: open ? { voter } : null },
  };
}

/**
 * `/vote [NUMBER] CODE…` (`/bieuquyet`): a unit's representative casts the unit's paper in an
 * open ballot (on a council's ballot, a listed member casts their own), **in a private chat
 * only** for a secret ballot; a show of hands (method `open`) is also taken in a group. The
 * listed candidates are agreed with, the others not (`none` agrees with nobody). Once per voter
 * and final: the box keeps no link from a voter to its paper, so there is nothing to change it
 * by. Alone, shows the open ballots (with buttons where the platform has them). When the last
 * entitled voter has voted the ballot closes and the count is published.
 */
export const vote: Command = {
  name: 'vote',
  alias: 'bieuquyet',
  // A representative, or a secretary (a council member may be one): what `reviewer` allows.
  who: 'reviewer',
  scope: 'any',
  async run(ctx) {
    const group = ctx.incoming.chat.kind !== 'private';
    const cluster = requireCluster(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    // In a group, only a show of hands is taken: with none open, nothing is read or done there.
    if (group && !(await openBallots(ctx, term.id)).some((b) => ballotParts(b).rules.method === 'open'))
      throw new UserError('error-vote-group');
    const words = ctx.incoming.args.split(/[\s,;]+/).filter(Boolean);
    // A ballot past its closing time is closed first (and that closing is kept): a late paper is refused.
    for (const b of await openBallots(ctx, term.id)) {
      const due = await closeIfDue(ctx, cluster, term, b);
      if (due && words.length && words[0]!.replace('#', '') === String(b.id))
        return [{ text: [{ key: 'error-vote-closed', args: { id: b.id } }] }, ...due];
    }
    const open = await openBallots(ctx, term.id);
    const numbered = words.length && /^#?\d+$/.test(words[0]!) ? Number(words.shift()!.replace('#', '')) : null;
    let target: BallotRecord | undefined;
    if (numbered !== null) {
      target = open.find((b) => b.id === numbered);
      if (!target) {
        const known = await ctx.db.ballot.findFirst({ where: { id: numbered, termId: term.id } });
        throw new UserError(known ? 'error-vote-closed' : 'error-ballot-unknown', { id: numbered });
      }
    } else if (!words.length) {
      if (!open.length) throw new UserError('error-ballot-none');
      const shown = group ? open.filter((b) => ballotParts(b).rules.method === 'open') : open;
      if (!shown.length) throw new UserError('error-vote-group');
      return shown.map((b) => ballotForVoter(ctx, b));
    } else if (open.length === 1) target = open[0];
    else throw new UserError(open.length ? 'error-ballot-which' : 'error-ballot-none', { ids: open.map((b) => `#${b.id}`).join(', ') });
    const b = target!;
    // A secret ballot is never shown nor taken in a group: a show of hands is.
    if (group && ballotParts(b).rules.method !== 'open') throw new UserError('error-vote-group');
    if (!words.length) return [ballotForVoter(ctx, b)];
    const { candidates, rules, voters } = ballotParts(b);
    const voter = await voterFor(ctx, b);
    const unit = { code: voter.who };
    const council = rules.voters === 'council';
    if (voter.twice) throw new UserError(council ? 'error-vote-twice-council' : 'error-vote-twice', { unit: unit.code, id: b.id });
    const none = words.length === 1 && NONE.has(words[0]!.toLowerCase());
    const agreed = none ? [] : [...new Set(words.map((w) => w.toUpperCase()))];
    for (const code of agreed) if (!candidates.some((c) => c.code === code)) throw new UserError('error-vote-unknown', { code, id: b.id });
    if (agreed.length > b.seats) throw new UserError('error-vote-too-many', { seats: b.seats });
    if (rules.selfVote === 'excluded' && voter.self !== null && agreed.includes(voter.self))
      throw new UserError('error-vote-self', { unit: voter.self });
    const cast = await castPaper(ctx.db, b.id, voter.caster, agreed);
    if (cast.kind === 'twice')
      throw new UserError(council ? 'error-vote-twice-council' : 'error-vote-twice', { unit: unit.code, id: b.id });
    if (cast.kind === 'closed') throw new UserError('error-vote-closed', { id: b.id });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'ballot.vote',
      subjectType: 'ballot',
      subjectId: b.id,
      after: council ? { council: true } : { unit: unit.code },
    });
    const recorded = rules.method === 'open' ? 'vote-recorded-open' : council ? 'vote-recorded-council' : 'vote-recorded';
    const replies: Reply[] = [{ text: [{ key: recorded, args: { unit: unit.code, id: b.id, voted: cast.voted, issued: voters.length } }] }];
    if (cast.voted >= voters.length) {
      replies.push({ text: [{ key: 'vote-all-voted', args: { id: b.id } }] });
      replies.push(...(await closeBallot(ctx, cluster, term, b)));
    }
    return replies;
  },
};
