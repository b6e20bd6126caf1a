import type { Fraction, VoteRules } from '../../domain/ballot-rules.js';
import type { Tally } from '../../domain/tally.js';
import type { Msg } from '../../reply.js';

/**
 * How the year-end meeting's figures read, shared by the chat replies and the minutes so both say
 * the same thing: percentages with two decimals (`53,85%`), fractions as the regulation writes them
 * (`2/3`, `50%`), and the vote rules as sentences (`locales/*.meeting.ftl`).
 */

/** Hundredths of a percent with exactly two decimals and the language's separator: 5385 → `53,85`. */
export function formatPercent(hundredths: number, locale: string): string {
  const text = `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
  return locale === 'en' ? text : text.replace('.', ',');
}

/** Points in hundredths with at most two decimals and the language's separator: 9125 → `91,25`. */
export function formatPoints(hundredths: number, locale: string): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const rest = abs % 100;
  const text = `${sign}${Math.floor(abs / 100)}${rest ? `.${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''}`;
  return locale === 'en' ? text : text.replace('.', ',');
}

/** A fraction as typed in a regulation: `2/3`, `50%`, `66,67%`. */
export function formatFraction(f: Fraction, locale: string): string {
  if (f.den === 100) return `${f.num}%`;
  if (f.den === 10000) return `${formatPercent(f.num, locale)}%`;
  return `${f.num}/${f.den}`;
}

/**
 * The vote rules as sentences, for `/rules`, every ballot and the minutes; `seats` when a ballot
 * is meant. Every setting is printed: who votes (a council by name), the method, quorum, threshold
 * and base, seats, self-vote, rounds.
 */
export function voteRulesMsgs(rules: VoteRules, locale: string, seats?: number): Msg[] {
  const who = rules.voters === 'council' ? 'council' : 'units';
  const lines: Msg[] = [
    { key: 'vote-rule-voters', args: { voters: rules.voters, council: rules.council.map((m) => m.name).join('; ') || '–' } },
    { key: 'vote-rule-method', args: { method: rules.method } },
    { key: 'vote-rule-quorum', args: { quorum: formatFraction(rules.quorum, locale), who } },
    {
      key: 'vote-rule-threshold',
      args: {
        strict: rules.threshold.strict ? 'yes' : 'no',
        fraction: formatFraction(rules.threshold, locale),
        base: rules.threshold.base,
        who,
      },
    },
  ];
  if (seats !== undefined) lines.push({ key: 'vote-rule-seats', args: { seats } });
  lines.push({ key: 'vote-rule-self', args: { self: rules.selfVote } }, { key: 'vote-rule-rounds', args: { rounds: rules.maxRounds } });
  return lines;
}

/** A show of hands' record: each voter and whom they agreed with (nothing for a secret ballot). */
export function openVoteMsgs(t: Tally): Msg[] {
  if (!t.openVotes) return [];
  return [
    { key: 'ballot-open-votes' },
    ...t.openVotes.map((v): Msg => ({ key: 'ballot-open-vote', args: { voter: v.voter, agreed: v.agreed.join(', ') || '–' } })),
  ];
}
