export { Scheduler, type SchedulerOptions, type TickReport } from './scheduler.js';
export { REMINDER_MESSAGE_IDS } from './messages.js';
