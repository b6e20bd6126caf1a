import type { BallotRecord } from '../../store/records.js';
import { UserError } from '../../domain/errors.js';
import { castPaper, votedUnitIds } from '../../store/ballot-box.js';
import { writeAudit } from '../../store/audit.js';
import type { Button, Reply } from '../../reply.js';
import { closeBallot, closeIfDue } from '../ballot-close.js';
import { ballotMsgs, ballotParts, openBallots } from '../ballots.js';
import { requireRepresentedUnit, type CommandContext } from '../context.js';
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
 * `/vote [NUMBER] CODE…` (`/bieuquyet`): a unit's representative casts the unit's paper in an
 * open ballot, **in a private chat only**: the listed candidates are agreed with, the others not
 * (`none` agrees with nobody). Once per unit and final: the box keeps no link from a unit to its
 * paper, so there is nothing to change it by. Alone, shows the open ballots (with buttons where
 * the platform has them). When the last entitled unit has voted the ballot closes and the count
 * is published.
 */
export const vote: Command = {
  name: 'vote',
  alias: 'bieuquyet',
  who: 'representative',
  scope: 'any',
  async run(ctx) {
    if (ctx.incoming.chat.kind !== 'private') throw new UserError('error-vote-group');
    const { cluster, unit } = await requireRepresentedUnit(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
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
      return open.map((b) => ballotForVoter(ctx, b));
    } else if (open.length === 1) target = open[0];
    else throw new UserError(open.length ? 'error-ballot-which' : 'error-ballot-none', { ids: open.map((b) => `#${b.id}`).join(', ') });
    if (!words.length) return [ballotForVoter(ctx, target!)];
    const b = target!;
    const { candidates, rules, voters } = ballotParts(b);
    if (!voters.includes(unit.id)) throw new UserError('error-vote-not-voter', { unit: unit.code });
    const voted = await votedUnitIds(ctx.db, b.id);
    if (voted.has(unit.id)) throw new UserError('error-vote-twice', { unit: unit.code, id: b.id });
    const none = words.length === 1 && NONE.has(words[0]!.toLowerCase());
    const agreed = none ? [] : [...new Set(words.map((w) => w.toUpperCase()))];
    for (const code of agreed) if (!candidates.some((c) => c.code === code)) throw new UserError('error-vote-unknown', { code, id: b.id });
    if (agreed.length > b.seats) throw new UserError('error-vote-too-many', { seats: b.seats });
    if (rules.selfVote === 'excluded' && agreed.includes(unit.code)) throw new UserError('error-vote-self', { unit: unit.code });
    const cast = await castPaper(ctx.db, b.id, unit.id, ctx.person.id, agreed);
    if (cast.kind === 'twice') throw new UserError('error-vote-twice', { unit: unit.code, id: b.id });
    if (cast.kind === 'closed') throw new UserError('error-vote-closed', { id: b.id });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'ballot.vote',
      subjectType: 'ballot',
      subjectId: b.id,
      after: { unit: unit.code },
    });
    const replies: Reply[] = [
      { text: [{ key: 'vote-recorded', args: { unit: unit.code, id: b.id, voted: cast.voted, issued: voters.length } }] },
    ];
    if (cast.voted >= voters.length) {
      replies.push({ text: [{ key: 'vote-all-voted', args: { id: b.id } }] });
      replies.push(...(await closeBallot(ctx, cluster, term, b)));
    }
    return replies;
  },
};
