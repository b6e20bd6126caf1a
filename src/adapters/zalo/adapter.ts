import { pino, type Logger } from 'pino';
import type { Core } from '../../app/core.js';
import type { ZaloConfig } from '../../config.js';
import { SendError, type Adapter, type Capabilities } from '../../delivery.js';
import type { HttpServer } from '../../http.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import type { OutboxItem } from '../../store/outbox.js';
import { ConversationLoop } from '../kit/conversation.js';
import type { InboxReceiver, InboxSource, InboxWork } from '../kit/inbox-worker.js';
import { linkReply } from '../kit/links.js';
import type { LinkMaker } from '../kit/links.js';
import { Pacer, PacerClosedError, type PacingLimits } from '../kit/pacer.js';
import { NoticeRouter } from '../kit/router.js';
import { ZaloBudget, type BudgetLedger } from './budget.js';
import { ZaloApiError, ZaloClient, ZALO_TEXT_LIMIT, type ZaloBotInfo } from './client.js';
import { DEFAULT_BACKOFF, realSleep, toSendError, type Backoff, type Sleep } from './errors.js';
import { chatIdOf, chatKey, commandOf, incomingOf, originOf, type ZaloOrigin } from './incoming.js';
import { ZaloOutbox } from './outbox.js';
import { webhookHandler, webhookSecretOf, ZaloPoller, type PollingOptions } from './receive.js';
import type { ZaloUpdate } from './update.js';

/**
 * What Zalo shows: plain text of 2,000 characters; no buttons, no edits, no files; pictures by
 * public URL only, so only where signed links can be made (`PUBLIC_URL`).
 */
export function zaloCapabilities(links: boolean): Capabilities {
  return {
    images: links,
    files: false,
    buttons: false,
    edits: false,
    textLimit: ZALO_TEXT_LIMIT,
    captionLimit: links ? ZALO_TEXT_LIMIT : 0,
    links,
  };
}

/**
 * Zalo publishes no rate limits for bots: these stay well under anything it could mean (one
 * message every 2 s per chat, 10 a minute per group, 5 a second overall). The monthly budget,
 * not the rate, is what binds on the free plan.
 */
export const ZALO_PACING: PacingLimits = { perChatMs: 2000, groupPerMinute: 10, globalPerSecond: 5 };

/** What the adapter is built from; `main.ts` passes the first eight, tests may pass the rest. */
export interface ZaloAdapterOptions {
  config: ZaloConfig;
  core: Core;
  i18n: I18n;
  /** The instance's HTTP server; required in webhook mode (the route is added to it). */
  http?: HttpServer;
  logger?: Logger;
  router?: NoticeRouter;
  /** Signed links (set when `PUBLIC_URL` is): exports and charts reach Zalo through them. */
  links?: LinkMaker;
  /**
   * The durable inbox: with it each update is stored the moment `getUpdates` returns it (or
   * before the webhook's 200) and handled by the inbox worker (`inboxSource`); replies come
   * back through the outbox (`deliverOutbox`). Without it the conversation loop answers directly.
   */
  inbox?: InboxReceiver;
  /** The month's tally in the store; without it nothing is counted. */
  ledger?: BudgetLedger;
  /** The bot as `getMe` tells it (tests): skips the call. */
  botInfo?: ZaloBotInfo;
  pacing?: Partial<PacingLimits>;
  polling?: PollingOptions;
  backoff?: Partial<Backoff>;
  /** How pauses are waited (tests pass one that does not sleep). */
  sleep?: Sleep;
  now?: () => Date;
  /** Told when Zalo refuses the token: the adapter has stopped. */
  onFatal?: (error: ZaloApiError) => void;
}

/**
 * The bot on Zalo, through our own client (`client.ts`): long polling by default, the webhook
 * route when `ZALO_WEBHOOK_URL` is set. Every message goes through the kit's conversation loop
 * (the ledger key `zalo:<message_id>` answers a repeated message once); the bot's own echoes
 * are dropped; replies are planned by the kit and sent as plain text (`outbox.ts`), counted
 * against the monthly budget (`budget.ts`).
 *
 * ```ts
 * const zalo = new ZaloAdapter({ config: config.zalo, core, i18n, http, logger, router, links, ledger });
 * await zalo.start();
 * ```
 */
