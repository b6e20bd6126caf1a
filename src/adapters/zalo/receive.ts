import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { ZaloConfig } from '../../config.js';
import type { RouteHandler } from '../../http.js';
import { secretMatches } from '../kit/webhook-secret.js';
import { ZaloApiError, type ZaloClient } from './client.js';
import { pauseBefore, type Backoff, type Sleep } from './errors.js';
import { parseZaloUpdate, type ZaloUpdate } from './update.js';

/**
 * How updates reach the adapter: long polling (one poller per token, one update per call) or
 * the webhook route. Both hand each update to `handle` as soon as it is in hand: Zalo consumes
 * an update when it returns it, so nothing else comes first.
 */
export type UpdateHandler = (update: ZaloUpdate) => Promise<void>;

/**
 * The secret Zalo sends with every webhook delivery (`X-Bot-Api-Secret-Token`):
 * `ZALO_WEBHOOK_SECRET`, or one derived from the token (the same on every instance,
 * unguessable without the token, 43 characters: within Zalo's 8 to 256).
 */
export function webhookSecretOf(config: Pick<ZaloConfig, 'token' | 'webhookSecret'>): string {
  return config.webhookSecret ?? createHash('sha256').update(`zalo-webhook:${config.token}`).digest('base64url');
}

/**
 * The webhook route: a delivery without the right secret gets `401` and is not read; a body
 * that is not JSON gets `400`; an update is handled before `200` is answered (so a delivery an
 * instance dies on is not acknowledged). A body over the HTTP server's limit never gets here (413).
 */
export function webhookHandler(secret: string, handle: UpdateHandler, logger: Logger): RouteHandler {
  return async (req, res, body) => {
    if (!secretMatches(req.headers['x-bot-api-secret-token'], secret)) {
      logger.warn({ ip: req.socket.remoteAddress }, 'zalo: webhook request with a wrong secret refused');
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"ok":false}');
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      res.writeHead(400).end();
      return;
    }
    const update = parseZaloUpdate(payload);
    if (update) {
      try {
        await handle(update);
      } catch (error) {
        // Not stored (the inbox's database failed): not acknowledged, so Zalo may deliver it again.
        logger.error({ err: error, messageId: update.messageId }, 'zalo: update not stored');
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"ok":false}');
        return;
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  };
}

/** Long polling settings: seconds a `getUpdates` waits (30) and the pause after a failure. */
export interface PollingOptions {
  timeoutSeconds?: number;
}

/**
 * Long polling: one loop per token calling `getUpdates` one update at a time. An update is
 * handed over at once (its chat's updates in order, chats in parallel); an idle poll (408)
 * polls again; 429, 5xx and network errors pause with a bounded backoff; a 401 stops the loop
 * for good with a clear log line (the token is wrong or revoked) and calls `onFatal`.
 */
export class ZaloPoller {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly abort = new AbortController();
  private loop?: Promise<void>;

  constructor(
    private readonly deps: {
      client: ZaloClient;
      handle: UpdateHandler;
      logger: Logger;
      backoff: Backoff;
      sleep: Sleep;
      polling?: PollingOptions;
      onFatal?: (error: ZaloApiError) => void;
    },
  ) {}

  /** True while the loop runs. */
  get running(): boolean {
    return this.loop !== undefined && !this.abort.signal.aborted;
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops polling and waits for the updates in hand to be handled. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.loop;
    await Promise.allSettled([...this.chains.values()]);
  }

  private async run(): Promise<void> {
    const { client, logger, backoff, sleep } = this.deps;
    const signal = this.abort.signal;
    let failures = 0;
    while (!signal.aborted) {
      try {
        const update = await client.getUpdates({ timeoutSeconds: this.deps.polling?.timeoutSeconds ?? 30, signal });
        failures = 0;
        if (update) this.dispatch(update);
      } catch (error) {
        if (signal.aborted) break;
        if (error instanceof ZaloApiError && error.failure === 'unauthorized') {
          logger.fatal(
            { code: error.code },
            'zalo: the Bot API refused the token (401): check ZALO_BOT_TOKEN; the Zalo adapter has stopped receiving',
          );
          this.abort.abort();
          this.deps.onFatal?.(error);
          break;
        }
        failures++;
        const ms = pauseBefore(backoff, failures);
        logger.warn({ err: error, failures, ms }, 'zalo: getUpdates failed, pausing');
        await sleep(ms, signal).catch(() => undefined);
      }
    }
  }

  /** Hands an update over behind the earlier ones of its chat. */
  private dispatch(update: ZaloUpdate): void {
    const key = update.chat.id;
    const next = (this.chains.get(key) ?? Promise.resolve())
      .then(() => this.deps.handle(update))
      .catch((error: unknown) => this.deps.logger.error({ err: error, messageId: update.messageId }, 'zalo: update failed'));
    this.chains.set(key, next);
    void next.finally(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }
}
