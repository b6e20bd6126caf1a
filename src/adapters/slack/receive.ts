import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Logger as SlackLogger, Receiver, ReceiverEvent } from '@slack/bolt';
import { isValidSlackRequest, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { HttpServer, RouteHandler } from '../../http.js';
import { inboxRowOf, type SlackInbox } from './inbox-rows.js';

/** Slack gives an app 3 s to acknowledge; the receiver acknowledges itself a little before. */
const ACK_DEADLINE_MS = 2500;
/** Slack's requests are small; anything larger is not Slack's. */
export const BODY_LIMIT = 1024 * 1024;
/** A signed request older (or newer) than this is refused: a replay. */
const MAX_SKEW_MS = 5 * 60 * 1000;

/** The route Slack posts slash commands, events and interactivity to. */
export const EVENTS_PATH = '/slack/events';

/** What one Slack request carries once its envelope is opened. */
export interface SlackRequest {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

/**
 * True when a request is Slack's: `x-slack-signature` is `v0=` + the HMAC-SHA256 of
 * `v0:{timestamp}:{raw body}` under the signing secret, and the timestamp is within 5 minutes
 * of `nowMs`. Pure: time is passed in.
 */
export function signatureValid(secret: string, headers: IncomingMessage['headers'], rawBody: string, nowMs: number): boolean {
  const signature = headers['x-slack-signature'];
  const timestamp = Number(headers['x-slack-request-timestamp']);
  if (typeof signature !== 'string' || !Number.isFinite(timestamp) || Math.abs(nowMs - timestamp * 1000) > MAX_SKEW_MS) return false;
  return isValidSlackRequest({
    signingSecret: secret,
    body: rawBody,
    headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    nowMilliseconds: nowMs,
  });
}

/**
 * Opens a request body as Slack sends it: slash commands as form fields, interactivity as a
 * form field `payload` holding JSON, events as JSON. `undefined` when it is none of these.
 */
export function parseBody(contentType: string | undefined, raw: string): Record<string, unknown> | undefined {
  try {
    if (contentType?.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(raw);
      const payload = form.get('payload');
      if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
      return Object.fromEntries(form);
    }
    const parsed: unknown = JSON.parse(raw);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Hands one opened request to Bolt; `ack` answers Slack (once). */
type Dispatch = (request: SlackRequest, ack: (response?: unknown) => void) => Promise<void>;

/**
 * Bolt's receiver for both ways Slack talks to an app. Over HTTP (`POST /slack/events` on the
 * instance's HTTP server): every request's signature is checked first (401, nothing processed),
 * the body opened, the URL check answered, then the request goes to Bolt, whose listeners ack
 * before they work; whatever a listener does not ack in 2.5 s is acked empty, so Slack never
 * sees a timeout. Over Socket Mode (`SLACK_APP_TOKEN`): `@slack/socket-mode` opens the
 * connection and envelopes are acked the same way.
 */
export class SlackReceiver implements Receiver {
  private app?: App;
  private socket?: SocketModeReceiver['client'];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly options: {
      logger: Logger;
      boltLogger?: SlackLogger;
      signingSecret?: string;
      http?: HttpServer;
      appToken?: string;
      apiUrl?: string;
      now?: () => number;
      /** The durable inbox: requests it takes are stored before they are acknowledged, and handled by its worker. */
      inbox?: SlackInbox;
      botUserId?: () => string;
    },
  ) {}

  /**
   * Stores a request in the inbox when it takes it; true when stored (the caller then only
   * acknowledges). Modal submissions and requests without a row go to Bolt at once.
   */
  private async stored(body: Record<string, unknown>): Promise<boolean> {
    const { inbox, botUserId } = this.options;
    const row = inbox && inboxRowOf(body, botUserId?.() ?? '');
    if (!inbox || !row) return false;
    await inbox.receive([row]);
    return true;
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {
    const { appToken, http, signingSecret, apiUrl } = this.options;
    if (appToken) {
      // Bolt's own Socket Mode receiver only lends its client: envelopes go through `dispatch` like HTTP requests.
      this.socket = new SocketModeReceiver({
        appToken,
        installerOptions: { clientOptions: apiUrl ? { slackApiUrl: apiUrl } : {} },
        logger: this.options.boltLogger,
      }).client;
      this.socket.on(
        'slack_event',
        ({
          ack,
          body,
          retry_num,
          retry_reason,
        }: {
          ack: (r?: unknown) => Promise<void>;
          body: Record<string, unknown>;
          retry_num?: number;
          retry_reason?: string;
        }) => {
          let acked = false;
          const once = (response?: unknown) => {
            if (acked) return;
            acked = true;
            void ack(response as Record<string, unknown> | undefined).catch((error: unknown) =>
              this.options.logger.warn({ err: error }, 'slack: socket ack failed'),
            );
          };
          const work = this.stored(body).then(
            (stored) => (stored ? once() : this.dispatch({ body, retryNum: retry_num, retryReason: retry_reason }, once)),
            // Not stored: not acknowledged, so Slack sends the envelope again.
            (error: unknown) => this.options.logger.error({ err: error }, 'slack: request not stored in the inbox'),
          );
          this.track(work);
        },
      );
      await this.socket.start();
      return;
    }
    if (!http) throw new Error('Slack over HTTP needs the HTTP server');
    if (!signingSecret) throw new Error('Slack over HTTP needs SLACK_SIGNING_SECRET');
    http.route('POST', EVENTS_PATH, this.handler(signingSecret));
  }

  async stop(): Promise<void> {
    await this.socket?.disconnect().catch(() => undefined);
    this.socket = undefined;
    await this.settled();
  }

  /** Resolves when every request received so far has been handled. */
  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  /** The HTTP route (exported for the bench and tests through `SlackAdapter.httpHandler`). */
  handler(secret: string): RouteHandler {
    return async (req, res, body) => {
      const now = (this.options.now ?? Date.now)();
      if (body.length > BODY_LIMIT) return void res.writeHead(413).end();
      const raw = body.toString('utf8');
      if (!signatureValid(secret, req.headers, raw, now)) {
        this.options.logger.warn({ ip: req.socket.remoteAddress }, 'slack: request with a bad or stale signature refused');
        return void res.writeHead(401, { 'content-type': 'text/plain' }).end('invalid signature');
      }
      const parsed = parseBody(req.headers['content-type'], raw);
      if (!parsed) return void res.writeHead(400).end();
      if (parsed.type === 'url_verification') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge: parsed.challenge }));
      }
      try {
        // Stored before the 200: a failed store is a 500, and Slack sends the request again.
        if (await this.stored(parsed)) return void res.writeHead(200).end();
      } catch (error) {
        this.options.logger.error({ err: error }, 'slack: request not stored in the inbox');
        return void res.writeHead(500).end();
      }
      const retry = req.headers['x-slack-retry-num'];
      const reason = req.headers['x-slack-retry-reason'];
      await new Promise<void>((resolve) => {
        const once = (response?: unknown) => {
          if (res.headersSent) return;
          answer(res, response);
          resolve();
        };
        this.track(
          this.dispatch(
            { body: parsed, retryNum: retry ? Number(retry) : undefined, retryReason: typeof reason === 'string' ? reason : undefined },
            once,
          ).finally(() => once()),
        );
      });
    };
  }

  private dispatch: Dispatch = async (request, ack) => {
    const timer = setTimeout(() => ack(), ACK_DEADLINE_MS);
    timer.unref?.();
    const event: ReceiverEvent = {
      body: request.body,
      retryNum: request.retryNum,
      retryReason: request.retryReason,
      ack: async (response?: unknown) => {
        clearTimeout(timer);
        ack(response);
      },
    };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      this.options.logger.error({ err: error }, 'slack: request failed');
    } finally {
      clearTimeout(timer);
      ack();
    }
  };

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }
}

/** Slack's acknowledgement: 200, with the listener's response (modal errors) as JSON when there is one. */
function answer(res: ServerResponse, response: unknown): void {
  if (response === undefined || response === null || response === '') res.writeHead(200).end();
  else if (typeof response === 'string') res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(response);
  else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(response));
}
