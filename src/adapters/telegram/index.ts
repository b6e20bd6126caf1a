/**
 * The Telegram adapter: grammY with `@grammyjs/runner` (long polling) or a webhook, turning
 * updates into `Incoming` for the core and `Reply` values into Telegram HTML messages.
 */
export { TelegramAdapter, TELEGRAM_CAPABILITIES, type TelegramAdapterOptions } from './adapter.js';
