import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, type Context } from 'grammy';
import type { Chat, ChatMember, Document, Message, Update, User, UserFromGetMe } from 'grammy/types';
import { pino, type Logger } from 'pino';
import type { Msg, Notice, Reply } from '../../reply.js';
import type { Adapter } from '../../delivery.js';
import type { Attachment, Incoming } from '../../app/ports.js';
import { SendError } from '../../delivery.js';
import type { ChatEvent, Core, HandleResult } from '../../app/core.js';
import type { TelegramConfig } from '../../config.js';
import { LineErrors, UserError } from '../../domain/errors.js';
import type { HttpServer } from '../../http.js';
import type { I18n } from '../../i18n/i18n.js';
import { menuCommands } from './commands.js';
import { cannotWritePrivately, migratedTo, referenceId, toSendError } from './errors.js';
import {
  addressedElsewhere,
  chatIdOf,
  chatKey,
  chatKind,
  displayName,
  mentionsOf,
  parseAction,
  parseCommand,
  textOf,
  type ParsedCommand,
} from './incoming.js';
import { Outbox } from './outbox.js';
import type { InboxReceiver, InboxSource } from '../kit/inbox-worker.js';
import type { OutboxItem } from '../../store/outbox.js';
import { readTelegramUpdate, type TelegramPlacement } from './inbox-parse.js';
import { inboxRow, TelegramPoller } from './poller.js';
import { Pacer, PacerClosedError, type PacingLimits } from './pacer.js';

/** What the adapter is built from; `main.ts` passes the first five, tests may pass the rest. */
export interface TelegramAdapterOptions {
  config: TelegramConfig;
  core: Core;
  i18n: I18n;
  /** The instance's HTTP server; required in webhook mode (the route is added to it). */
  http?: HttpServer;
  logger?: Logger;
  /** The bot's own user, when known: skips `getMe` (tests). */
  botInfo?: UserFromGetMe;
  /**
   * Delivers notices addressed to chats on other platforms (a Slack channel bound to the same
   * cluster). Without it such notices are logged and dropped.
   */
  deliver?: (notice: Notice) => Promise<void>;
  /** Broadcast pacing; defaults stay under Telegram's limits. */
  pacing?: Partial<PacingLimits>;
  /** Long polling: seconds a `getUpdates` call waits (30) and updates processed at once (500). */
  polling?: { timeoutSeconds?: number; concurrency?: number };
  /** The longest `retry_after` auto-retry waits out before giving up (seconds, default 300). */
  maxRetryAfterSeconds?: number;
  /**
   * The durable inbox: with it, updates are stored before Telegram is told they arrived (our
   * own poller, or the webhook's 200) and handled by the inbox worker (`inboxSource`), and the
   * answers go out through the outbox (`deliverOutbox`). Without it, the runner handles them.
   */
  inbox?: InboxReceiver;
}

/** The updates the bot asks Telegram for. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;
/** The user Telegram shows as the sender of an anonymous group admin's messages. */
const ANONYMOUS_ADMIN_ID = 1087968824;
/** Telegram's Bot API lets bots download files up to 20 MB. */
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;
const MEMBER_STATUSES: ReadonlySet<ChatMember['status']> = new Set(['creator', 'administrator', 'member']);

/** Where the answers to one message or button press go. */
interface Conversation {
  chatId: number;
  kind: 'group' | 'private';
  userId: number;
  userName: string;
  languageCode?: string;
  replyTo?: number;
  threadId?: number;
}

function isIn(member: ChatMember): boolean {
  return MEMBER_STATUSES.has(member.status) || (member.status === 'restricted' && member.is_member);
}

/**
 * The bot on Telegram, through grammY: long polling with `@grammyjs/runner` (updates of one
 * chat in order, chats in parallel) or a webhook on the instance's HTTP server; every command
 * message, button press and membership change becomes one call to the core, and its replies
 * are rendered as Telegram HTML.
 *
 * ```ts
 * const telegram = new TelegramAdapter({ config: config.telegram, core, i18n, http, logger });
 * await telegram.start();
 * await telegram.send('telegram:-1001234', 'vi', { text: [{ key: 'reminder-deadline', args }] });
 * ```
 */
