import { UserError } from './errors.js';

/** An emulation year: open until the next year opens or the handover rolls it over. */
export type TermState = 'open' | 'closed';

/** A scoring round: units self-score while `open`; `review` starts with the first review. */
export type RoundState = 'open' | 'review' | 'closed';

/** A unit's sheet in a round. */
export type SheetState = 'draft' | 'submitted' | 'reviewed' | 'confirmed' | 'disputed';

/** Scores, submissions, reviews, confirmations and explanations need a round not closed. */
export function assertRoundInProgress(state: RoundState): void {
  if (state === 'closed') throw new UserError('error-round-closed');
}

/** The round after a review: the first review moves it into the review phase. */
export function roundAfterReview(state: RoundState): RoundState {
  assertRoundInProgress(state);
  return 'review';
}

/** A sheet can still be self-scored: it has not been submitted. */
export function assertSheetEditable(state: SheetState): void {
  if (state !== 'draft') throw new UserError('error-sheet-submitted');
}

/** The sheet state after a reviewer sets a score: reviewed (again), whatever it was. */
export function sheetAfterReview(state: SheetState): SheetState {
  if (state === 'draft') throw new UserError('error-review-not-submitted');
  return 'reviewed';
}

/**
 * A unit confirms its sheet once it has been appraised: reviewed, with changed scores or with
 * none (`/review CODE ok`). A sheet only submitted, or disputed and awaiting its re-appraisal,
 * has nothing to confirm yet.
 */
export function sheetAfterConfirm(state: SheetState): SheetState {
  if (state === 'draft') throw new UserError('error-confirm-not-submitted');
  if (state === 'confirmed') throw new UserError('error-already-confirmed');
  if (state !== 'reviewed') throw new UserError('error-confirm-not-reviewed');
  return 'confirmed';
}

/** A unit disputes a review with an explanation (giải trình). */
export function sheetAfterExplain(state: SheetState): SheetState {
  if (state === 'draft' || state === 'submitted') throw new UserError('error-explain-not-reviewed');
  return 'disputed';
}
