import type { VoteRules } from '../../domain/ballot-rules.js';
import type { Candidate, Tally } from '../../domain/tally.js';

/**
 * Everything the minutes (*biên bản*) of a year-end meeting say, read from the store by the
 * command and handed over as plain data: the report builds the document and reads nothing.
 */
export interface MinutesInput {
  locale: string;
  timezone: string;
  /** The body above the cluster (first line of the header's left column), when known. */
  superior: string | null;
  clusterName: string;
  /** Short code for the number line: `Số: …/BB-CTĐ` (a cluster), `…/BB-KTĐ` (a bloc). */
  numberSuffix: string;
  year: number;
  /** Where the minutes are dated: the meeting's place, else null. */
  place: string | null;
  meetingAt: Date | null;
  /** When the minutes were made (the date line and the closing time). */
  now: Date;
  secretaryName: string;
  chairUnit: string | null;
  /** Every member unit with whether it was present. */
  attendance: { code: string; name: string; present: boolean }[];
  /** The closed year-end ranking, in rank order; empty when there is none. */
  ranking: MinutesRankRow[];
  rules: VoteRules;
  ballots: MinutesBallot[];
  /** Next year's leader and deputy as decided (elected, appointed) or null. */
  election: { leader: string | null; deputy: string | null; mode: string };
}

/** One closed ballot round and its count. */
export interface MinutesBallot {
  id: number;
  kind: string;
  question: string;
  round: number;
  seats: number;
  candidates: Candidate[];
  rules: VoteRules;
  tally: Tally;
  openedAt: Date;
  closedAt: Date | null;
}

/** One unit's line of the ranking table: self-score, appraised (null: not adjusted), final, rank, classification. */
export interface MinutesRankRow {
  /** Null for a unit that never submitted (unranked, listed last). */
  rank: number | null;
  code: string;
  name: string;
  self: number | null;
  appraised: number | null;
  final: number | null;
  /** Locale id suffix of the classification (`excellent`…), null when the unit has no sheet. */
  classification: string | null;
}
