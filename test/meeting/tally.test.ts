import { describe, expect, it } from 'vitest';
import { DEFAULT_VOTE_RULES, type VoteRules } from '../../src/domain/ballot-rules.js';
import { isValidPaper, percentHundredths, quorumMet, tally, type Candidate, type TallyInput } from '../../src/domain/tally.js';

const CANDIDATES: Candidate[] = [
  { code: 'BL', name: 'Sở Nội vụ Bạc Liêu', score: 9650, rank: 1 },
  { code: 'LA', name: 'Sở Nội vụ Long An', score: 9575, rank: 2 },
  { code: 'CT', name: 'Sở Nội vụ Cần Thơ', score: 9500, rank: 3 },
];

/** `n` papers agreeing with `codes`. */
const papers = (n: number, ...codes: string[]) => Array.from({ length: n }, () => [...codes]);

function input(over: Partial<Omit<TallyInput, 'rules'>> & { rules?: Partial<VoteRules> } = {}): TallyInput {
  const { rules, ...rest } = over;
  return {
    candidates: CANDIDATES,
    seats: 1,
    members: 13,
    present: 12,
    issued: 13,
    papers: [],
    presentCandidates: new Set(['BL', 'LA', 'CT']),
    votedCandidates: new Set(['BL', 'LA', 'CT']),
    round: 1,
    ...rest,
    rules: { ...DEFAULT_VOTE_RULES, ...rules },
  };
}

describe('percentages and thresholds', () => {
  it('round the percentage to two decimals, half up', () => {
    expect(percentHundredths(7, 13)).toBe(5385); // 53,846…
    expect(percentHundredths(1, 8)).toBe(1250); // 12,5 exactly
    expect(percentHundredths(1, 6)).toBe(1667); // 16,666…
    expect(percentHundredths(1, 16)).toBe(625); // 6,25
    expect(percentHundredths(1, 3)).toBe(3333);
    expect(percentHundredths(2, 0)).toBe(0);
  });

  it('needs the quorum of units present over members (≥ 2/3 by default)', () => {
    expect(quorumMet(9, 13, DEFAULT_VOTE_RULES.quorum)).toBe(true); // 9·3 = 27 ≥ 26
    expect(quorumMet(8, 13, DEFAULT_VOTE_RULES.quorum)).toBe(false);
    expect(quorumMet(6, 9, DEFAULT_VOTE_RULES.quorum)).toBe(true); // exactly 2/3
  });

  it('counts papers naming more candidates than seats, or unknown ones, as invalid', () => {
    expect(isValidPaper(['BL'], ['BL', 'LA'], 1)).toBe(true);
    expect(isValidPaper([], ['BL', 'LA'], 1)).toBe(true);
    expect(isValidPaper(['BL', 'LA'], ['BL', 'LA'], 1)).toBe(false);
    expect(isValidPaper(['XX'], ['BL', 'LA'], 1)).toBe(false);
    const t = tally(input({ papers: [...papers(8, 'BL'), ['BL', 'LA'], ['ZZ']] }));
    expect([t.returned, t.valid, t.invalid]).toEqual([10, 8, 2]);
  });
});

describe('the base of the threshold', () => {
  it('all member units: more than half of 13 is 7', () => {
    const t = tally(input({ papers: [...papers(7, 'BL'), ...papers(5, 'LA')] }));
    expect(t.rows.find((r) => r.code === 'BL')).toMatchObject({ agree: 7, base: 13, percent: 5385, passed: true, elected: true });
    expect(t.rows.find((r) => r.code === 'LA')).toMatchObject({ agree: 5, base: 13, passed: false });
    const six = tally(input({ papers: [...papers(6, 'BL'), ...papers(6, 'LA')] }));
    expect(six.elected).toEqual([]);
    expect(six.rows[0]!.percent).toBe(4615);
  });

  it('units present: 6 of 10 present passes > 1/2 but not of all members', () => {
    const rules = { threshold: { num: 1, den: 2, strict: true, base: 'present' as const } };
    const t = tally(input({ rules, present: 10, issued: 10, papers: [...papers(6, 'BL'), ...papers(4, 'LA')] }));
    expect(t.rows[0]).toMatchObject({ code: 'BL', agree: 6, base: 10, percent: 6000, passed: true });
    expect(tally(input({ present: 10, issued: 10, papers: [...papers(6, 'BL'), ...papers(4, 'LA')] })).elected).toEqual([]);
  });

  it('valid ballots, at least 2/3: 8 of 12 valid passes, 7 does not', () => {
    const rules = { threshold: { num: 2, den: 3, strict: false, base: 'valid' as const } };
    const ok = tally(input({ rules, papers: [...papers(8, 'BL'), ...papers(3, 'LA'), ['BL', 'LA']] }));
    expect(ok.valid).toBe(11);
    expect(ok.rows[0]).toMatchObject({ agree: 8, base: 11, percent: 7273, passed: true });
    const no = tally(input({ rules, papers: [...papers(7, 'BL'), ...papers(4, 'LA')] }));
    expect(no.rows[0]).toMatchObject({ agree: 7, base: 11, percent: 6364, passed: false });
  });

  it('at least 70 % and at least 90 % of all members', () => {
    const seventy = { threshold: { num: 70, den: 100, strict: false, base: 'all' as const } };
    expect(tally(input({ rules: seventy, members: 10, papers: papers(7, 'BL') })).elected).toEqual(['BL']);
    expect(tally(input({ rules: seventy, members: 10, papers: papers(6, 'BL') })).elected).toEqual([]);
    const ninety = { threshold: { num: 90, den: 100, strict: false, base: 'all' as const } };
    expect(tally(input({ rules: ninety, papers: papers(12, 'BL') })).elected).toEqual(['BL']); // 12/13 = 92,31 %
    expect(tally(input({ rules: ninety, papers: papers(11, 'BL') })).elected).toEqual([]); // 84,62 %
  });
});

