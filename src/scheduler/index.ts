export { Scheduler, type SchedulerOptions } from './scheduler.js';
export type { TickReport } from './report.js';
export type { CloseBallot, RollOver } from './ports.js';
export { REMINDER_MESSAGE_IDS } from './messages.js';
