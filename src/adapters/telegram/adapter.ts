import { autoRetry } from '@grammyjs/auto-retry';
import type { RunnerHandle } from '@grammyjs/runner';
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { pino, type Logger } from 'pino';
import type { Update } from 'grammy/types';
import type { Core } from '../../app/core.js';
import type { TelegramConfig } from '../../config.js';
import { SendError, type Adapter, type Capabilities } from '../../delivery.js';
import type { HttpServer } from '../../http.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import type { OutboxItem } from '../../store/outbox.js';
import { ConversationLoop } from '../kit/conversation.js';
import type { LinkMaker } from '../kit/links.js';
import type { InboxReceiver, InboxSource } from '../kit/inbox-worker.js';
import { Pacer, PacerClosedError, type PacingLimits } from '../kit/pacer.js';
import { NoticeRouter } from '../kit/router.js';
import { ChatEvents } from './chat-events.js';
import { menuCommands } from './commands.js';
import { cannotWritePrivately, migratedTo, toSendError } from './errors.js';
import { chatIdOf, chatKey, type TelegramOrigin } from './incoming.js';
import { attachmentsOf } from './files.js';
import { readTelegramUpdate, type TelegramPlacement } from './inbox-parse.js';
import { Outbox } from './outbox.js';
import { TelegramPoller } from './poller.js';
import {
  ALLOWED_UPDATES,
  registerWebhook,
  serveWebhook,
  startLongPolling,
  stopLongPolling,
  webhookSecretOf,
  type PollingOptions,
} from './receive.js';
import { incomingOf, installUpdates } from './updates.js';

/** What Telegram shows: everything; 4,096 characters a message, 1,024 a caption. */
export const TELEGRAM_CAPABILITIES: Capabilities = {
  images: true,
  files: true,
  buttons: true,
  edits: true,
  textLimit: 4096,
  captionLimit: 1024,
};

/** Telegram publishes no exact figures (about 1/s per chat, 20/min per group, 30/s overall); these stay under them. */
const TELEGRAM_PACING: PacingLimits = { perChatMs: 1000, groupPerMinute: 20, globalPerSecond: 25 };

/** What the adapter is built from; `main.ts` passes the first six, tests may pass the rest. */
export interface TelegramAdapterOptions {
  config: TelegramConfig;
  core: Core;
  i18n: I18n;
  /** The instance's HTTP server; required in webhook mode (the route is added to it). */
  http?: HttpServer;
  logger?: Logger;
  /** The one router of the instance: notices of this adapter's conversations go through it. Without it, only Telegram chats are reached. */
  router?: NoticeRouter;
  /** Signed links (when `PUBLIC_URL` is set): `/export link` answers with one. */
  links?: LinkMaker;
  /** The bot's own user, when known: skips `getMe` (tests). */
  botInfo?: UserFromGetMe;
  /** Broadcast pacing; defaults stay under Telegram's limits. */
  pacing?: Partial<PacingLimits>;
  polling?: PollingOptions;
  /** The longest `retry_after` auto-retry waits out before giving up (seconds, default 300). */
  maxRetryAfterSeconds?: number;
  /**
   * The durable inbox: with it, updates are stored before Telegram is told they arrived (our
   * own poller, or the webhook's 200) and handled by the inbox worker (`inboxSource`), and the
   * answers go out through the outbox (`deliverOutbox`). Without it, the runner handles them.
   */
  inbox?: InboxReceiver;
}

/**
 * The bot on Telegram, through grammY: long polling with `@grammyjs/runner` or a webhook on the
 * instance's HTTP server (`receive.ts`); every command, button press and membership change goes
 * through the kit's conversation loop, and replies are rendered as Telegram HTML (`outbox.ts`).
 *
 * ```ts
 * const telegram = new TelegramAdapter({ config: config.telegram, core, i18n, http, logger, router });
 * await telegram.start();
 * await telegram.send('telegram:-1001234', 'vi', { text: [{ key: 'reminder-deadline', args }] });
 * ```
 */