export class ZaloAdapter implements Adapter {
  readonly platform = 'zalo' as const;
  readonly capabilities: Capabilities;
  readonly client: ZaloClient;
  private readonly logger: Logger;
  private readonly outbox: ZaloOutbox;
  private readonly pacer: Pacer;
  private readonly loop: ConversationLoop<ZaloOrigin>;
  private readonly stopping = new AbortController();
  private poller?: ZaloPoller;
  private me?: ZaloBotInfo;
  private stopped = false;

  constructor(private readonly options: ZaloAdapterOptions) {
    const { config, core, i18n } = options;
    this.logger = options.logger ?? pino({ name: 'zalo' });
    this.capabilities = zaloCapabilities(Boolean(options.links));
    this.client = new ZaloClient({ token: config.token, apiRoot: config.apiRoot });
    this.me = options.botInfo;
    const router = options.router ?? new NoticeRouter(this.logger).register(this);
    const now = options.now ?? (() => new Date());
    const budget = options.ledger
      ? new ZaloBudget({
          quota: config.monthlyQuota,
          ledger: options.ledger,
          now,
          notify: (notices) => router.deliverAll(notices),
          logger: this.logger,
        })
      : undefined;
    const backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    const sleep = options.sleep ?? realSleep;
    this.outbox = new ZaloOutbox({
      client: this.client,
      i18n,
      capabilities: this.capabilities,
      logger: this.logger,
      links: options.links,
      budget,
      backoff,
      sleep,
      signal: this.stopping.signal,
    });
    this.pacer = new Pacer({ ...ZALO_PACING, ...options.pacing });
    this.loop = new ConversationLoop({
      core,
      router,
      logger: this.logger,
      links: options.links,
      capabilities: this.capabilities,
      send: (origin, locale, reply) => this.answer(origin, locale, reply),
    });
    if (!config.webhookUrl) {
      this.poller = new ZaloPoller({
        client: this.client,
        handle: (update) => this.receive(update),
        logger: this.logger,
        backoff,
        sleep,
        polling: options.polling,
        onFatal: (error) => this.fatal(error),
      });
    }
  }

  /** True until Zalo refused the token or `stop` was called. */
  get running(): boolean {
    return !this.stopped;
  }

  /**
   * Checks the token (`getMe`), then receives: the webhook registered and served on the HTTP
   * server, or long polling (any webhook removed first: Zalo refuses `getUpdates` while one is
   * set). A refused token stops the adapter with a clear log line instead of failing the instance.
   */
  async start(): Promise<void> {
    try {
      this.me ??= await this.client.getMe();
      const { webhookUrl } = this.options.config;
      if (webhookUrl) {
        if (!this.options.http) throw new Error('Zalo webhook mode needs the HTTP server');
        const secret = webhookSecretOf(this.options.config);
        this.options.http.route(
          'POST',
          new URL(webhookUrl).pathname,
          webhookHandler(secret, (update) => this.receive(update), this.logger),
        );
        await this.client.setWebhook(webhookUrl, secret);
      } else {
        if (await this.client.getWebhookInfo()) await this.client.deleteWebhook();
        this.poller!.start();
      }
      this.logger.info({ bot: this.me.accountName, mode: webhookUrl ? 'webhook' : 'polling' }, 'zalo: started');
    } catch (error) {
      if (error instanceof ZaloApiError && error.failure === 'unauthorized') {
        this.logger.fatal(
          { code: error.code },
          'zalo: the Bot API refused the token (401): check ZALO_BOT_TOKEN; the Zalo adapter has stopped',
        );
        this.fatal(error);
        return;
      }
      throw error;
    }
  }

