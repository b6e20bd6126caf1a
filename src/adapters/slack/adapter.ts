import { App, type webApi } from '@slack/bolt';
import { pino, type Logger } from 'pino';
import type { Core, HandleResult } from '../../app/core.js';
import type { SheetFormReader } from '../../app/sheet-form.js';
import type { SlackConfig } from '../../config.js';
import { SendError, type Adapter, type Capabilities } from '../../delivery.js';
import type { HttpServer, RouteHandler } from '../../http.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import type { OutboxItem } from '../../store/outbox.js';
import { ConversationLoop } from '../kit/conversation.js';
import type { InboxSource } from '../kit/inbox-worker.js';
import { linkReply } from '../kit/links.js';
import { localeFor } from '../kit/locale.js';
import { Pacer, PacerClosedError, type PacingLimits } from '../kit/pacer.js';
import { NoticeRouter } from '../kit/router.js';
import { boltLogger } from './bolt-logger.js';
import { toSendError } from './errors.js';
import { installHandlers, type SheetRequest } from './handlers.js';
import { channelOf, chatKey, type SlackOrigin } from './incoming.js';
import { readSlackRequest } from './inbox-parse.js';
import { SlackForms } from './modal.js';
import { Outbox } from './outbox.js';
import { realSleep, type Sleep } from './rate-limit.js';
import { SlackReceiver } from './receive.js';
import type { SlackInbox } from './inbox-rows.js';
import { originOfRow, whereTo } from './placement.js';
import { incomingOfAsk, originOf } from './requests.js';
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
   * are stored before Slack is acknowledged and handled by the inbox worker (`inboxSource`),
   * and their answers go out through the outbox (`deliverOutbox`). Modal submissions stay
   * synchronous (Slack waits for their field errors).
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
  private readonly forms?: SlackForms;
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
    const forms = (this.forms = options.readSheet
      ? new SlackForms({ core, i18n, loop: this.loop, users: this.users, logger: this.logger, readSheet: options.readSheet })
      : undefined);
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
   * How the inbox worker reads this adapter's stored requests (`inbox-parse.ts`): commands and
   * button presses go to the core with their answers committed to the outbox, placed as Bolt's
   * listeners would answer them; membership changes are chat events.
   */
  inboxSource(): InboxSource {
    const { config, i18n } = this.options;
    const forms = this.forms;
    return {
      platform: 'slack',
      parse: (payload) =>
        payload && typeof payload === 'object'
          ? readSlackRequest(payload as Record<string, unknown>, {
              botUserId: () => this.botUserId ?? '',
              command: config.command,
              incoming: async (ask) =>
                incomingOfAsk(ask, await this.users.get(ask.team, ask.user), {
                  botUserId: this.botUserId ?? '',
                  token: config.botToken,
                  fallback: i18n.fallback,
                }),
              languageOf: async (team, user) => (await this.users.get(team, user)).languageCode,
              ...(forms
                ? {
                    // A trigger lasts about 3 s: a modal that could not be opened is not tried again.
                    form: async (form, ask, incoming, locale) => {
                      const request = { triggerId: ask.triggerId, origin: originOf(ask), incoming, locale };
                      await forms.open(form, request, this.client).catch((error: unknown) => {
                        this.logger.warn({ err: error, form, channel: ask.channel }, 'slack: modal not opened');
                      });
                    },
                  }
                : {}),
            })
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
   * Sends one outbox row (the sender's call): a notice like `send`; a reply where its placement
   * says, as a conversation's reply goes (`answer`): in its channel or direct message, in its
   * thread, shown only to its person (ephemeral) when private, an error or usage; the greeting
   * of a channel the bot joined followed by its intro. Throws `SendError`, so the sender retries.
   */
  async deliverOutbox(item: OutboxItem): Promise<void> {
    if (item.kind === 'notice') return this.send(item.chatKey, item.locale, item.reply);
    const row = originOfRow(item.chatKey, item.placement);
    if (!row) throw new SendError('other', `not a Slack channel: ${item.chatKey}`);
    try {
      let reply = await linkReply(item.reply, this.capabilities, undefined);
      if (row.intro) reply = await this.withIntro(reply);
      await this.outbox.sendReply(item.locale, this.decorated(reply), whereTo(row.origin, reply, item.privateTo));
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
    try {
      await this.outbox.sendReply(locale, this.decorated(reply), whereTo(origin, reply));
    } catch (error) {
      this.logger.error({ err: error, channel: origin.channel, code: toSendError(error).message }, 'slack: reply not delivered');
    }
  }

  /** A reply with what Slack adds: under a person's own sheet, the button that opens it as a form. */
  private decorated(reply: Reply): Reply {
    if (!this.options.readSheet || reply.text?.[0]?.key !== 'mine-header') return reply;
    return { ...reply, buttons: [...(reply.buttons ?? []), [{ label: { key: 'slack-sheet-button' }, data: '/sheet' }]] };
  }

  /** The core's greeting of a channel the bot joined, with Slack's advice (how commands reach the bot). */
  private async withIntro(reply: Reply): Promise<Reply> {
    const args = { command: this.options.config.command, bot: `@${(await this.botName()) ?? 'thidua'}` };
    return { ...reply, text: [...(reply.text ?? []), { key: 'slack-intro', args }] };
  }

  /** The bot joined a channel: the core records it and greets; the greeting gets Slack's advice. */
  private async joined(team: string, channel: string, updateId: string, inviter?: string): Promise<void> {
    let languageCode: string | undefined;
    if (inviter) languageCode = (await this.users.get(team, inviter)).languageCode;
    const result = await this.chatEvent({ type: 'bot-added', chatKey: chatKey(team, channel), updateId, languageCode });
    if (!result || result.duplicate) return;
    const [first, ...rest] = result.replies;
    const replies: Reply[] = [await this.withIntro(first ?? {}), ...rest];
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