export class TelegramAdapter implements Adapter {
  readonly platform = 'telegram' as const;
  readonly capabilities = TELEGRAM_CAPABILITIES;
  /** The grammY bot (its `api` is what tests and tools may call). */
  readonly bot: Bot;
  private readonly logger: Logger;
  private readonly outbox: Outbox;
  private readonly pacer: Pacer;
  private readonly loop: ConversationLoop<TelegramOrigin>;
  private readonly events: ChatEvents;
  private runner?: RunnerHandle;
  private poller?: TelegramPoller;
  private lastUpdateId?: number;
  private readonly fileRoot: string;

  constructor(private readonly options: TelegramAdapterOptions) {
    const { config, core, i18n, botInfo } = options;
    this.logger = options.logger ?? pino({ name: 'telegram' });
    const apiRoot = (config.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
    this.bot = new Bot(config.token, { client: { apiRoot }, botInfo });
    this.bot.api.config.use(autoRetry({ maxDelaySeconds: options.maxRetryAfterSeconds ?? 300, maxRetryAttempts: 10 }));
    this.bot.api.config.use(async (prev, method, payload, signal) => {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (method === 'getUpdates' && !signal?.aborted) this.logger.warn({ err: error }, 'telegram: getUpdates failed, retrying');
        throw error;
      }
    });
    this.outbox = new Outbox(this.bot.api, i18n, this.capabilities, this.logger);
    this.pacer = new Pacer({ ...TELEGRAM_PACING, ...options.pacing });
    const router = options.router ?? new NoticeRouter(this.logger).register(this);
    this.loop = new ConversationLoop({
      core,
      router,
      logger: this.logger,
      links: options.links,
      capabilities: this.capabilities,
      send: (origin, locale, reply, quote) => this.answer(origin, locale, reply, quote),
    });
    const me = () => this.bot.botInfo;
    this.fileRoot = `${apiRoot}/file/bot${config.token}`;
    this.events = new ChatEvents({ core, loop: this.loop, logger: this.logger, fallback: i18n.fallback, me });
    installUpdates(this.bot, {
      loop: this.loop,
      events: this.events,
      logger: this.logger,
      fallback: i18n.fallback,
      api: this.bot.api,
      fileRoot: this.fileRoot,
      me,
      seen: (id) => (this.lastUpdateId = Math.max(this.lastUpdateId ?? 0, id)),
    });
  }

  /** Starts receiving: the webhook route when a webhook URL is configured, else long polling. */
  async start(): Promise<void> {
    await this.bot.init();
    const { webhookUrl } = this.options.config;
    if (webhookUrl) {
      if (!this.options.http) throw new Error('Telegram webhook mode needs the HTTP server');
      const secret = webhookSecretOf(this.options.config);
      serveWebhook(this.options.http, new URL(webhookUrl).pathname, {
        bot: this.bot,
        secret,
        logger: this.logger,
        inbox: this.options.inbox,
      });
      await registerWebhook(this.bot, webhookUrl, secret);
    } else if (this.options.inbox) {
      await this.bot.api.deleteWebhook();
      const { timeoutSeconds } = this.options.polling ?? {};
      this.poller = new TelegramPoller({
        api: this.bot.api,
        inbox: this.options.inbox,
        allowedUpdates: ALLOWED_UPDATES,
        timeoutSeconds,
        logger: this.logger,
      });
      this.poller.start();
    } else {
      this.runner = await startLongPolling(this.bot, this.options.polling ?? {}, this.logger);
    }
    await this.setCommands();
    this.logger.info({ bot: this.bot.botInfo.username, mode: webhookUrl ? 'webhook' : 'polling' }, 'telegram: started');
  }

  /**
   * Stops receiving and lets the updates in hand finish, acknowledges them (so a clean restart
   * does not get them again), then refuses broadcasts still waiting for their slot and waits
   * for messages already being sent.
   */
  async stop(): Promise<void> {
    await this.poller?.stop();
    this.poller = undefined;
    const runner = this.runner;
    this.runner = undefined;
    if (runner) await stopLongPolling(this.bot, runner, this.lastUpdateId);
    this.pacer.close();
    await this.loop.settled();
  }

