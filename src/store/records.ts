import type * as P from '../../generated/sqlite/index.js';
import type { CriterionKind } from '../domain/criteria.js';
import type { RoundState, SheetState, TermState } from '../domain/lifecycle.js';
import {
  parseClusterKind,
  parseCriterionKind,
  parseRoleKind,
  parseRoleStatus,
  parseRoundKind,
  parseRoundState,
  parseSheetState,
  parseTermState,
  type ClusterKind,
  type RoleKind,
  type RoleStatus,
  type RoundKind,
} from '../domain/states.js';

/**
 * The store's records: the rows of the tables the app reads, with every state or kind column
 * parsed into its domain union (`domain/states.ts`). The app sees these types, never Prisma's
 * generated ones; `as…` is the one place each row is parsed, when the store reads it.
 */

/** A cluster (its kind parsed). */
export type ClusterRecord = Omit<P.Cluster, 'kind'> & { kind: ClusterKind };
/** A chat on one platform, maybe bound to a cluster. */
export type ChatRecord = P.Chat;
/** A review meeting (`/meeting`), as attendance and the minutes read it. */
export type MeetingRecord = P.Meeting;
/** A secret ballot's public side: question, frozen candidates and rules, state and count (never a paper). */
export type BallotRecord = P.Ballot;
/** A person the bot has seen. */
export type PersonRecord = P.Person;
/** A member unit of a cluster. */
export type UnitRecord = P.Unit;
/** A role (kind and status parsed). */
export type RoleRecord = Omit<P.Role, 'kind' | 'status'> & { kind: RoleKind; status: RoleStatus };
/** An emulation year (state parsed). */
export type TermRecord = Omit<P.Term, 'state'> & { state: TermState };
/** A scoring round (kind and state parsed). */
export type RoundRecord = Omit<P.Round, 'kind' | 'state'> & { kind: RoundKind; state: RoundState };
/** A unit's sheet in a round (state parsed). */
export type SheetRecord = Omit<P.Sheet, 'state'> & { state: SheetState };
/** One row of a year's criteria table (kind parsed). */
export type CriterionRecord = Omit<P.Criterion, 'kind'> & { kind: CriterionKind };
/** An audit record as stored (JSON before and after as text). */
export type AuditRow = P.AuditLog;

/** A cluster row, parsed. */
export function asCluster<T extends Pick<P.Cluster, 'kind'>>(row: T): Omit<T, 'kind'> & { kind: ClusterKind } {
  return { ...row, kind: parseClusterKind(row.kind) };
}

/** A role row, parsed. */
export function asRole<T extends Pick<P.Role, 'kind' | 'status'>>(
  row: T,
): Omit<T, 'kind' | 'status'> & { kind: RoleKind; status: RoleStatus } {
  return { ...row, kind: parseRoleKind(row.kind), status: parseRoleStatus(row.status) };
}

/** A term row, parsed. */
export function asTerm<T extends Pick<P.Term, 'state'>>(row: T): Omit<T, 'state'> & { state: TermState } {
  return { ...row, state: parseTermState(row.state) };
}

/** A round row, parsed. */
export function asRound<T extends Pick<P.Round, 'kind' | 'state'>>(
  row: T,
): Omit<T, 'kind' | 'state'> & { kind: RoundKind; state: RoundState } {
  return { ...row, kind: parseRoundKind(row.kind), state: parseRoundState(row.state) };
}

/** A sheet row, parsed. */
export function asSheet<T extends Pick<P.Sheet, 'state'>>(row: T): Omit<T, 'state'> & { state: SheetState } {
  return { ...row, state: parseSheetState(row.state) };
}

/** A criterion row, parsed. */
export function asCriterion<T extends Pick<P.Criterion, 'kind'>>(row: T): Omit<T, 'kind'> & { kind: CriterionKind } {
  return { ...row, kind: parseCriterionKind(row.kind) };
}
