import type { RolloverOutcome } from '../domain/reminder-decisions.js';

/**
 * The year's rollover at a handover's moment: a use case of the app (`app/rollover.ts`), handed
 * to the scheduler by `main.ts`, so the scheduler holds no business rule and imports nothing
 * from the app.
 */
export type RollOver = (request: { handoverId: number; clusterId: number; now: Date }) => Promise<RolloverOutcome>;
