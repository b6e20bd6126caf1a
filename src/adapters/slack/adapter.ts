import { App, type webApi } from '@slack/bolt';
import { pino, type Logger } from 'pino';
import type { Core, HandleResult } from '../../app/core.js';
import type { SheetFormReader } from '../../app/sheet-form.js';
import type { SlackConfig } from '../../config.js';
import { SendError, type Adapter, type Capabilities } from '../../delivery.js';
import type { HttpServer, RouteHandler } from '../../http.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import { ConversationLoop } from '../kit/conversation.js';
import { localeFor } from '../kit/locale.js';
import { Pacer, PacerClosedError, type PacingLimits } from '../kit/pacer.js';
import { NoticeRouter } from '../kit/router.js';
import { boltLogger } from './bolt-logger.js';
import { toSendError } from './errors.js';
import { installHandlers, type SheetRequest } from './handlers.js';
import { channelOf, chatKey, type SlackOrigin } from './incoming.js';
import { SlackForms } from './modal.js';
import { Outbox } from './outbox.js';
import { realSleep, type Sleep } from './rate-limit.js';
import { SlackReceiver } from './receive.js';
import type { SlackInbox } from './inbox-rows.js';
import { SlackUsers } from './users.js';

/**
 * What Slack shows: pictures and files (shared by upload), buttons, edits; a message's text is
 * packed in sections of 3,000 characters, at most 40,000 a message (its `text` limit); a
 * file's comment is kept to one section.
 */
export const SLACK_CAPABILITIES: Capabilities = {
  images: true,
  files: true,
  buttons: true,
  edits: true,
  textLimit: 40_000,
  captionLimit: 3000,
};

/** `chat.postMessage`: about 1 message/s per channel, bursts allowed; the workspace cap is kept well under. */
const SLACK_PACING: PacingLimits = { perChatMs: 1000, groupPerMinute: 60, globalPerSecond: 10 };

/** The keys of the replies shown only to the person who asked (errors, usage). */
const PERSONAL = /^(error-|usage-|kit-error)/;

/** What the adapter is built from; `main.ts` passes the first six, tests may pass the rest. */
export interface SlackAdapterOptions {
  config: SlackConfig;
  core: Core;
  i18n: I18n;
  /** The instance's HTTP server; required over HTTP (the route is added to it). */
  http?: HttpServer;
  logger?: Logger;
  router?: NoticeRouter;
  /** The bot's user and bot ids, when known: skips `auth.test` (tests). */
  botUserId?: string;
  botId?: string;
  pacing?: Partial<PacingLimits>;
  /** How many times a failed Web API call (network, 5xx) is retried (default 5). */
  retries?: number;
  /** The longest `Retry-After` waited out (seconds, default 300); a longer one fails the send as rate-limited. */
  maxRetryAfterSeconds?: number;
  /** How the adapter waits out a 429 (tests pass one that does not sleep). */
  sleep?: Sleep;
  /** Reads a unit's sheet for the score-sheet modal (the app's use case, wired in `main.ts`); without it there are no modals. */
  readSheet?: SheetFormReader;
  /**
   * The durable inbox: with it, slash commands, mentions, button presses and membership events
   * are stored before Slack is acknowledged and handled by the inbox worker (`inboxSource`).
   */
  inbox?: SlackInbox;
  /** The clock of the signature check (tests). */
  now?: () => number;
}

/**
 * The bot on Slack, through Bolt: one slash command (`/thidua <sub-command>`), messages that
 * start by mentioning the bot, buttons and modals, all at `POST /slack/events` on the
 * instance's HTTP server (signatures checked) or through Socket Mode; every request is
 * acknowledged first and handled after, through the kit's conversation loop; replies are Block
 * Kit mrkdwn, files shared by the three-step upload.
 *
 * ```ts
 * const slack = new SlackAdapter({ config: config.slack, core, i18n, http, logger, router });
 * await slack.start();
 * ```
 */
export class SlackAdapter implements Adapter {
  readonly platform = 'slack' as const;
  readonly capabilities = SLACK_CAPABILITIES;
  readonly app: App;
  readonly receiver: SlackReceiver;
  readonly loop: ConversationLoop<SlackOrigin>;
  private readonly logger: Logger;
  private readonly outbox: Outbox;
  private readonly pacer: Pacer;
  private readonly users: SlackUsers;
  private botUserId?: string;