  /** Stops receiving, lets the updates in hand finish, then refuses broadcasts still waiting. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.poller?.stop();
    this.pacer.close();
    this.stopping.abort();
    await this.loop.settled();
    await this.client.close();
  }

  /**
   * Sends a message the core starts itself (reminder, notice), paced per chat and overall and
   * counted against the monthly budget. Throws `SendError` (also for a repeated reminder the
   * budget no longer allows).
   */
  async send(key: string, locale: string, reply: Reply): Promise<void> {
    const chatId = chatIdOf(key);
    if (chatId === undefined) throw new SendError('other', `not a Zalo chat: ${key}`);
    try {
      await this.pacer.enqueue(chatKey(chatId), false, (pace) => this.outbox.sendReply(chatId, locale, reply, { pace }));
    } catch (error) {
      if (error instanceof PacerClosedError) throw new SendError('other', error.message);
      throw toSendError(error);
    }
  }

  /** One update, from the poller or the webhook: into the inbox when there is one, else handled here. */
  async receive(update: ZaloUpdate): Promise<void> {
    if (this.stopped) return;
    if (this.options.inbox) {
      await this.options.inbox.receive([
        { key: `zalo:${update.messageId}`, platform: 'zalo', chatKey: chatKey(update.chat.id), payload: JSON.stringify(update) },
      ]);
      return;
    }
    await this.handle(update);
  }

  /** What a stored update asks for (the inbox worker's reading of it): echoes and chatter are nothing. */
  private work(update: ZaloUpdate): InboxWork | undefined {
    const me = this.me;
    if (update.from.isBot || (me && update.from.id === me.id)) return undefined;
    const asked = commandOf(update, [me?.accountName ?? '', me?.accountName?.replace(/^bot\./, '') ?? '']);
    if (!asked) return undefined;
    const origin = originOf(update);
    if ('hint' in asked) return { kind: 'local', run: () => this.loop.say(origin, this.options.i18n.fallback, asked.hint) };
    return { kind: 'incoming', incoming: incomingOf(update, asked.command, this.client) };
  }

  /** How the inbox worker reads this adapter's stored updates. */
  inboxSource(): InboxSource {
    return { platform: 'zalo', parse: (payload) => this.work(payload as ZaloUpdate) };
  }

  /**
   * Sends one outbox row: a notice like `send`, a reply in its chat or privately to its person,
   * with its files and pictures turned into links first. Throws `SendError`, so the sender retries.
   */
  async deliverOutbox(item: OutboxItem): Promise<void> {
    if (item.kind === 'notice') return this.send(item.chatKey, item.locale, item.reply);
    const to = chatIdOf(item.privateTo ?? item.chatKey);
    if (to === undefined) throw new SendError('other', `not a Zalo chat: ${item.chatKey}`);
    try {
      const reply = await linkReply(item.reply, this.capabilities, this.options.links);
      await this.outbox.sendReply(to, item.locale, reply);
    } catch (error) {
      throw toSendError(error);
    }
  }

  /** One update handled on the conversation loop (no inbox). */
  private async handle(update: ZaloUpdate): Promise<void> {
    const me = this.me;
    if (update.from.isBot || (me && update.from.id === me.id)) return;
    const asked = commandOf(update, [me?.accountName ?? '', me?.accountName?.replace(/^bot\./, '') ?? '']);
    if (!asked) return;
    const origin = originOf(update);
    const locale = this.options.i18n.fallback;
    if ('hint' in asked) return this.loop.say(origin, locale, asked.hint);
    await this.loop.converse(incomingOf(update, asked.command, this.client), origin, locale);
  }

  /** One reply of a conversation: in its chat, or for a private one in a group, to the person. */
  private async answer(origin: ZaloOrigin, locale: string, reply: Reply): Promise<void> {
    const chatId = reply.privately && origin.kind === 'group' ? origin.userId : origin.chatId;
    try {
      await this.outbox.sendReply(chatId, locale, reply);
    } catch (error) {
      this.logger.error({ err: error, chatId }, 'zalo: reply not delivered');
    }
  }

  private fatal(error: ZaloApiError): void {
    this.stopped = true;
    this.options.onFatal?.(error);
  }
}