export class TelegramAdapter implements Adapter {
  readonly platform = 'telegram' as const;
  /** The grammY bot (its `api` is what tests and tools may call). */
  readonly bot: Bot;
  private readonly core: Core;
  private readonly i18n: I18n;
  private readonly logger: Logger;
  private readonly outbox: Outbox;
  private readonly pacer: Pacer;
  private readonly apiRoot: string;
  private runner?: RunnerHandle;
  private poller?: TelegramPoller;
  private lastUpdateId?: number;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Chats whose bot-added event was handled lately (Telegram reports it twice). */
  private readonly recentlyAdded = new Map<number, number>();
  /** Groups known to have become supergroups: old id → new id. */
  private readonly migrations = new Map<number, number>();

  constructor(private readonly options: TelegramAdapterOptions) {
    const { config, core, i18n, botInfo } = options;
    this.core = core;
    this.i18n = i18n;
    this.logger = options.logger ?? pino({ name: 'telegram' });
    this.apiRoot = (config.apiRoot ?? 'https://api.telegram.org').replace(/\/+$/, '');
    this.bot = new Bot(config.token, { client: { apiRoot: this.apiRoot }, botInfo });
    this.bot.api.config.use(autoRetry({ maxDelaySeconds: options.maxRetryAfterSeconds ?? 300, maxRetryAttempts: 10 }));
    this.bot.api.config.use(async (prev, method, payload, signal) => {
      try {
        return await prev(method, payload, signal);
      } catch (error) {
        if (method === 'getUpdates' && !signal?.aborted) this.logger.warn({ err: error }, 'telegram: getUpdates failed, retrying');
        throw error;
      }
    });
    this.outbox = new Outbox(this.bot.api, i18n, this.logger);
    this.pacer = new Pacer(options.pacing);
    this.install();
  }

  private get me(): UserFromGetMe {
    return this.bot.botInfo;
  }

  private get webhookSecret(): string {
    // Derived from the token when not configured: the same on every instance, unguessable
    // without the token, and within Telegram's alphabet for secret tokens.
    return this.options.config.webhookSecret ?? createHash('sha256').update(`webhook:${this.options.config.token}`).digest('base64url');
  }

