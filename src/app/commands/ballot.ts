import { END_OF_DAY, parseFutureDate } from '../../domain/dates.js';
import { UserError } from '../../domain/errors.js';
import { METHOD_WORDS, pickWord, VOTER_WORDS, type VoteRules } from '../../domain/ballot-rules.js';
import { votedPersonIds, votedUnitIds } from '../../store/ballot-box.js';
import type { BallotRecord } from '../../store/records.js';
import type { Msg, Reply } from '../../reply.js';
import { closeBallot, closeIfDue } from '../ballot-close.js';
import {
  ballotMsgs,
  ballotParts,
  candidatesFor,
  howToVoteMsg,
  membersOf,
  openBallot,
  openBallots,
  publish,
  tallyMsgs,
} from '../ballots.js';
import { requireCluster, requireSecretary, rulesOf, type CommandContext } from '../context.js';
import { requireOpenTerm, splitFirst } from '../lookups.js';
import type { Command } from '../registry.js';

/** What the options after the question say. */
interface BallotOptions {
  seats: number;
  candidates: string[] | null;
  closes: string | null;
  /** This ballot's own voters or method, over the cluster's `/rules`. */
  rules: Partial<Pick<VoteRules, 'voters' | 'method'>>;
}

/**
 * The options after the question: `seats=2`, `candidates=BL,LA` (`soghe=`, `ungvien=`),
 * `closes=dd/mm/yyyy HH:MM` (`dong=`), `method=secret|hands` (`phuongthuc=kin|giotay`),
 * `voters=members|present|council` (`cutri=`).
 */
function parseOptions(parts: string[]): BallotOptions {
  let seats = 1;
  let candidates: string[] | null = null;
  let closes: string | null = null;
  const rules: BallotOptions['rules'] = {};
  for (const part of parts) {
    const m = /^([a-z]+)\s*=\s*(.+)$/i.exec(part.trim());
    if (!m) throw new UserError('usage-ballot');
    const [name, value] = [m[1]!.toLowerCase(), m[2]!.trim()];
    if (name === 'seats' || name === 'soghe') {
      if (!/^\d{1,2}$/.test(value)) throw new UserError('usage-ballot');
      seats = Number(value);
    } else if (name === 'candidates' || name === 'ungvien') candidates = value.split(/[\s,;]+/).filter(Boolean);
    else if (name === 'closes' || name === 'dong') closes = value;
    else if (name === 'method' || name === 'phuongthuc') rules.method = pickWord(value, METHOD_WORDS, 'usage-ballot');
    else if (name === 'voters' || name === 'cutri') rules.voters = pickWord(value, VOTER_WORDS, 'usage-ballot');
    else throw new UserError('usage-ballot');
  }
  return { seats, candidates, closes, rules };
}

/** Progress of one open ballot: who has voted and who has not (units, or a council's members), never how. */
async function progress(ctx: CommandContext, b: BallotRecord, units: { id: number; code: string }[]): Promise<Msg> {
  const { rules, voters } = ballotParts(b);
  const council = rules.voters === 'council';
  const voted = council ? await votedPersonIds(ctx.db, b.id) : await votedUnitIds(ctx.db, b.id);
  const named = council ? rules.council.map((m) => ({ id: m.personId, code: m.name })) : units;
  const codes = (pred: (id: number) => boolean) =>
    named
      .filter((u) => voters.includes(u.id) && pred(u.id))
      .map((u) => u.code)
      .join(', ') || '–';
  return {
    key: council ? 'ballot-progress-council' : 'ballot-progress',
    args: { voted: voted.size, issued: voters.length, done: codes((id) => voted.has(id)), missing: codes((id) => !voted.has(id)) },
  };
}

/**
 * `/ballot …` (`/bophieu`), the secretary's side of a secret ballot:
 * - `/ballot open QUESTION | seats=1 | candidates=BL,LA | closes=dd/mm/yyyy HH:MM` opens one (the
 *   candidates default to the closed year-end ranking, frozen now; the cluster's `/rules` apply,
 *   `method=hands` and `voters=council` override them for this ballot);
 * - `/ballot` shows the open ballots' progress (who has voted, never how) and anyone may ask it;
 * - `/ballot close [NUMBER]` closes one and publishes the count; `/ballot NUMBER` shows a ballot.
 */
export const ballot: Command = {
  name: 'ballot',
  alias: 'bophieu',
  who: 'member',
  scope: 'any',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const [verb, rest] = splitFirst(ctx.incoming.args);
    const word = verb.toLowerCase();
    if (word === 'open' || word === 'mo') {
      requireSecretary(ctx);
      const [question, ...options] = rest.split('|').map((s) => s.trim());
      if (!question) throw new UserError('usage-ballot');
      const o = parseOptions(options);
      const units = await membersOf(ctx, cluster.id);
      const candidates = await candidatesFor(ctx, cluster, term, units, o.candidates);
      const closesAt = o.closes ? parseFutureDate(o.closes, cluster.timezone, END_OF_DAY, ctx.now) : null;
      const opened = await openBallot(ctx, {
        cluster,
        term,
        kind: 'award',
        question,
        candidates,
        seats: o.seats,
        rules: { ...rulesOf(cluster).vote, ...o.rules },
        closesAt,
      });
      const reply: Reply = {
        text: [
          { key: 'ballot-opened', args: { method: ballotParts(opened).rules.method } },
          ...ballotMsgs(opened, ctx.locale),
          howToVoteMsg(opened),
        ],
      };
      await publish(ctx, cluster, reply);
      return [reply];
    }
    if (word === 'close' || word === 'dong') {
      requireSecretary(ctx);
      const open = await openBallots(ctx, term.id);
      const target = rest ? open.find((b) => String(b.id) === rest.replace(/^#/, '')) : open.length === 1 ? open[0] : undefined;
      if (!target)
        throw new UserError(open.length ? 'error-ballot-which' : 'error-ballot-none', { ids: open.map((b) => `#${b.id}`).join(', ') });
      return closeBallot(ctx, cluster, term, target);
    }
    if (/^#?\d+$/.test(word)) {
      const found = await ctx.db.ballot.findFirst({ where: { id: Number(word.replace('#', '')), termId: term.id } });
      if (!found) throw new UserError('error-ballot-unknown', { id: word });
      const due = await closeIfDue(ctx, cluster, term, found);
      if (due) return due;
      const { result } = ballotParts(found);
      if (result) return [{ text: tallyMsgs(found, result, ctx.locale) }];
      const units = await membersOf(ctx, cluster.id);
      return [{ text: [...ballotMsgs(found, ctx.locale), await progress(ctx, found, units)] }];
    }
    if (word) throw new UserError('usage-ballot');
    const units = await membersOf(ctx, cluster.id);
    const replies: Reply[] = [];
    for (const b of await openBallots(ctx, term.id)) {
      const due = await closeIfDue(ctx, cluster, term, b);
      if (due) replies.push(...due);
      else
        replies.push({
          text: [
            { key: 'ballot-heading', args: { id: b.id, question: b.question, round: b.round, seats: b.seats } },
            await progress(ctx, b, units),
          ],
        });
    }
    if (!replies.length) {
      const closed = await ctx.db.ballot.count({ where: { termId: term.id, state: 'closed' } });
      return [{ text: [{ key: 'ballot-none-open', args: { closed } }] }];
    }
    return replies;
  },
};
