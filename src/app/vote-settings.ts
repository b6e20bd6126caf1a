import {
  ELECTION_MODE_WORDS,
  METHOD_WORDS,
  parseFraction,
  parseRotation,
  parseThreshold,
  pickWord,
  SELF_VOTE_WORDS,
  VOTER_WORDS,
} from '../domain/ballot-rules.js';
import { UserError } from '../domain/errors.js';
import type { ClusterRules } from '../domain/rules.js';

/**
 * The `/rules` words for the year-end meeting's settings (English, and Vietnamese without marks):
 * `voters members|present|council`, `method secret|hands`, `quorum 2/3`, `threshold >1/2 all` (`>=2/3 present`, `>=70% valid`),
 * `selfvote allowed|excluded`, `rounds 1|2`, `election rotation|free|appointed`,
 * `rotation CODE…`. Returns the changed rules, or null when `what` is not one of them.
 */
export function withVoteSetting(rules: ClusterRules, what: string, words: string[], unitCodes: string[]): ClusterRules | null {
  const vote = rules.vote;
  switch (what) {
    case 'voters':
    case 'cutri': {
      const voters = pickWord(words[0], VOTER_WORDS, 'error-rules-voters');
      if (voters === 'council' && !vote.council.length) throw new UserError('error-rules-council-empty');
      return { ...rules, vote: { ...vote, voters } };
    }
    case 'method':
    case 'phuongthuc':
      return { ...rules, vote: { ...vote, method: pickWord(words[0], METHOD_WORDS, 'error-rules-method') } };
    case 'quorum':
    case 'tyle':
      if (words.length !== 1) throw new UserError('error-rules-fraction', { input: words.join(' ') });
      return { ...rules, vote: { ...vote, quorum: parseFraction(words[0]!) } };
    case 'threshold':
    case 'nguong':
      return { ...rules, vote: { ...vote, threshold: parseThreshold(words) } };
    case 'selfvote':
    case 'tubau':
      return { ...rules, vote: { ...vote, selfVote: pickWord(words[0], SELF_VOTE_WORDS, 'error-rules-selfvote') } };
    case 'rounds':
    case 'vong': {
      const rounds = pickWord(words[0], { '1': 1, '2': 2 } as Record<string, 1 | 2>, 'error-rules-rounds');
      return { ...rules, vote: { ...vote, maxRounds: rounds } };
    }
    case 'election':
    case 'baucu':
      return { ...rules, election: { ...rules.election, mode: pickWord(words[0], ELECTION_MODE_WORDS, 'error-rules-election') } };
    case 'rotation':
    case 'luanphien':
      return { ...rules, election: { ...rules.election, rotation: parseRotation(words, unitCodes) } };
    default:
      return null;
  }
}
