import { performance } from 'node:perf_hooks';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, Message, Update, UserFromGetMe } from 'grammy/types';
import {
  ApiFailure,
  fieldValue,
  now,
  parseMultipart,
  parseTelegramHtml,
  type ApiCall,
  type BotMessage,
  type Failure,
  type Json,
  type Queued,
  type StoredFile,
  type UploadedFile,
} from './fake-telegram-wire.js';

/** The bot the fake server plays Telegram for: its token and username. */
export interface FakeTelegramOptions {
  token?: string;
  username?: string;
}

/**
 * Telegram's side of the fake: the HTTP server, the Bot API methods the bot calls (recorded,
 * validated as Telegram would, answered) and the update queue `getUpdates` serves. `FakeTelegram`
 * adds the people and chats that produce updates, and the assertions.
 */
export abstract class FakeBotApi {
  readonly token: string;
  readonly bot: UserFromGetMe;
  readonly calls: ApiCall[] = [];
  /** Every message the bot sent successfully, in order. */
  readonly sent: BotMessage[] = [];
  /** The command menus set with `setMyCommands`, by language code (`''` = default). */
  readonly commands = new Map<string, BotCommand[]>();
  webhook?: { url: string; secret?: string; allowedUpdates?: string[] };
  /** Called for every message the bot sent successfully (benchmarks). */
  onSent?: (message: BotMessage) => void;

  protected server!: Server;
  protected port = 0;
  protected nextUpdateId = 700_000;
  protected nextUserId = 5_000_000;
  protected nextGroupId = 4_000_000_000;
  protected nextFile = 1;
  protected nextQuery = 1;
  protected readonly queue: Queued[] = [];
  protected waiters: (() => void)[] = [];
  protected readonly messageIds = new Map<number, number>();
  protected readonly chats = new Map<number, Chat>();
  protected readonly kicked = new Set<number>();
  protected readonly migratedTo = new Map<number, number>();
  protected readonly started = new Set<number>();
  protected readonly files = new Map<string, StoredFile>();
  protected readonly queries = new Map<string, { answered: boolean }>();
  protected readonly failures: Failure[] = [];
  protected readonly watchers = new Set<() => void>();
  protected seq = 0;

  protected constructor(options: FakeTelegramOptions) {
    this.token = options.token ?? '123456:TEST-token_abc';
    this.bot = {
      id: Number(this.token.split(':')[0]),
      is_bot: true,
      first_name: 'Thi đua',
      username: options.username ?? 'thidua_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
  }

  /** Listens on a free port of 127.0.0.1. */
  protected async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters) wake();
    this.waiters = [];
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Updates no `getUpdates` call has fetched yet. */
  get pendingUpdates(): number {
    return this.queue.filter((q) => !q.delivered).length;
  }

  protected readonly delivered: Update[] = [];

  protected push(content: Omit<Update, 'update_id'>): Update {
    const update = { update_id: this.nextUpdateId++, ...content } as Update;
    this.queue.push({ update, forced: false, delivered: false });
    this.wake();
    return update;
  }