  constructor(private readonly options: SlackAdapterOptions) {
    const { config, core, i18n } = options;
    this.logger = options.logger ?? pino({ name: 'slack' });
    this.botUserId = options.botUserId;
    const slackLogger = boltLogger(this.logger);
    this.receiver = new SlackReceiver({
      logger: this.logger,
      boltLogger: slackLogger,
      signingSecret: config.signingSecret,
      http: options.http,
      appToken: config.appToken,
      apiUrl: config.apiUrl,
      now: options.now,
      inbox: options.inbox,
      botUserId: () => this.botUserId ?? '',
    });
    this.app = new App({
      token: config.botToken,
      receiver: this.receiver,
      logger: slackLogger,
      tokenVerificationEnabled: false,
      ...(options.botUserId ? { botUserId: options.botUserId } : {}),
      ...(options.botId ? { botId: options.botId } : {}),
      clientOptions: {
        ...(config.apiUrl ? { slackApiUrl: apiRoot(config.apiUrl) } : {}),
        retryConfig: { retries: options.retries ?? 5, factor: 2, minTimeout: 200, maxTimeout: 5000 },
        // 429s are waited out by the adapter (`rate-limit.ts`), with its clock and its ceiling.
        rejectRateLimitedCalls: true,
      },
    });
    const limits = { maxSeconds: options.maxRetryAfterSeconds ?? 300, sleep: options.sleep ?? realSleep };
    this.users = new SlackUsers(this.client, this.logger, limits);
    this.outbox = new Outbox(this.client, i18n, this.capabilities, this.logger, limits);
    this.pacer = new Pacer({ ...SLACK_PACING, ...options.pacing });
    const router = options.router ?? new NoticeRouter(this.logger).register(this);
    this.loop = new ConversationLoop({
      core,
      router,
      logger: this.logger,
      send: (origin, locale, reply) => this.answer(origin, locale, reply),
    });
    const forms = options.readSheet
      ? new SlackForms({ core, i18n, loop: this.loop, users: this.users, logger: this.logger, readSheet: options.readSheet })
      : undefined;
    installHandlers(this.app, {
      core,
      loop: this.loop,
      users: this.users,
      logger: this.logger,
      fallback: i18n.fallback,
      command: config.command,
      botUserId: () => this.botUserId ?? '',
      token: config.botToken,
      joined: (team, channel, updateId, inviter) => this.joined(team, channel, updateId, inviter),
      left: (team, channel, updateId) => this.left(team, channel, updateId),
      ...(forms ? { form: (form: 'sheet' | 'criteria', request: SheetRequest) => forms.open(form, request, this.client) } : {}),
    });
    forms?.install(this.app);
  }

  /** The Web API client (the fake's tests and the modal call it too). */
  get client(): webApi.WebClient {
    return this.app.client;
  }

  /**
   * How the inbox worker reads this adapter's stored requests: each is replayed through Bolt
   * (acknowledged already), whose listeners hand it to the core with its ledger key.
   */
  inboxSource(): { platform: 'slack'; parse(payload: unknown): { kind: 'local'; run: () => Promise<void> } | undefined } {
    return {
      platform: 'slack',
      parse: (payload) =>
        payload && typeof payload === 'object'
          ? { kind: 'local', run: () => this.receiver.replay(payload as Record<string, unknown>) }
          : undefined,
    };
  }

  /** The signed-request route, for a server other than the instance's (the bench). */
  httpHandler(): RouteHandler {
    if (!this.options.config.signingSecret) throw new Error('no signing secret');
    return this.receiver.handler(this.options.config.signingSecret);
  }

  async start(): Promise<void> {
    if (!this.botUserId) {
      const me = await this.client.auth.test();
      this.botUserId = me.user_id;
    }
    await this.app.start();
    this.logger.info({ mode: this.options.config.appToken ? 'socket' : 'http', command: this.options.config.command }, 'slack: started');
  }

  /** Stops receiving, lets the requests in hand finish, then refuses broadcasts still waiting. */
  async stop(): Promise<void> {
    await this.app.stop().catch(() => undefined);
    this.pacer.close();
    await this.loop.settled();
  }