  /** Starts receiving: the webhook route when a webhook URL is configured, else long polling. */
  async start(): Promise<void> {
    await this.bot.init();
    const { webhookUrl } = this.options.config;
    if (webhookUrl) {
      if (!this.options.http) throw new Error('Telegram webhook mode needs the HTTP server');
      this.options.http.route('POST', new URL(webhookUrl).pathname, (req, res, body) => this.onWebhook(req, res, body), { check: (req) => this.secretOk(req) });
      await this.bot.api.setWebhook(webhookUrl, { secret_token: this.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
    } else {
      await this.bot.api.deleteWebhook();
      const polling = this.options.polling ?? {};
      if (this.options.inbox) {
        this.poller = new TelegramPoller({ api: this.bot.api, inbox: this.options.inbox, allowedUpdates: ALLOWED_UPDATES, timeoutSeconds: polling.timeoutSeconds, logger: this.logger });
        this.poller.start();
      } else {
        this.runner = run(this.bot, {
          runner: { fetch: { timeout: polling.timeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
          sink: { concurrency: polling.concurrency ?? 500 },
        });
        this.runner.task()?.catch((error: unknown) => this.logger.fatal({ err: error }, 'telegram: long polling stopped'));
      }
    }
    await this.setCommands();
    this.logger.info({ bot: this.me.username, mode: webhookUrl ? 'webhook' : 'polling' }, 'telegram: started');
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
    if (runner) {
      if (runner.isRunning()) await runner.stop().catch(() => undefined);
      if (this.lastUpdateId !== undefined) {
        await this.bot.api.getUpdates({ offset: this.lastUpdateId + 1, limit: 1, timeout: 0 }).catch(() => undefined);
      }
    }
    this.pacer.close();
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Sends a message the core starts itself (reminder, notice), paced per chat and overall.
   * Follows a group that became a supergroup. Throws `SendError`.
   */
  async send(key: string, locale: string, reply: Reply): Promise<void> {
    const chatId = chatIdOf(key);
    if (chatId === undefined) throw new SendError('other', `not a Telegram chat: ${key}`);
    const target = this.migrations.get(chatId) ?? chatId;
    try {
      await this.pacer.enqueue(chatKey(target), target < 0, (pace) => this.outbox.sendReply(target, locale, reply, { pace }));
    } catch (error) {
      if (error instanceof PacerClosedError) throw new SendError('other', error.message);
      const to = migratedTo(error);
      if (to !== undefined && !this.migrations.has(target)) {
        await this.migrated(target, to);
        return this.send(chatKey(to), locale, reply);
      }
      throw toSendError(error);
    }
  }

  // ——— receiving ———

  private install(): void {
    this.bot.use((ctx, next) => {
      this.lastUpdateId = Math.max(this.lastUpdateId ?? 0, ctx.update.update_id);
      return next();
    });
    this.bot.use(
      sequentialize((ctx: Context) => {
        const keys: string[] = [];
        if (ctx.chat) keys.push(String(ctx.chat.id));
        if (ctx.message?.migrate_to_chat_id) keys.push(String(ctx.message.migrate_to_chat_id));
        return keys.length ? keys : undefined;
      }),
    );
    this.bot.on('message', (ctx) => this.onMessage(ctx.update, ctx.message));
    this.bot.on('edited_message', (ctx) => this.onEdited(ctx.editedMessage));
    this.bot.on('callback_query:data', async (ctx) => {
      try {
        await this.onButton(ctx.update);
      } finally {
        await ctx.answerCallbackQuery().catch((error: unknown) => this.logger.warn({ err: error }, 'telegram: answerCallbackQuery failed'));
      }
    });
    this.bot.on('my_chat_member', (ctx) => this.onMembership(ctx.update));
    this.bot.catch((error) => {
      this.logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram: update failed');
    });
  }

  private async onMessage(update: Update, message: Message): Promise<void> {
    const updateId = `telegram:${update.update_id}`;
    if (message.migrate_to_chat_id) {
      await this.migrated(message.chat.id, message.migrate_to_chat_id, updateId);
      return;
    }
    if (message.new_chat_members?.some((user) => user.id === this.me.id)) {
      await this.botAdded(message.chat, message.from, false, updateId);
      return;
    }
    const kind = chatKind(message.chat);
    const { text, entities } = textOf(message);
    const parsed = parseCommand(text, entities);
    if (!kind || !parsed || !message.from || addressedElsewhere(parsed, this.me.username)) return;
    const conversation = conversationOf(message, message.from, kind);
    if (message.sender_chat || message.from.id === ANONYMOUS_ADMIN_ID) {
      // An anonymous admin (or a channel) has no person behind it the core could know.
      await this.say(conversation, this.fallbackLocale(conversation), 'telegram-anonymous-admin');
      return;
    }
    const mentions = mentionsOf(text, entities, this.me.username);
    await this.converse(
      {
        ...this.incoming(update, message.chat, kind, message.from, parsed),
        ...(mentions.length ? { mentions } : {}),
        ...this.attachments(message),
      },
      conversation,
    );
  }

  /**
   * An edited command is not run again (a second `/score` would add a version the person may
   * not want, an edited `/close` cannot be undone): the person is told to send a new message.
   */
  private async onEdited(message: Message): Promise<void> {
    const kind = chatKind(message.chat);
    const { text, entities } = textOf(message);
    const parsed = parseCommand(text, entities);
    if (!kind || !parsed || !message.from || message.sender_chat || addressedElsewhere(parsed, this.me.username)) return;
    const conversation = conversationOf(message, message.from, kind);
    await this.say(conversation, this.localeOf(message.from), 'telegram-edit-ignored', { command: parsed.command });
  }

  private async onButton(update: Update): Promise<void> {
    const query = update.callback_query;
    const message = query?.message;
    const kind = message && chatKind(message.chat);
    if (!query?.data || !message || !kind) return;
    const conversation: Conversation = {
      chatId: message.chat.id,
      kind,
      userId: query.from.id,
      userName: displayName(query.from),
      languageCode: query.from.language_code,
      replyTo: kind === 'group' ? message.message_id : undefined,
      threadId: 'is_topic_message' in message && message.is_topic_message ? message.message_thread_id : undefined,
    };
    const parsed = parseAction(query.data);
    await this.converse({ ...this.incoming(update, message.chat, kind, query.from, parsed), action: query.data }, conversation);
  }

  private async onMembership(update: Update): Promise<void> {
    const change = update.my_chat_member;
    if (!change) return;
    const { chat, from, old_chat_member: before, new_chat_member: after } = change;
    const updateId = `telegram:${update.update_id}`;
    if (chat.type === 'channel') return;
    if (isIn(before) && !isIn(after)) {
      await this.botRemoved(chat.id, updateId);
    } else if (chat.type !== 'private' && !isIn(before) && isIn(after)) {
      await this.botAdded(chat, from, after.status === 'administrator', updateId);
    } else if (chat.type !== 'private' && before.status !== 'administrator' && after.status === 'administrator') {
      await this.say({ chatId: chat.id, kind: 'group', userId: from.id, userName: displayName(from) }, this.localeOf(from), 'telegram-admin-thanks');
    }
  }

  private incoming(update: Update, chat: Chat, kind: 'group' | 'private', from: User, parsed: ParsedCommand): Incoming {
    return {
      platform: 'telegram',
      updateId: `telegram:${update.update_id}`,
      chat: { key: chatKey(chat.id), kind, title: 'title' in chat ? chat.title : undefined },
      sender: { key: `telegram:${from.id}`, displayName: displayName(from), username: from.username, languageCode: from.language_code },
      command: parsed.command,
      args: parsed.args,
      body: parsed.body,
      capabilities: { images: true, files: true },
    };
  }

  /** The document sent with the command, or the one the command answers (`/criteria` as a reply to a file). */
  private attachments(message: Message): { attachments?: Attachment[] } {
    const documents = [message.document, message.reply_to_message?.document].filter((d): d is Document => d !== undefined);
    if (!documents.length) return {};
    return {
      attachments: documents.map((document) => ({
        fileName: document.file_name ?? 'file',
        mimeType: document.mime_type,
        download: () => this.download(document),
      })),
    };
  }

  private async download(document: Document): Promise<Uint8Array> {
    if ((document.file_size ?? 0) > DOWNLOAD_LIMIT) {
      throw new UserError('telegram-file-too-big', { file: document.file_name ?? '', max: DOWNLOAD_LIMIT / 1024 / 1024 });
    }
    const file = await this.bot.api.getFile(document.file_id);
    if (!file.file_path) throw new Error(`telegram: no file path for ${document.file_id}`);
    // A local Bot API server (--local) answers with a path on its own disk.
    if (file.file_path.startsWith('/')) return new Uint8Array(await readFile(file.file_path));
    const response = await fetch(`${this.apiRoot}/file/bot${this.options.config.token}/${file.file_path}`);
    if (!response.ok) throw new Error(`telegram: file download failed with HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  // ——— answering ———

  /** One command to the core and its answers back; a failure gets a translated reply or an apology. */
  private async converse(incoming: Incoming, conversation: Conversation): Promise<void> {
    let result: HandleResult;
    try {
      result = await this.core.handle(incoming);
    } catch (error) {
      await this.failed(conversation, error, incoming.updateId);
      return;
    }
    await this.deliver(result, conversation);
  }

  private async deliver(result: HandleResult, conversation: Conversation | undefined): Promise<void> {
    if (result.duplicate) return;
    if (conversation) {
      // Only the first message in the chat quotes the person's; the rest follow it.
      let where = conversation;
      for (const reply of result.replies) {
        await this.answer(where, result.locale, reply);
        if (!(reply.privately && conversation.kind === 'group')) where = { ...conversation, replyTo: undefined };
      }
    }
    for (const notice of result.notices) this.track(this.notify(notice));
  }

  /** Sends one reply in the conversation, or privately to its person. */
  private async answer(conversation: Conversation, locale: string, reply: Reply): Promise<void> {
    const privately = reply.privately && conversation.kind === 'group';
    const chatId = privately ? conversation.userId : conversation.chatId;
    try {
      await this.outbox.sendReply(chatId, locale, reply, privately ? {} : { replyTo: conversation.replyTo, threadId: conversation.threadId });
    } catch (error) {
      if (privately && cannotWritePrivately(error)) {
        // Telegram lets a bot write to a person only after they started a chat with it.
        await this.say(conversation, locale, 'telegram-private-blocked', { name: conversation.userName, bot: `@${this.me.username}` });
        return;
      }
      this.logger.error({ err: error, chatId }, 'telegram: reply not delivered');
    }
  }

  /** A sentence of this adapter's own (intro, apology) in the conversation. */
  private async say(conversation: Conversation, locale: string, key: string, args?: Record<string, string | number>): Promise<void> {
    const reply: Reply = { text: [{ key, args }] };
    await this.outbox
      .sendReply(conversation.chatId, locale, reply, { replyTo: conversation.replyTo, threadId: conversation.threadId })
      .catch((error: unknown) => this.logger.error({ err: error, chatId: conversation.chatId, key }, 'telegram: message not delivered'));
  }

  private async failed(conversation: Conversation, error: unknown, updateId: string | undefined): Promise<void> {
    const locale = this.fallbackLocale(conversation);
    if (error instanceof UserError) {
      const text = [{ key: error.key, args: error.args }];
      if (error instanceof LineErrors) text.push(...error.problems.map((p) => ({ key: p.key, args: { ...p.args, line: p.line } })));
      try {
        await this.outbox.sendReply(conversation.chatId, locale, { text }, { replyTo: conversation.replyTo, threadId: conversation.threadId });
        return;
      } catch (sendError) {
        error = sendError;
      }
    }
    const ref = referenceId();
    this.logger.error({ err: error, ref, updateId, chatId: conversation.chatId }, 'telegram: command failed');
    await this.say(conversation, locale, 'telegram-error-apology', { ref });
  }

  private async notify(notice: Notice): Promise<void> {
    try {
      if (chatIdOf(notice.chatKey) !== undefined) await this.send(notice.chatKey, notice.locale, notice.reply);
      else if (this.options.deliver) await this.options.deliver(notice);
      else this.logger.warn({ chatKey: notice.chatKey }, 'telegram: notice for another platform dropped (no deliver option)');
    } catch (error) {
      this.logger.warn({ err: error, chatKey: notice.chatKey }, 'telegram: notice not delivered');
    }
  }

  private track(promise: Promise<unknown>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  // ——— chat events ———

  private async chatEvent(event: ChatEvent): Promise<HandleResult | undefined> {
    try {
      return await this.core.chatEvent(event);
    } catch (error) {
      this.logger.error({ err: error, event }, 'telegram: chat event failed');
      return undefined;
    }
  }

  /**
   * The bot joined a group: the core records the chat and greets; the greeting gets this
   * adapter's Telegram advice (how commands reach the bot, why it should be an admin).
   */
  private async botAdded(chat: Chat, from: User | undefined, admin: boolean, updateId: string): Promise<void> {
    if (chatKind(chat) !== 'group') return;
    const now = Date.now();
    for (const [id, at] of this.recentlyAdded) if (now - at > 60_000) this.recentlyAdded.delete(id);
    if (this.recentlyAdded.has(chat.id)) return;
    this.recentlyAdded.set(chat.id, now);
    const result = await this.chatEvent({
      type: 'bot-added',
      chatKey: chatKey(chat.id),
      title: 'title' in chat ? chat.title : undefined,
      updateId,
      languageCode: from?.language_code,
    });
    if (result?.duplicate) return;
    const intro: Msg[] = [{ key: 'telegram-intro', args: { bot: `@${this.me.username}` } }];
    if (!admin) intro.push({ key: 'telegram-intro-admin', args: { bot: this.me.username, mention: `@${this.me.username}` } });
    const replies = [...(result?.replies ?? [])];
    const last = replies[replies.length - 1];
    if (last && !last.file && !last.image && !last.privately && !last.buttons?.length) {
      replies[replies.length - 1] = { ...last, text: [...(last.text ?? []), ...intro] };
    } else replies.push({ text: intro });
    const conversation: Conversation = { chatId: chat.id, kind: 'group', userId: from?.id ?? chat.id, userName: from ? displayName(from) : '' };
    await this.deliver({ locale: this.localeOf(from), notices: [], duplicate: false, ...result, replies }, conversation);
  }

  private async botRemoved(chatId: number, updateId: string): Promise<void> {
    // The chat is closed to the bot: only the core's notices (to the cluster's other chats) go out.
    const result = await this.chatEvent({ type: 'bot-removed', chatKey: chatKey(chatId), updateId });
    if (result) await this.deliver(result, undefined);
  }

  private async migrated(from: number, to: number, updateId?: string): Promise<void> {
    if (this.migrations.get(from) === to) return;
    this.migrations.set(from, to);
    const result = await this.chatEvent({ type: 'migrated', chatKey: chatKey(from), newChatKey: chatKey(to), updateId });
    if (result) await this.deliver(result, { chatId: to, kind: 'group', userId: to, userName: '' });
  }

  // ——— setup ———

  /** The command menu: Vietnamese for everyone, English for English-language clients. */
  private async setCommands(): Promise<void> {
    try {
      await this.bot.api.setMyCommands(menuCommands(this.i18n, 'vi'));
      await this.bot.api.setMyCommands(menuCommands(this.i18n, 'en'), { language_code: 'en' });
    } catch (error) {
      this.logger.warn({ err: error }, 'telegram: command menu not set');
    }
  }

  /** The webhook's secret token, checked on the headers before the body is read. */
  private secretOk(req: IncomingMessage): boolean {
    const given = req.headers['x-telegram-bot-api-secret-token'];
    const expected = Buffer.from(this.webhookSecret);
    const actual = Buffer.from(typeof given === 'string' ? given : '');
    const ok = actual.length === expected.length && timingSafeEqual(actual, expected);
    if (!ok) this.logger.warn({ ip: req.socket.remoteAddress }, 'telegram: webhook request with a wrong secret refused');
    return ok;
  }

  private async onWebhook(_req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    let update: Update;
    try {
      update = JSON.parse(body.toString('utf8')) as Update;
      if (typeof update.update_id !== 'number') throw new Error('no update_id');
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (this.options.inbox) {
      // Stored before the 200: a failed store is a 500, and Telegram sends the update again.
      await this.options.inbox.receive([inboxRow(update)]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    await this.bot.handleUpdate(update).catch((error: unknown) => this.logger.error({ err: error }, 'telegram: update failed'));
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  }

  // ——— the durable inbox and outbox (kit/inbox-worker.ts, kit/outbox-sender.ts) ———

  /** How the inbox worker reads this adapter's stored updates. */
  inboxSource(): InboxSource {
    return {
      platform: 'telegram',
      parse: (payload) =>
        readTelegramUpdate(payload as Update, {
          me: () => this.me,
          incoming: (update, chat, kind, from, parsed) => this.incoming(update, chat, kind, from, parsed),
          attachments: (message) => this.attachments(message),
          own: (update) => this.bot.handleUpdate(update),
          answerButton: (id) => this.bot.api.answerCallbackQuery(id).then(() => undefined, (error: unknown) => this.logger.warn({ err: error }, 'telegram: answerCallbackQuery failed')),
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
      const conversation: Conversation = { chatId, kind: 'group', userId, userName: place.n ?? '', replyTo: place.r, threadId: place.t };
      await this.say(conversation, item.locale, 'telegram-private-blocked', { name: conversation.userName, bot: `@${this.me.username}` });
    }
  }

  private localeOf(user: User | undefined): string {
    return user?.language_code?.toLowerCase().startsWith('en') ? 'en' : 'vi';
  }

  private fallbackLocale(conversation: Conversation): string {
    return conversation.languageCode?.toLowerCase().startsWith('en') ? 'en' : 'vi';
  }
}

/** Where and to whom the answer to a person's message goes: quoted in groups, in its forum topic. */
function conversationOf(message: Message, from: User, kind: 'group' | 'private'): Conversation {
  return {
    chatId: message.chat.id,
    kind,
    userId: from.id,
    userName: displayName(from),
    languageCode: from.language_code,
    replyTo: kind === 'group' ? message.message_id : undefined,
    threadId: message.is_topic_message ? message.message_thread_id : undefined,
  };
}