  protected wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    this.notify();
  }

  protected notify(): void {
    for (const check of [...this.watchers]) check();
  }

  protected nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  protected storeFile(fileName: string, bytes: Buffer, mimeType?: string): StoredFile {
    const n = this.nextFile++;
    const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
    const file: StoredFile = { id: `FILE${n}xyz`, uniqueId: `U${n}`, path: `documents/file_${n}${extension}`, fileName, mimeType, bytes };
    this.files.set(file.id, file);
    return file;
  }

  protected async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download) {
      const file = [...this.files.values()].find((f) => f.path === decodeURIComponent(download[2]!));
      if (download[1] !== this.token || !file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length }).end(file.bytes);
      return;
    }
    const api = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!api) {
      res.writeHead(404).end();
      return;
    }
    if (api[1] !== this.token) {
      this.respond(res, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const method = api[2]!;
    const { params, files } = this.parseBody(req, body, url);
    const call: ApiCall = { seq: this.seq++, method, params, files, at: Date.now(), ok: false };
    try {
      const failure = this.failures.find(
        (f) => f.remaining > 0 && (typeof f.method === 'string' ? f.method === method : f.method.test(method)),
      );
      if (failure) {
        failure.remaining--;
        throw new ApiFailure(failure.code, failure.description, failure.parameters);
      }
      const result = await this.handle(method, params, files, req, res);
      if (res.writableEnded) return;
      call.ok = true;
      call.result = result;
      this.record(call);
      this.respond(res, { ok: true, result });
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : new ApiFailure(500, `Internal Server Error: ${(error as Error).message}`);
      call.errorCode = failure.code;
      call.description = failure.description;
      this.record(call);
      this.respond(res, {
        ok: false,
        error_code: failure.code,
        description: failure.description,
        ...(failure.parameters ? { parameters: failure.parameters } : {}),
      });
    }
  }

  protected accept(message: BotMessage): void {
    this.sent.push(message);
    this.onSent?.(message);
  }

  protected record(call: ApiCall): void {
    this.calls.push(call);
    this.notify();
  }

  protected respond(res: ServerResponse, payload: Json): void {
    if (res.writableEnded || res.destroyed) return;
    const status = payload.ok ? 200 : (payload.error_code as number);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }

  protected parseBody(req: IncomingMessage, body: Buffer, url: URL): { params: Json; files: UploadedFile[] } {
    const type = req.headers['content-type'] ?? '';
    let params: Json = Object.fromEntries(url.searchParams);
    let files: UploadedFile[] = [];
    if (type.startsWith('application/json') && body.length) params = { ...params, ...(JSON.parse(body.toString('utf8')) as Json) };
    else if (type.startsWith('multipart/form-data')) {
      const boundary = /boundary=(.+)$/.exec(type)?.[1] ?? '';
      const parsed = parseMultipart(body, boundary);
      params = { ...params, ...Object.fromEntries(Object.entries(parsed.fields).map(([k, v]) => [k, fieldValue(v)])) };
      files = parsed.files;
    } else if (type.startsWith('application/x-www-form-urlencoded')) {
      params = { ...params, ...Object.fromEntries(new URLSearchParams(body.toString('utf8'))) };
    }
    return { params, files };
  }

  protected async handle(method: string, p: Json, files: UploadedFile[], req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.bot;
      case 'getUpdates':
        return this.getUpdates(p, req, res);
      case 'setWebhook':
        this.webhook = {
          url: String(p.url),
          secret: p.secret_token as string | undefined,
          allowedUpdates: p.allowed_updates as string[] | undefined,
        };
        return true;
      case 'deleteWebhook':
        this.webhook = undefined;
        return true;
      case 'getWebhookInfo':
        return { url: this.webhook?.url ?? '', has_custom_certificate: false, pending_update_count: this.pendingUpdates };
      case 'setMyCommands':
        return this.setMyCommands(p);
      case 'getMyCommands':
        return this.commands.get(String(p.language_code ?? '')) ?? [];
      case 'answerCallbackQuery': {
        const query = this.queries.get(String(p.callback_query_id));
        if (!query || query.answered)
          throw new ApiFailure(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
        query.answered = true;
        return true;
      }
      case 'getFile': {
        const file = this.files.get(String(p.file_id));
        if (!file) throw new ApiFailure(400, 'Bad Request: invalid file_id');
        return { file_id: file.id, file_unique_id: file.uniqueId, file_size: file.bytes.length, file_path: file.path };
      }
      case 'sendMessage':
        return this.sendMessage(p);
      case 'sendDocument':
      case 'sendPhoto':
        return this.sendMedia(method, p, files);
      case 'getChat': {
        const chat = this.chats.get(Number(p.chat_id));
        if (!chat) throw new ApiFailure(400, 'Bad Request: chat not found');
        return chat;
      }
      default:
        throw new ApiFailure(404, 'Not Found');
    }
  }

  protected async getUpdates(p: Json, req: IncomingMessage, res: ServerResponse): Promise<Update[]> {
    if (this.webhook)
      throw new ApiFailure(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(Number(p.limit ?? 100), 100);
    const timeout = Number(p.timeout ?? 0);
    const deadline = Date.now() + timeout * 1000;
    for (;;) {
      // Confirmation: updates below the offset are forgotten, as Telegram does; a redelivered
      // update goes once.
      if (this.queue.some((q) => (q.forced ? q.delivered : offset > 0 && q.update.update_id < offset))) {
        const keep = this.queue.filter((q) => (q.forced ? !q.delivered : !(offset > 0 && q.update.update_id < offset)));
        this.queue.length = 0;
        this.queue.push(...keep);
      }
      const ready: Queued[] = [];
      for (const q of this.queue) {
        if (ready.length >= limit) break;
        if (q.forced ? !q.delivered : offset === 0 || q.update.update_id >= offset) ready.push(q);
      }
      if (ready.length) {
        for (const q of ready) {
          if (!q.delivered) this.delivered.push(q.update);
          q.delivered = true;
        }
        return ready.map((q) => q.update);
      }
      const left = deadline - Date.now();
      if (left <= 0 || req.destroyed || res.destroyed) return [];
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        this.waiters.push(done);
        res.once('close', done);
      });
      if (res.destroyed || res.writableEnded) return [];
    }
  }

  protected setMyCommands(p: Json): true {
    const commands = p.commands as BotCommand[];
    if (!Array.isArray(commands) || commands.length > 100) throw new ApiFailure(400, 'Bad Request: too many commands');
    for (const c of commands) {
      if (!/^[a-z0-9_]{1,32}$/.test(c.command)) throw new ApiFailure(400, 'Bad Request: BOT_COMMAND_INVALID');
      if (!c.description || c.description.length > 256) throw new ApiFailure(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
    }
    if (new Set(commands.map((c) => c.command)).size !== commands.length) throw new ApiFailure(400, 'Bad Request: duplicate commands');
    this.commands.set(String(p.language_code ?? ''), commands);
    return true;
  }

  protected target(chatId: unknown): Chat {
    const id = Number(chatId);
    const migrated = this.migratedTo.get(id);
    if (migrated !== undefined)
      throw new ApiFailure(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: migrated });
    if (this.kicked.has(id)) throw new ApiFailure(403, 'Forbidden: bot was kicked from the supergroup chat');
    const chat = this.chats.get(id);
    if (!chat) throw new ApiFailure(400, 'Bad Request: chat not found');
    if (chat.type === 'private' && !this.started.has(id))
      throw new ApiFailure(403, "Forbidden: bot can't initiate conversation with a user");
    return chat;
  }

  protected buttons(markup: unknown): { text: string; data: string }[][] {
    const keyboard = (markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard;
    if (!keyboard) return [];
    return keyboard.map((row) =>
      row.map((b) => {
        const data = b.callback_data ?? '';
        if (!b.text) throw new ApiFailure(400, 'Bad Request: text buttons are unallowed in the inline keyboard');
        if (Buffer.byteLength(data, 'utf8') < 1 || Buffer.byteLength(data, 'utf8') > 64)
          throw new ApiFailure(400, 'Bad Request: BUTTON_DATA_INVALID');
        return { text: b.text, data };
      }),
    );
  }

  protected parsed(html: string | undefined, parseMode: unknown): { text: string; pre: string[] } {
    if (html === undefined) return { text: '', pre: [] };
    return parseMode === 'HTML' ? parseTelegramHtml(html) : { text: html, pre: [] };
  }

  protected sendMessage(p: Json): Message {
    const chat = this.target(p.chat_id);
    const html = String(p.text ?? '');
    const { text, pre } = this.parsed(html, p.parse_mode);
    if (!text.trim()) throw new ApiFailure(400, 'Bad Request: message text is empty');
    if (text.length > 4096) throw new ApiFailure(400, 'Bad Request: message is too long');
    const buttons = this.buttons(p.reply_markup);
    const replyTo =
      (p.reply_parameters as { message_id?: number } | undefined)?.message_id ?? (p.reply_to_message_id as number | undefined);
    const messageId = this.nextMessageId(chat.id);
    this.accept({
      method: 'sendMessage',
      messageId,
      chatId: chat.id,
      text,
      html,
      pre,
      buttons,
      replyTo,
      threadId: p.message_thread_id as number | undefined,
      at: performance.now(),
    });
    return { message_id: messageId, date: now(), chat, from: this.bot, text } as Message;
  }

  protected sendMedia(method: string, p: Json, files: UploadedFile[]): Message {
    const chat = this.target(p.chat_id);
    const field = method === 'sendPhoto' ? 'photo' : 'document';
    const ref = String(p[field] ?? '');
    const upload = ref.startsWith('attach://') ? files.find((f) => f.field === ref.slice('attach://'.length)) : undefined;
    const existing = this.files.get(ref);
    if (!upload && !existing) throw new ApiFailure(400, `Bad Request: there is no ${field} in the request`);
    const html = p.caption === undefined ? undefined : String(p.caption);
    const { text, pre } = this.parsed(html, p.parse_mode);
    if (text.length > 1024) throw new ApiFailure(400, 'Bad Request: message caption is too long');
    const buttons = this.buttons(p.reply_markup);
    const file = upload ?? { field, fileName: existing!.fileName, bytes: existing!.bytes };
    if (file.bytes.length === 0) throw new ApiFailure(400, 'Bad Request: file must be non-empty');
    const stored = this.storeFile(file.fileName, file.bytes);
    const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id;
    const messageId = this.nextMessageId(chat.id);
    this.accept({
      method,
      messageId,
      chatId: chat.id,
      text,
      html: html ?? '',
      pre,
      buttons,
      replyTo,
      threadId: p.message_thread_id as number | undefined,
      file,
      at: performance.now(),
    });
    const media =
      method === 'sendPhoto'
        ? { photo: [{ file_id: stored.id, file_unique_id: stored.uniqueId, width: 800, height: 600, file_size: file.bytes.length }] }
        : { document: { file_id: stored.id, file_unique_id: stored.uniqueId, file_name: stored.fileName, file_size: file.bytes.length } };
    return {
      message_id: messageId,
      date: now(),
      chat,
      from: this.bot,
      caption: html === undefined ? undefined : text,
      ...media,
    } as Message;
  }
}
