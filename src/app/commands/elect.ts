import { ELECTION_VOTE_RULES } from '../../domain/ballot-rules.js';
import { proposeByRotation, rotationOrder } from '../../domain/election.js';
import { UserError } from '../../domain/errors.js';
import type { Reply } from '../../reply.js';
import { handoverOffer, recordElection } from '../ballot-close.js';
import { ballotMsgs, candidatesFor, howToVoteMsg, membersOf, openBallot, openBallots, publish } from '../ballots.js';
import { requireSecretary, rulesOf } from '../context.js';
import { requireOpenTerm } from '../lookups.js';
import type { Command } from '../registry.js';

/**
 * `/elect [LEADER DEPUTY]` (`/baucumtruong`): next year's leader and deputy. By the cluster's
 * election mode (`/rules election`):
 * - rotation (default): the units after this year's leader in the rotation order are proposed and
 *   the meeting confirms each by a secret ballot (more than half of member units; a second round
 *   between the top two if not);
 * - free: every member unit stands, one seat, the same rule;
 * - appointed: the province appoints; `/elect LEADER DEPUTY` records its decision, no ballot.
 * Codes given override the proposal. The result is recorded and offered to `/handover`.
 */
export const elect: Command = {
  name: 'elect',
  alias: 'baucumtruong',
  who: 'secretary',
  scope: 'any',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const rules = rulesOf(cluster);
    const units = await membersOf(ctx, cluster.id);
    const codes = ctx.incoming.args
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((c) => c.toUpperCase());
    if (codes.length && codes.length !== 2) throw new UserError('usage-elect');
    for (const code of codes) if (!units.some((u) => u.code === code)) throw new UserError('error-unknown-unit', { code });
    if (codes.length === 2 && codes[0] === codes[1]) throw new UserError('error-elect-same');
    const mode = rules.election.mode;
    if (mode === 'appointed') {
      if (!codes.length) throw new UserError('error-elect-appointed');
      await recordElection(ctx, cluster, term, 'leader', codes[0]!, 'appointed');
      await recordElection(ctx, cluster, term, 'deputy', codes[1]!, 'appointed');
      return [
        {
          text: [
            { key: 'elect-appointed', args: { leader: codes[0]!, deputy: codes[1]!, year: term.year + 1 } },
            { key: 'elect-handover-hint', args: { code: codes[0]! } },
          ],
          buttons: handoverOffer(codes[0]!),
        },
      ];
    }
    const busy = (await openBallots(ctx, term.id)).filter((b) => b.kind !== 'award');
    if (busy.length) throw new UserError('error-elect-open', { ids: busy.map((b) => `#${b.id}`).join(', ') });
    const current = units.find((u) => u.id === term.leaderUnitId)?.code ?? null;
    let leader: string[];
    let deputy: string[];
    if (codes.length) [leader, deputy] = [[codes[0]!], [codes[1]!]];
    else if (mode === 'free') [leader, deputy] = [units.map((u) => u.code), units.map((u) => u.code)];
    else {
      const proposal = proposeByRotation(
        rotationOrder(
          rules.election,
          units.map((u) => u.code),
        ),
        current,
      );
      if (!proposal) throw new UserError('error-elect-few');
      [leader, deputy] = [[proposal.leader], [proposal.deputy]];
    }
    // The leader's confirming vote is by member units (a council votes on awards only); a show of hands applies.
    const voters = rules.vote.voters === 'council' ? 'members' : rules.vote.voters;
    const voteRules = { ...ELECTION_VOTE_RULES, quorum: rules.vote.quorum, voters, method: rules.vote.method };
    const t = ctx.i18n.translator(cluster.locale);
    const replies: Reply[] = [
      {
        text: [
          {
            key: codes.length || mode === 'free' ? 'elect-opened' : 'elect-proposed',
            args: { leader: leader.join(', '), deputy: deputy.join(', '), year: term.year + 1, current: current ?? '–' },
          },
        ],
      },
    ];
    for (const [post, list] of [
      ['leader', leader],
      ['deputy', deputy],
    ] as const) {
      const candidates = await candidatesFor(ctx, cluster, term, units, list);
      const opened = await openBallot(ctx, {
        cluster,
        term,
        kind: post,
        question: t(`elect-question-${post}`, { year: term.year + 1 }),
        candidates,
        seats: 1,
        rules: voteRules,
      });
      replies.push({ text: [...ballotMsgs(opened, ctx.locale), howToVoteMsg(opened)] });
    }
    for (const reply of replies) await publish(ctx, cluster, reply);
    return replies;
  },
};
