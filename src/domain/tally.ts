import type { Fraction, ThresholdBase, VoteRules } from './ballot-rules.js';

/**
 * The count of one ballot round (*kiểm phiếu*): pure, from the papers (each the set of candidate
 * codes it agrees with; anything else is "not agree", a blank mark being an abstention) and the
 * counts of the meeting. Nothing here knows which unit cast which paper: it never needs to.
 */

/** A candidate as frozen when the ballot opened. */
export interface Candidate {
  code: string;
  name: string;
  /** Final year-end score in hundredths (the tie-break after the rounds), null when unranked. */
  score: number | null;
  rank: number | null;
}

/** What a round is counted from. */
export interface TallyInput {
  candidates: Candidate[];
  seats: number;
  rules: VoteRules;
  /** Member units of the cluster (a council's ballot: the listed persons). */
  members: number;
  /** Units recorded present at the meeting when the ballot opened (a council's ballot: the members who voted). */
  present: number;
  /** Ballots issued: the units entitled to vote. */
  issued: number;
  /** One entry per returned paper: the codes it agrees with. */
  papers: string[][];
  /** Candidates whose own unit is among the present units (for a `present` base with self-vote excluded). */
  presentCandidates: ReadonlySet<string>;
  /** Candidates whose own unit returned a ballot (for a `valid` base with self-vote excluded). */
  votedCandidates: ReadonlySet<string>;
  /**
   * Candidates whose own unit holds a vote, for an `all` base with self-vote excluded; absent:
   * every candidate (each is a member unit). A council's ballot: the units of listed members.
   */
  entitledCandidates?: ReadonlySet<string>;
  /** 1 for the first round, 2 for a second. */
  round: number;
}

/** One voter's vote in a show of hands (method `open`): public, so named. */
export interface OpenVote {
  voter: string;
  agreed: string[];
}

/** One candidate's line of the count. */
export interface TallyRow {
  code: string;
  name: string;
  agree: number;
  base: number;
  /** Agree over base in hundredths of a percent, two decimals half up (7/13 → 5385). */
  percent: number;
  passed: boolean;
  elected: boolean;
}

/** The result of a round: elected, a second round among the tied, or a tie settled by the score. */
export interface Tally {
  issued: number;
  returned: number;
  valid: number;
  invalid: number;
  quorumMet: boolean;
  /** The quorum's figures: member units (or council members) and those present (or who voted); absent in counts stored before. */
  members?: number;
  present?: number;
  rows: TallyRow[];
  /** Codes taking a seat, in order of votes. */
  elected: string[];
  /** Set when a tie at the last seat goes to a second round: the tied codes and the seats left for them. */
  runoff: { codes: string[]; seats: number } | null;
  /** Codes that took their seat over a tied candidate by the higher score (last round). */
  byScore: string[];
  /** A show of hands: who voted how, by voter name; absent for a secret ballot. */
  openVotes?: OpenVote[];
}

/** `part / whole` as hundredths of a percent, half up; 0 when the whole is 0. */
export function percentHundredths(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.floor((part * 20000 + whole) / (2 * whole));
}

/** True when `count` of `base` reaches the fraction (`strict`: more than it). */
export function reaches(count: number, base: number, f: Fraction & { strict: boolean }): boolean {
  if (base <= 0) return false;
  return f.strict ? count * f.den > f.num * base : count * f.den >= f.num * base;
}

/** The quorum: units present over member units, at least the fraction. */
export function quorumMet(present: number, members: number, quorum: Fraction): boolean {
  return members > 0 && present * quorum.den >= quorum.num * members;
}

/** A paper is valid when it names only candidates and no more of them than there are seats. */
export function isValidPaper(paper: readonly string[], candidates: readonly string[], seats: number): boolean {
  return paper.length <= seats && new Set(paper).size === paper.length && paper.every((c) => candidates.includes(c));
}

/** The base of one candidate's percentage under the rules (one less for its own unit when self-vote is excluded). */
function baseFor(base: ThresholdBase, code: string, input: TallyInput, valid: number): number {
  const excluded = input.rules.selfVote === 'excluded';
  if (base === 'all') return input.members - (excluded && (input.entitledCandidates?.has(code) ?? true) ? 1 : 0);
  if (base === 'present') return input.present - (excluded && input.presentCandidates.has(code) ? 1 : 0);
  return valid - (excluded && input.votedCandidates.has(code) ? 1 : 0);
}

/** Candidates ordered by the higher score, then the better rank, then code (the last resort is stable). */
function byScoreOrder(a: Candidate, b: Candidate): number {
  return (b.score ?? -1) - (a.score ?? -1) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code);
}

/**
 * Counts one round: validity of each paper, agree counts and percentages per candidate, who
 * passed, and the seats: the passed candidates by votes; a tie across the last seat goes to a
 * second round among the tied (when the rules allow another round), else to the higher score.
 */
export function tally(input: TallyInput): Tally {
  const codes = input.candidates.map((c) => c.code);
  const validPapers = input.papers.filter((p) => isValidPaper(p, codes, input.seats));
  const valid = validPapers.length;
  const quorum = quorumMet(input.present, input.members, input.rules.quorum);
  const { threshold } = input.rules;
  const rows: TallyRow[] = input.candidates.map((c) => {
    const agree = validPapers.filter((p) => p.includes(c.code)).length;
    const base = baseFor(threshold.base, c.code, input, valid);
    return {
      code: c.code,
      name: c.name,
      agree,
      base,
      percent: percentHundredths(agree, base),
      passed: quorum && reaches(agree, base, threshold),
      elected: false,
    };
  });
  const passed = rows.filter((r) => r.passed).sort((a, b) => b.agree - a.agree);
  let elected: string[] = passed.slice(0, input.seats).map((r) => r.code);
  let runoff: Tally['runoff'] = null;
  let byScore: string[] = [];
  if (passed.length > input.seats && input.seats > 0) {
    const last = passed[input.seats - 1]!.agree;
    if (passed[input.seats]!.agree === last) {
      const secured = passed.filter((r) => r.agree > last).map((r) => r.code);
      const tied = passed.filter((r) => r.agree === last).map((r) => r.code);
      const left = input.seats - secured.length;
      if (input.round < input.rules.maxRounds) {
        elected = secured;
        runoff = { codes: tied, seats: left };
      } else {
        const chosen = input.candidates
          .filter((c) => tied.includes(c.code))
          .sort(byScoreOrder)
          .slice(0, left)
          .map((c) => c.code);
        elected = [...secured, ...chosen];
        byScore = chosen;
      }
    }
  }
  for (const row of rows) row.elected = elected.includes(row.code);
  return {
    issued: input.issued,
    returned: input.papers.length,
    valid,
    invalid: input.papers.length - valid,
    quorumMet: quorum,
    members: input.members,
    present: input.present,
    rows,
    elected,
    runoff,
    byScore,
  };
}
