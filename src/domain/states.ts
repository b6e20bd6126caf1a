import type { CriterionKind } from './criteria.js';
import type { RoundState, SheetState, TermState } from './lifecycle.js';
import type { ReminderSubjectType, ReminderSlot } from './reminders.js';

/**
 * The closed vocabularies the store keeps as text columns, as unions, each with its parser.
 * The store parses every such column once, when it reads a row, so no layer above it handles
 * a bare string where the domain has a union. Each list is a `Record` over its union: a new
 * member added to a union without its column value here fails to compile.
 */

/** A cluster (cụm, by territory) or a bloc (khối, by sector). */
export type ClusterKind = 'cluster' | 'bloc';

/** A scoring round: the six-month review or the year-end one. */
export type RoundKind = 'midyear' | 'yearend';

/** What a person is in a cluster. */
export type RoleKind = 'secretary' | 'representative';

/** Where a role stands: a representative waits for approval, a role can be revoked. */
export type RoleStatus = 'pending' | 'active' | 'revoked';

/** A score version: the unit's own, or a reviewer's. */
export type ScoreKind = 'self' | 'review';

/** A review meeting's lifecycle. */
export type MeetingState = 'scheduled' | 'cancelled';

/** A leadership handover's lifecycle: `done` once its moment has come (the year rolls over). */
export type HandoverState = 'scheduled' | 'done' | 'cancelled';

/** A secret ballot's lifecycle: open until closed (by the secretary, the last vote or its closing time). */
export type BallotState = 'open' | 'closed';

/** One reminder's delivery to one chat. */
export type DeliveryState = 'sent' | 'failed';

const VALUES = {
  'cluster kind': { cluster: 1, bloc: 1 } satisfies Record<ClusterKind, 1>,
  'round kind': { midyear: 1, yearend: 1 } satisfies Record<RoundKind, 1>,
  'round state': { open: 1, review: 1, closed: 1 } satisfies Record<RoundState, 1>,
  'term state': { open: 1, closed: 1 } satisfies Record<TermState, 1>,
  'sheet state': { draft: 1, submitted: 1, reviewed: 1, confirmed: 1, disputed: 1 } satisfies Record<SheetState, 1>,
  'role kind': { secretary: 1, representative: 1 } satisfies Record<RoleKind, 1>,
  'role status': { pending: 1, active: 1, revoked: 1 } satisfies Record<RoleStatus, 1>,
  'criterion kind': { section: 1, criterion: 1, bonus: 1, deduction: 1 } satisfies Record<CriterionKind, 1>,
  'score kind': { self: 1, review: 1 } satisfies Record<ScoreKind, 1>,
  'meeting state': { scheduled: 1, cancelled: 1 } satisfies Record<MeetingState, 1>,
  'handover state': { scheduled: 1, done: 1, cancelled: 1 } satisfies Record<HandoverState, 1>,
  'reminder subject': { round: 1, meeting: 1, handover: 1, ballot: 1 } satisfies Record<ReminderSubjectType, 1>,
  'reminder slot': {
    ...{ d7: 1, d3: 1, d1: 1, d0: 1, overdue: 1, m3: 1, m1: 1, h7: 1, h1: 1, h0: 1 },
    ...{ b1: 1, b0: 1, bh: 1, bc: 1, bd1: 1, bd2: 1, bd3: 1, bd4: 1, bd5: 1, bd6: 1, bd7: 1 },
  } satisfies Record<ReminderSlot, 1>,
  'ballot state': { open: 1, closed: 1 } satisfies Record<BallotState, 1>,
} as const;

/** A stored value outside its vocabulary: the database holds a row the code cannot read. */
export class UnknownStateError extends Error {
  constructor(what: string, value: string) {
    super(`unknown ${what} "${value}" in the store`);
    this.name = 'UnknownStateError';
  }
}

function parser<T extends string>(what: keyof typeof VALUES): (value: string) => T {
  const known: Readonly<Record<string, 1>> = VALUES[what];
  return (value) => {
    if (!Object.hasOwn(known, value)) throw new UnknownStateError(what, value);
    return value as T;
  };
}

/** Parses a stored cluster kind. */
export const parseClusterKind = parser<ClusterKind>('cluster kind');
/** Parses a stored round kind. */
export const parseRoundKind = parser<RoundKind>('round kind');
/** Parses a stored round state. */
export const parseRoundState = parser<RoundState>('round state');
/** Parses a stored term state. */
export const parseTermState = parser<TermState>('term state');
/** Parses a stored sheet state. */
export const parseSheetState = parser<SheetState>('sheet state');
/** Parses a stored role kind. */
export const parseRoleKind = parser<RoleKind>('role kind');
/** Parses a stored role status. */
export const parseRoleStatus = parser<RoleStatus>('role status');
/** Parses a stored criterion kind. */
export const parseCriterionKind = parser<CriterionKind>('criterion kind');
/** Parses a stored score kind. */
export const parseScoreKind = parser<ScoreKind>('score kind');
/** Parses a stored meeting state. */
export const parseMeetingState = parser<MeetingState>('meeting state');
/** Parses a stored handover state. */
export const parseHandoverState = parser<HandoverState>('handover state');
/** Parses a stored reminder subject type. */
export const parseReminderSubject = parser<ReminderSubjectType>('reminder subject');
/** Parses a stored reminder slot. */
export const parseReminderSlot = parser<ReminderSlot>('reminder slot');
/** Parses a stored ballot state. */
export const parseBallotState = parser<BallotState>('ballot state');
