import type { BallotCloseOutcome, RolloverOutcome } from '../domain/reminder-decisions.js';
import type { Reply } from '../reply.js';

/**
 * The year's rollover at a handover's moment: a use case of the app (`app/rollover.ts`), handed
 * to the scheduler by `main.ts`, so the scheduler holds no business rule and imports nothing
 * from the app.
 */
export type RollOver = (request: { handoverId: number; clusterId: number; now: Date }) => Promise<RolloverOutcome>;

/**
 * Closing a secret ballot at its closing time (reminder slot `bc`): a use case of the app
 * (`app/ballot-deadline.ts`), wired by `main.ts`. It closes the ballot under its lock, or finds
 * it closed; `reply` is the count (and a second round, when one opened) for the cluster's
 * chats, given whenever this reminder is the one to publish it.
 */
export type CloseBallot = (request: {
  ballotId: number;
  clusterId: number;
  reminderId: number;
  now: Date;
}) => Promise<BallotCloseOutcome & { reply: Reply | null }>;
