/**
 * The Telegram adapter: grammY with `@grammyjs/runner` (long polling) or a webhook, turning
 * updates into `Incoming` for the core and `Reply` values into Telegram HTML messages.
 */
export { TelegramAdapter, type TelegramAdapterOptions } from './adapter.js';
export { DEFAULT_PACING, type PacingLimits } from './pacer.js';
export { MENU, menuCommands } from './commands.js';