  /** Sends a message the core starts itself (reminder, notice), paced per channel and overall. Throws `SendError`. */
  async send(key: string, locale: string, reply: Reply): Promise<void> {
    const target = channelOf(key);
    if (!target) throw new SendError('other', `not a Slack channel: ${key}`);
    try {
      await this.pacer.enqueue(key, !target.channel.startsWith('D'), (pace) =>
        this.outbox.sendReply(locale, reply, { channel: target.channel, pace }),
      );
    } catch (error) {
      if (error instanceof PacerClosedError) throw new SendError('other', error.message);
      throw toSendError(error);
    }
  }

  /**
   * Sends one outbox row (the sender's call): a notice like `send`; a reply in its channel, or
   * shown only to its person (`privateTo`, ephemeral). Throws `SendError`, so the sender retries.
   */
  async deliverOutbox(item: {
    chatKey: string;
    locale: string;
    reply: Reply;
    kind: 'reply' | 'notice';
    privateTo?: string;
  }): Promise<void> {
    if (item.kind === 'notice') return this.send(item.chatKey, item.locale, item.reply);
    const target = channelOf(item.chatKey);
    if (!target) throw new SendError('other', `not a Slack channel: ${item.chatKey}`);
    const user = item.privateTo?.split(':')[2];
    try {
      await this.outbox.sendReply(item.locale, item.reply, { channel: target.channel, ...(user ? { ephemeralTo: user } : {}) });
    } catch (error) {
      throw toSendError(error);
    }
  }

  /** Resolves when every request received and every notice handed out so far is done (tests). */
  async settled(): Promise<void> {
    await this.receiver.settled();
    await this.loop.settled();
  }

  /** One reply of a conversation: in the channel, or only to the person (private things, errors). */
  private async answer(origin: SlackOrigin, locale: string, reply: Reply): Promise<void> {
    if (this.options.readSheet && reply.text?.[0]?.key === 'mine-header') {
      // Under a person's own sheet, the button that opens it as a form.
      reply = { ...reply, buttons: [...(reply.buttons ?? []), [{ label: { key: 'slack-sheet-button' }, data: '/sheet' }]] };
    }
    const personal = origin.kind === 'group' && (reply.privately || PERSONAL.test(reply.text?.[0]?.key ?? ''));
    try {
      await this.outbox.sendReply(locale, reply, {
        channel: origin.channel,
        ...(personal ? { ephemeralTo: origin.user } : {}),
        ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
      });
    } catch (error) {
      this.logger.error({ err: error, channel: origin.channel, code: toSendError(error).message }, 'slack: reply not delivered');
    }
  }

  /** The bot joined a channel: the core records it and greets; the greeting gets Slack's advice. */
  private async joined(team: string, channel: string, updateId: string, inviter?: string): Promise<void> {
    let languageCode: string | undefined;
    if (inviter) languageCode = (await this.users.get(team, inviter)).languageCode;
    const result = await this.chatEvent({ type: 'bot-added', chatKey: chatKey(team, channel), updateId, languageCode });
    if (!result || result.duplicate) return;
    const args = { command: this.options.config.command, bot: `@${(await this.botName()) ?? 'thidua'}` };
    const replies: Reply[] = [...result.replies, { text: [{ key: 'slack-intro', args }] }];
    const origin: SlackOrigin = { team, channel, user: inviter ?? '', kind: 'group' };
    await this.loop.deliver({ ...result, locale: result.locale || localeFor(languageCode, this.options.i18n.fallback), replies }, origin);
  }

  private async left(team: string, channel: string, updateId: string): Promise<void> {
    const result = await this.chatEvent({ type: 'bot-removed', chatKey: chatKey(team, channel), updateId });
    if (result) await this.loop.deliver(result, undefined);
  }

  private async botName(): Promise<string | undefined> {
    if (!this.botUserId) return undefined;
    return (await this.users.get('', this.botUserId)).username;
  }

  private async chatEvent(event: Parameters<Core['chatEvent']>[0]): Promise<HandleResult | undefined> {
    try {
      return await this.options.core.chatEvent(event);
    } catch (error) {
      this.logger.error({ err: error, event }, 'slack: chat event failed');
      return undefined;
    }
  }
}

/** The Web API root with its trailing slash, as the client joins method names to it. */
function apiRoot(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