  /**
   * Sends a message the core starts itself (reminder, notice), paced per chat and overall.
   * Follows a group that became a supergroup. Throws `SendError`.
   */
  async send(key: string, locale: string, reply: Reply): Promise<void> {
    const chatId = chatIdOf(key);
    if (chatId === undefined) throw new SendError('other', `not a Telegram chat: ${key}`);
    const target = this.events.target(chatId);
    try {
      await this.pacer.enqueue(chatKey(target), target < 0, (pace) => this.outbox.sendReply(target, locale, reply, { pace }));
    } catch (error) {
      if (error instanceof PacerClosedError) throw new SendError('other', error.message);
      const to = migratedTo(error);
      if (to !== undefined && !this.events.knowsMigrationOf(target)) {
        await this.events.migrated(target, to);
        return this.send(chatKey(to), locale, reply);
      }
      throw toSendError(error);
    }
  }

  /** Sends one reply of a conversation in its chat, or privately to its person. */
  private async answer(origin: TelegramOrigin, locale: string, reply: Reply, quote: boolean): Promise<void> {
    const privately = reply.privately && origin.kind === 'group';
    const chatId = privately ? origin.userId : origin.chatId;
    try {
      await this.outbox.sendReply(
        chatId,
        locale,
        reply,
        privately ? {} : { replyTo: quote ? origin.replyTo : undefined, threadId: origin.threadId },
      );
    } catch (error) {
      if (privately && cannotWritePrivately(error)) {
        // Telegram lets a bot write to a person only after they started a chat with it.
        const args = { name: origin.userName, bot: `@${this.bot.botInfo.username}` };
        await this.answer(origin, locale, { text: [{ key: 'telegram-private-blocked', args }] }, quote);
        return;
      }
      this.logger.error({ err: error, chatId }, 'telegram: reply not delivered');
    }
  }

  // ——— the durable inbox and outbox (kit/inbox-worker.ts, kit/outbox-sender.ts) ———

  /** How the inbox worker reads this adapter's stored updates. */
  inboxSource(): InboxSource {
    return {
      platform: 'telegram',
      parse: (payload) =>
        readTelegramUpdate(payload as Update, {
          me: () => this.bot.botInfo,
          incoming: (update, chat, kind, from, parsed) => incomingOf(update, chat, kind, from, parsed),
          attachments: (message) => attachmentsOf(message, this.bot.api, this.fileRoot),
          own: (update) => this.bot.handleUpdate(update),
          answerButton: (id) =>
            this.bot.api.answerCallbackQuery(id).then(
              () => undefined,
              (error: unknown) => this.logger.warn({ err: error }, 'telegram: answerCallbackQuery failed'),
            ),
        }),
    };
  }

  /**
   * Sends one outbox row: a notice like `send`, a reply in its conversation (quoting as its
   * placement says) or privately to its person. Throws `SendError`, so the sender retries.
   */
  async deliverOutbox(item: OutboxItem): Promise<void> {
    if (item.kind === 'notice') return this.send(item.chatKey, item.locale, item.reply);
    const chatId = chatIdOf(item.chatKey);
    if (chatId === undefined) throw new SendError('other', `not a Telegram chat: ${item.chatKey}`);
    const place = (item.placement ? JSON.parse(item.placement) : {}) as TelegramPlacement;
    const userId = item.privateTo ? chatIdOf(item.privateTo) : undefined;
    try {
      if (userId !== undefined) await this.outbox.sendReply(userId, item.locale, item.reply);
      else await this.outbox.sendReply(chatId, item.locale, item.reply, { replyTo: place.r, threadId: place.t });
    } catch (error) {
      if (userId === undefined || !cannotWritePrivately(error)) throw toSendError(error);
      // Telegram lets a bot write to a person only after they started a chat with it.
      const args = { name: place.n ?? '', bot: `@${this.bot.botInfo.username}` };
      await this.outbox.sendReply(
        chatId,
        item.locale,
        { text: [{ key: 'telegram-private-blocked', args }] },
        { replyTo: place.r, threadId: place.t },
      );
    }
  }

  /** The command menu: Vietnamese for everyone, English for English-language clients. */
  private async setCommands(): Promise<void> {
    try {
      await this.bot.api.setMyCommands(menuCommands(this.options.i18n, 'vi'));
      await this.bot.api.setMyCommands(menuCommands(this.options.i18n, 'en'), { language_code: 'en' });
    } catch (error) {
      this.logger.warn({ err: error }, 'telegram: command menu not set');
    }
  }
}
