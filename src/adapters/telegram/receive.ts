import { createHash } from 'node:crypto';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { TelegramConfig } from '../../config.js';
import type { HttpServer, RouteHandler } from '../../http.js';
import type { InboxReceiver } from '../kit/inbox-worker.js';
import { secretMatches } from '../kit/webhook-secret.js';
import { inboxRow } from './poller.js';

/** The updates the bot asks Telegram for. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** Long polling: seconds a `getUpdates` call waits (30) and updates processed at once (500). */
export interface PollingOptions {
  timeoutSeconds?: number;
  concurrency?: number;
}

/**
 * Starts long polling through `@grammyjs/runner` (updates of one chat in order, chats in
 * parallel, thanks to the `sequentialize` middleware the adapter installs). Any webhook is
 * removed first: Telegram refuses `getUpdates` while one is set.
 */
export async function startLongPolling(bot: Bot, polling: PollingOptions, logger: Logger): Promise<RunnerHandle> {
  await bot.api.deleteWebhook();
  const runner = run(bot, {
    runner: { fetch: { timeout: polling.timeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
    sink: { concurrency: polling.concurrency ?? 500 },
  });
  runner.task()?.catch((error: unknown) => logger.fatal({ err: error }, 'telegram: long polling stopped'));
  return runner;
}

/**
 * Stops long polling and confirms the updates handled so far (`offset` past the last one), so a
 * clean restart does not get them again.
 */
export async function stopLongPolling(bot: Bot, runner: RunnerHandle, lastUpdateId: number | undefined): Promise<void> {
  if (runner.isRunning()) await runner.stop().catch(() => undefined);
  if (lastUpdateId !== undefined) await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 }).catch(() => undefined);
}

/**
 * The secret Telegram sends with every webhook request. Derived from the token when not
 * configured: the same on every instance, unguessable without the token, and within Telegram's
 * alphabet for secret tokens.
 */
export function webhookSecretOf(config: TelegramConfig): string {
  return config.webhookSecret ?? createHash('sha256').update(`webhook:${config.token}`).digest('base64url');
}

/** Registers the webhook with Telegram. */
export async function registerWebhook(bot: Bot, url: string, secret: string): Promise<void> {
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES] });
}

/**
 * Serves the webhook at `path`: the secret is checked on the headers before the body is read
 * (a wrong or missing one gets `401`, a body over the server's limit `413`, and nothing is
 * processed); a body that is not an update gets `400`. With the durable inbox the update is
 * stored before `200` is answered (a failed store is a `500`, and Telegram sends it again);
 * without it, it is handled before the `200`.
 */
export function serveWebhook(
  http: HttpServer,
  path: string,
  options: { bot: Bot; secret: string; logger: Logger; inbox?: InboxReceiver },
): void {
  const { bot, secret, logger, inbox } = options;
  const check = (req: Parameters<RouteHandler>[0]) => {
    const ok = secretMatches(req.headers['x-telegram-bot-api-secret-token'], secret);
    if (!ok) logger.warn({ ip: req.socket.remoteAddress }, 'telegram: webhook request with a wrong secret refused');
    return ok;
  };
  const handler: RouteHandler = async (_req, res, body) => {
    let update: Update;
    try {
      update = JSON.parse(body.toString('utf8')) as Update;
      if (typeof update.update_id !== 'number') throw new Error('no update_id');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (inbox) await inbox.receive([inboxRow(update)]);
    else await bot.handleUpdate(update).catch((error: unknown) => logger.error({ err: error }, 'telegram: update failed'));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  };
  http.route('POST', path, handler, { check });
}
