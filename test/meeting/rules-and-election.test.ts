import { describe, expect, it } from 'vitest';
import { fractionHundredths, parseFraction, parseRotation, parseThreshold } from '../../src/domain/ballot-rules.js';
import { electionOutcome, proposeByRotation, rotationOrder } from '../../src/domain/election.js';
import { UserError } from '../../src/domain/errors.js';
import { DEFAULT_RULES, parseRules, serializeRules } from '../../src/domain/rules.js';
import { tally } from '../../src/domain/tally.js';
import { DEFAULT_VOTE_RULES } from '../../src/domain/ballot-rules.js';
import { withVoteSetting } from '../../src/app/vote-settings.js';

const key = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof UserError ? e.key : 'other';
  }
  return null;
};

describe('vote settings', () => {
  it('default to DOMAIN.md: members vote, quorum 2/3, more than 1/2 of all members, self-vote allowed, 2 rounds', () => {
    expect(DEFAULT_RULES.vote).toEqual({
      voters: 'members',
      council: [],
      method: 'secret',
      quorum: { num: 2, den: 3 },
      threshold: { num: 1, den: 2, strict: true, base: 'all' },
      selfVote: 'allowed',
      maxRounds: 2,
    });
    expect(DEFAULT_RULES.election).toEqual({ mode: 'rotation', rotation: [] });
    expect(fractionHundredths({ num: 2, den: 3 })).toBe(6667);
  });

  it('read fractions and thresholds as a regulation writes them', () => {
    expect(parseFraction('2/3')).toEqual({ num: 2, den: 3 });
    expect(parseFraction('70%')).toEqual({ num: 70, den: 100 });
    expect(parseFraction('66,67%')).toEqual({ num: 6667, den: 10000 });
    expect(key(() => parseFraction('4/3'))).toBe('error-rules-fraction');
    expect(key(() => parseFraction('0'))).toBe('error-rules-fraction');
    expect(parseThreshold(['>1/2', 'all'])).toEqual({ num: 1, den: 2, strict: true, base: 'all' });
    expect(parseThreshold(['>=2/3', 'comat'])).toEqual({ num: 2, den: 3, strict: false, base: 'present' });
    expect(parseThreshold(['90%', 'valid'])).toEqual({ num: 90, den: 100, strict: false, base: 'valid' });
    expect(key(() => parseThreshold(['>1/2']))).toBe('error-rules-threshold');
    expect(key(() => parseThreshold(['>1/2', 'everyone']))).toBe('error-rules-threshold');
  });

  it('are changed by /rules words and survive storage next to the ranking rules', () => {
    let rules = withVoteSetting(DEFAULT_RULES, 'threshold', ['>=70%', 'valid'], [])!;
    rules = withVoteSetting(rules, 'tubau', ['khong'], [])!;
    rules = withVoteSetting(rules, 'rounds', ['1'], [])!;
    rules = withVoteSetting(rules, 'election', ['free'], [])!;
    rules = withVoteSetting(rules, 'rotation', ['la', 'BL', 'ct'], ['BL', 'LA', 'CT'])!;
    expect(parseRules(serializeRules(rules))).toEqual(rules);
    expect(rules.vote).toMatchObject({
      selfVote: 'excluded',
      maxRounds: 1,
      threshold: { num: 70, den: 100, strict: false, base: 'valid' },
    });
    expect(rules.election).toEqual({ mode: 'free', rotation: ['LA', 'BL', 'CT'] });
    expect(withVoteSetting(DEFAULT_RULES, 'bands', [], [])).toBeNull();
    expect(key(() => parseRotation(['BL', 'BL'], ['BL', 'LA']))).toBe('error-rules-rotation');
    expect(key(() => parseRotation(['XX'], ['BL']))).toBe('error-rules-rotation');
  });
});

describe('rotation of the leader and deputy', () => {
  const units = ['AG', 'BL', 'BT', 'CM', 'LA'];
  it("proposes the next two units after this year's leader, wrapping round", () => {
    const order = rotationOrder({ mode: 'rotation', rotation: ['LA', 'BL', 'CM'] }, units);
    expect(order).toEqual(['LA', 'BL', 'CM', 'AG', 'BT']);
    expect(proposeByRotation(order, 'LA')).toEqual({ leader: 'BL', deputy: 'CM' });
    expect(proposeByRotation(order, 'AG')).toEqual({ leader: 'BT', deputy: 'LA' });
    expect(proposeByRotation(order, 'BT')).toEqual({ leader: 'LA', deputy: 'BL' });
    expect(proposeByRotation(order, null)).toEqual({ leader: 'LA', deputy: 'BL' });
    expect(proposeByRotation(['AG'], null)).toBeNull();
  });

  it('confirms with more than half of members, else a second round between the top two', () => {
    const candidates = units.map((code, i) => ({ code, name: code, score: 9000 - i, rank: i + 1 }));
    const base = {
      candidates,
      seats: 1,
      rules: DEFAULT_VOTE_RULES,
      members: 5,
      present: 5,
      issued: 5,
      presentCandidates: new Set<string>(),
      votedCandidates: new Set<string>(),
    };
    const won = tally({ ...base, round: 1, papers: [['BL'], ['BL'], ['BL'], ['LA'], []] });
    expect(electionOutcome(won, 1, 2)).toEqual({ kind: 'elected', code: 'BL' });
    const split = tally({ ...base, round: 1, papers: [['BL'], ['BL'], ['LA'], ['LA'], ['CM']] });
    expect(electionOutcome(split, 1, 2)).toEqual({ kind: 'runoff', codes: ['BL', 'LA'] });
    expect(electionOutcome(tally({ ...base, round: 2, papers: [['BL'], ['BL'], ['LA'], ['LA'], []] }), 2, 2)).toEqual({ kind: 'none' });
  });
});