describe('quorum, self-vote, seats and ties', () => {
  it('passes nobody when the quorum is not met, but still counts', () => {
    const t = tally(input({ present: 8, issued: 8, papers: papers(8, 'BL') }));
    expect(t.quorumMet).toBe(false);
    expect(t.rows[0]).toMatchObject({ agree: 8, passed: false });
    expect(t.elected).toEqual([]);
  });

  it('shrinks the base by one for a candidate whose own vote is excluded', () => {
    const excluded = { selfVote: 'excluded' as const };
    const t = tally(input({ rules: excluded, papers: papers(7, 'BL') }));
    expect(t.rows[0]).toMatchObject({ code: 'BL', agree: 7, base: 12, percent: 5833, passed: true });
    const present = { selfVote: 'excluded' as const, threshold: { num: 1, den: 2, strict: true, base: 'present' as const } };
    const p = tally(input({ rules: present, present: 10, presentCandidates: new Set(['LA']), papers: papers(5, 'LA') }));
    expect(p.rows.find((r) => r.code === 'LA')).toMatchObject({ base: 9, passed: true }); // 5/9 > 1/2
    expect(p.rows.find((r) => r.code === 'BL')).toMatchObject({ base: 10 });
    const valid = { selfVote: 'excluded' as const, threshold: { num: 1, den: 2, strict: true, base: 'valid' as const } };
    const v = tally(input({ rules: valid, votedCandidates: new Set(['BL']), papers: [...papers(5, 'BL'), ...papers(6, 'LA')] }));
    expect(v.rows.find((r) => r.code === 'BL')).toMatchObject({ base: 10, agree: 5, passed: false });
    expect(v.rows.find((r) => r.code === 'LA')).toMatchObject({ base: 11, agree: 6, passed: true });
  });

  it('fills several seats by votes', () => {
    const t = tally(input({ seats: 2, papers: [...papers(9, 'BL', 'LA'), ...papers(3, 'CT', 'BL')] }));
    expect(t.elected).toEqual(['BL', 'LA']);
    expect(t.runoff).toBeNull();
  });

  it('sends a tie at the last seat to a second round among the tied, keeping the seats above it', () => {
    const t = tally(input({ seats: 2, papers: [...papers(6, 'BL', 'LA'), ...papers(6, 'BL', 'CT'), ['LA', 'CT']] }));
    expect(t.elected).toEqual(['BL']);
    expect(t.runoff).toEqual({ codes: ['LA', 'CT'], seats: 1 });
  });

  it('settles a tie in the last round by the higher score', () => {
    const rules = { threshold: { num: 1, den: 3, strict: false, base: 'all' as const } };
    const t = tally(input({ rules, round: 2, papers: [...papers(6, 'CT'), ...papers(6, 'LA')] }));
    expect(t.runoff).toBeNull();
    expect(t.elected).toEqual(['LA']); // 95,75 over 95
    expect(t.byScore).toEqual(['LA']);
    const once = tally(input({ rules: { ...rules, maxRounds: 1 }, papers: [...papers(6, 'CT'), ...papers(6, 'LA')] }));
    expect(once.elected).toEqual(['LA']);
  });
});

describe('a council counts its members', () => {
  it('shrinks an all-members base by one only for a candidate whose unit has a member on the council', () => {
    const t = tally(
      input({
        rules: { voters: 'council', selfVote: 'excluded' },
        members: 5,
        present: 4,
        issued: 5,
        papers: [['BL'], ['BL'], ['BL'], ['LA']],
        entitledCandidates: new Set(['LA']),
      }),
    );
    expect(t.rows.find((r) => r.code === 'BL')!.base).toBe(5);
    expect(t.rows.find((r) => r.code === 'LA')!.base).toBe(4);
    expect([t.members, t.present]).toEqual([5, 4]);
  });
});
