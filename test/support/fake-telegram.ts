import { performance } from 'node:perf_hooks';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, Message, MessageEntity, Update, User, UserFromGetMe } from 'grammy/types';

/**
 * A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests with the real grammY
 * client (`new Bot(token, { client: { apiRoot: fake.apiRoot }, botInfo })`).
 *
 * It plays Telegram's side: people write in chats (`say`, `sendFile`, `press`, `addBot`, …),
 * which queues updates for `getUpdates` (long polling with offsets, as Telegram confirms them)
 * or posts them to a webhook; every Bot API call the bot makes is recorded, validated as
 * Telegram would (HTML entities, 4,096 characters, 64-byte callback data, chats the bot may
 * not write to), and answered. `failNext` injects errors such as a 429 with `retry_after`.
 *
 * ```ts
 * const fake = await FakeTelegram.start();
 * const group = fake.group('Khối Nội chính');
 * const alice = fake.user('Lan');
 * fake.say(group, alice, '/status');
 * const reply = await fake.waitForMessage((m) => m.chat.id === group.id);
 * ```
 */

/** One Bot API call the bot made, with Telegram's answer. */
export interface ApiCall {
  seq: number;
  method: string;
  params: Record<string, unknown>;
  files: UploadedFile[];
  at: number;
  ok: boolean;
  errorCode?: number;
  description?: string;
  result?: unknown;
}

/** A file the bot uploaded (multipart/form-data). */
export interface UploadedFile {
  field: string;
  fileName: string;
  bytes: Buffer;
}

/** A message the bot sent, as the test sees it. */
export interface BotMessage {
  method: string;
  messageId: number;
  chatId: number;
  /** The text (or caption) after HTML parsing: what the person reads. */
  text: string;
  /** The raw HTML as the bot sent it. */
  html: string;
  /** Monospace (`<pre>`/`<code>`) parts. */
  pre: string[];
  buttons: { text: string; data: string }[][];
  replyTo?: number;
  threadId?: number;
  file?: UploadedFile;
  /** When the server accepted it (`performance.now()`). */
  at: number;
}

interface Failure {
  method: string | RegExp;
  remaining: number;
  code: number;
  description: string;
  parameters?: Record<string, unknown>;
}

interface Queued {
  update: Update;
  /** Redelivered on purpose: delivered once whatever the offset. */
  forced: boolean;
  delivered: boolean;
}

interface StoredFile {
  id: string;
  uniqueId: string;
  path: string;
  fileName: string;
  mimeType?: string;
  bytes: Buffer;
}

type Json = Record<string, unknown>;

class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const ALLOWED_TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'code', 'pre', 'a', 'tg-spoiler', 'span', 'blockquote', 'tg-emoji']);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * Parses Telegram HTML as the Bot API does: only known tags, properly nested; `<`, `>` and `&`
 * outside tags must be escaped. Returns the visible text and the monospace parts, or throws
 * the error Telegram gives.
 */
export function parseTelegramHtml(html: string): { text: string; pre: string[] } {
  let text = '';
  const stack: { tag: string; start: number }[] = [];
  const pre: string[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const close = html.indexOf('>', i);
      if (close < 0) throw new ApiFailure(400, `Bad Request: can't parse entities: unclosed start tag at byte offset ${i}`);
      const raw = html.slice(i + 1, close);
      const closing = raw.startsWith('/');
      const tag = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!ALLOWED_TAGS.has(tag)) throw new ApiFailure(400, `Bad Request: can't parse entities: Unsupported start tag "${tag}" at byte offset ${i}`);
      if (closing) {
        const open = stack.pop();
        if (!open || open.tag !== tag) throw new ApiFailure(400, `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open?.tag}>", found "</${tag}>"`);
        if (tag === 'pre' || (tag === 'code' && !stack.some((s) => s.tag === 'pre'))) pre.push(text.slice(open.start));
      } else stack.push({ tag, start: text.length });
      i = close + 1;
    } else if (c === '>') {
      throw new ApiFailure(400, `Bad Request: can't parse entities: character '>' is reserved at byte offset ${i}`);
    } else if (c === '&') {
      const m = /^&(?:(lt|gt|amp|quot)|#(\d+)|#x([0-9a-f]+));/i.exec(html.slice(i));
      if (!m) throw new ApiFailure(400, `Bad Request: can't parse entities: character '&' is reserved at byte offset ${i}`);
      text += m[1] ? NAMED_ENTITIES[m[1].toLowerCase()]! : String.fromCodePoint(m[2] ? Number(m[2]) : parseInt(m[3]!, 16));
      i += m[0].length;
    } else {
      text += c;
      i++;
    }
  }
  if (stack.length) throw new ApiFailure(400, `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${stack[stack.length - 1]!.tag}"`);
  return { text, pre };
}

/** The entities Telegram's clients attach to a typed message: commands and mentions. */
export function entitiesOf(text: string, users: Map<string, User> = new Map()): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const pattern = /(^|[\s(])(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?|@[A-Za-z0-9_]{5,32})(?=$|[\s.,;:!?)])/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const offset = m.index + m[1]!.length;
    const token = m[2]!;
    if (token.startsWith('/')) entities.push({ type: 'bot_command', offset, length: token.length });
    else entities.push({ type: 'mention', offset, length: token.length });
  }
  for (const [name, user] of users) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      entities.push({ type: 'text_mention', offset: at, length: name.length, user });
    }
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

/** Splits a multipart/form-data body into fields and files. */
function parseMultipart(body: Buffer, boundary: string): { fields: Json; files: UploadedFile[] } {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Json = {};
  const files: UploadedFile[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const fileName = /filename="?([^"\r\n;]*)"?/i.exec(head)?.[1];
    if (fileName !== undefined) files.push({ field: name, fileName, bytes: Buffer.from(content) });
    else fields[name] = content.toString('utf8');
    at = next;
  }
  return { fields, files };
}

function fieldValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^[[{]/.test(value) || /^-?\d+$/.test(value) || value === 'true' || value === 'false') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

export interface FakeTelegramOptions {
  token?: string;
  username?: string;
}

export class FakeTelegram {
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

  private server!: Server;
  private port = 0;
  private nextUpdateId = 700_000;
  private nextUserId = 5_000_000;
  private nextGroupId = 4_000_000_000;
  private nextFile = 1;
  private nextQuery = 1;
  private readonly queue: Queued[] = [];
  private waiters: (() => void)[] = [];
  private readonly messageIds = new Map<number, number>();
  private readonly chats = new Map<number, Chat>();
  private readonly kicked = new Set<number>();
  private readonly migratedTo = new Map<number, number>();
  private readonly started = new Set<number>();
  private readonly files = new Map<string, StoredFile>();
  private readonly queries = new Map<string, { answered: boolean }>();
  private readonly failures: Failure[] = [];
  private readonly watchers = new Set<() => void>();
  private seq = 0;

  private constructor(options: FakeTelegramOptions) {
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

  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(options);
    fake.server = createServer((req, res) => void fake.dispatch(req, res));
    fake.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
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

  // ——— people and chats ———

  /** A Telegram account; the bot may write to it privately only once it wrote to the bot. */
  user(firstName: string, options: { lastName?: string; username?: string; languageCode?: string } = {}): User {
    const id = this.nextUserId++;
    this.chats.set(id, { id, type: 'private', first_name: firstName, last_name: options.lastName, username: options.username });
    return {
      id,
      is_bot: false,
      first_name: firstName,
      last_name: options.lastName,
      username: options.username,
      language_code: options.languageCode ?? 'vi',
    };
  }

  group(title: string, type: 'group' | 'supergroup' = 'supergroup'): Chat.GroupChat | Chat.SupergroupChat {
    const id = type === 'supergroup' ? -(1_000_000_000_000 + this.nextGroupId++) : -this.nextGroupId++;
    const chat = type === 'supergroup' ? ({ id, type, title } as Chat.SupergroupChat) : ({ id, type, title } as Chat.GroupChat);
    this.chats.set(id, chat);
    return chat;
  }

  privateChat(user: User): Chat.PrivateChat {
    const chat: Chat.PrivateChat = { id: user.id, type: 'private', first_name: user.first_name, last_name: user.last_name, username: user.username };
    this.chats.set(chat.id, chat);
    return chat;
  }

  /** A person types a message (commands and @mentions get their entities, as clients do). */
  say(chat: Chat, from: User, text: string, options: { replyTo?: Message; mentionUsers?: User[]; threadId?: number } = {}): Message {
    const named = new Map((options.mentionUsers ?? []).map((u) => [u.first_name, u] as [string, User]));
    const entities = entitiesOf(text, named);
    return this.post(chat, from, { text, entities: entities.length ? entities : undefined }, options);
  }

  /** A person sends a file, with a caption (which may hold a command). */
  sendFile(chat: Chat, from: User, file: { fileName: string; mimeType?: string; bytes: Uint8Array; caption?: string }): Message {
    const stored = this.storeFile(file.fileName, Buffer.from(file.bytes), file.mimeType);
    const entities = file.caption ? entitiesOf(file.caption) : [];
    return this.post(chat, from, {
      document: { file_id: stored.id, file_unique_id: stored.uniqueId, file_name: stored.fileName, mime_type: stored.mimeType, file_size: stored.bytes.length },
      caption: file.caption,
      caption_entities: entities.length ? entities : undefined,
    });
  }

  /** A person presses an inline button of one of the bot's messages. */
  press(message: BotMessage, from: User, data?: string): string {
    const button = message.buttons.flat()[0];
    const payload = data ?? button?.data;
    if (payload === undefined) throw new Error('that message has no button');
    const chat = this.chats.get(message.chatId)!;
    const id = String(this.nextQuery++);
    this.queries.set(id, { answered: false });
    this.push({
      callback_query: {
        id,
        from,
        chat_instance: String(chat.id),
        data: payload,
        message: { message_id: message.messageId, date: now(), chat, from: this.bot, text: message.text } as Message,
      },
    });
    return id;
  }

  /** The bot is added to a group: `my_chat_member` and the `new_chat_members` service message. */
  addBot(chat: Chat, by: User, status: 'member' | 'administrator' = 'member'): void {
    this.kicked.delete(chat.id);
    this.push({
      my_chat_member: {
        chat,
        from: by,
        date: now(),
        old_chat_member: { status: 'left', user: this.bot },
        new_chat_member: status === 'member' ? { status: 'member', user: this.bot } : ({ status: 'administrator', user: this.bot, can_be_edited: false } as never),
      },
    });
    this.post(chat, by, { new_chat_members: [this.bot] });
  }

  /** The bot is removed from a group: later messages to it are refused. */
  removeBot(chat: Chat, by: User): void {
    this.kicked.add(chat.id);
    this.push({
      my_chat_member: {
        chat,
        from: by,
        date: now(),
        old_chat_member: { status: 'member', user: this.bot },
        new_chat_member: { status: 'kicked', user: this.bot, until_date: 0 },
      },
    });
  }

  /** A group becomes a supergroup: the old chat refuses messages with `migrate_to_chat_id`. */
  migrate(chat: Chat.GroupChat, by: User, options: { announce?: boolean } = {}): Chat.SupergroupChat {
    const next = { id: -(1_000_000_000_000 + this.nextGroupId++), type: 'supergroup', title: chat.title } as Chat.SupergroupChat;
    this.chats.set(next.id, next);
    this.migratedTo.set(chat.id, next.id);
    if (options.announce !== false) {
      this.post(chat, by, { migrate_to_chat_id: next.id });
      this.post(next, by, { migrate_from_chat_id: chat.id });
    }
    return next;
  }

  /** A person edits a message they sent: Telegram sends an `edited_message` update. */
  edit(message: Message, text: string): Message {
    const edited = { ...message, text, entities: entitiesOf(text, new Map()), edit_date: now() } as Message;
    this.push({ edited_message: edited } as Omit<Update, 'update_id'>);
    return edited;
  }

  /** A message that is not a command, e.g. sent on behalf of the group by an anonymous admin. */
  postRaw(chat: Chat, from: User, content: Partial<Message>): Message {
    return this.post(chat, from, content);
  }

  /** Queues an update again with the same `update_id`, as Telegram does after a lost acknowledgement. */
  redeliver(update: Update): void {
    this.queue.push({ update, forced: true, delivered: false });
    this.wake();
  }

  /** The update that carried a message the test posted. */
  updateOf(message: Message): Update {
    const found = this.queue.find((q) => q.update.message === message) ?? this.delivered.find((u) => u.message === message);
    if (!found) throw new Error('no such update');
    return 'update' in found ? found.update : found;
  }

  /** The next `count` calls of `method` fail with `code` (a 429 carries `retry_after`). */
  failNext(method: string | RegExp, count: number, code = 429, retryAfter = 1): void {
    const description = code === 429 ? `Too Many Requests: retry after ${retryAfter}` : `Error ${code}`;
    this.failures.push({ method, remaining: count, code, description, parameters: code === 429 ? { retry_after: retryAfter } : undefined });
  }

  // ——— webhook ———

  /**
   * Posts an update to the webhook the bot set, as Telegram does (`secret` overrides the
   * header); resolves with the HTTP status.
   */
  async postWebhook(update: Update, secret: string | null = this.webhook?.secret ?? null): Promise<number> {
    if (!this.webhook) throw new Error('no webhook set');
    const url = new URL(this.webhook.url);
    const body = Buffer.from(JSON.stringify(update));
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': body.length };
    if (secret !== null) headers['x-telegram-bot-api-secret-token'] = secret;
    return new Promise((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Builds an update without queueing it (for webhook tests). */
  buildMessageUpdate(chat: Chat, from: User, text: string): Update {
    const entities = entitiesOf(text);
    return { update_id: this.nextUpdateId++, message: this.message(chat, from, { text, entities: entities.length ? entities : undefined }) } as Update;
  }

  // ——— assertions ———

  /** Messages the bot sent to one chat. */
  sentTo(chatId: number): BotMessage[] {
    return this.sent.filter((m) => m.chatId === chatId);
  }

  /** Resolves with the first sent message (counting from `from`) that matches. */
  async waitForMessage(match: (m: BotMessage) => boolean, options: { from?: number; timeoutMs?: number } = {}): Promise<BotMessage> {
    const [message] = await this.waitForMessages(1, match, options);
    return message!;
  }

  /** Resolves once `count` sent messages (counting from index `from`) match. */
  async waitForMessages(count: number, match: (m: BotMessage) => boolean = () => true, options: { from?: number; timeoutMs?: number } = {}): Promise<BotMessage[]> {
    const found = () => this.sent.slice(options.from ?? 0).filter(match);
    await this.waitUntil(() => found().length >= count, options.timeoutMs, () => `${count} messages; got ${found().length}: ${JSON.stringify(this.sent.slice(-5).map((m) => m.text))}`);
    return found().slice(0, count);
  }

  /** Resolves with the first recorded call that matches. */
  async waitForCall(match: (c: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall> {
    await this.waitUntil(() => this.calls.some(match), timeoutMs, () => 'a matching call');
    return this.calls.find(match)!;
  }

  /** Resolves when `condition` holds, checked after every call and update. */
  waitUntil(condition: () => boolean, timeoutMs = 10_000, what: () => string = () => 'condition'): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.watchers.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.watchers.delete(check);
        reject(new Error(`FakeTelegram: timed out waiting for ${what()}`));
      }, timeoutMs);
      this.watchers.add(check);
    });
  }

  /** Calls of one method. */
  callsOf(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Updates no `getUpdates` call has fetched yet. */
  get pendingUpdates(): number {
    return this.queue.filter((q) => !q.delivered).length;
  }

  // ——— internals ———

  private readonly delivered: Update[] = [];

  private post(chat: Chat, from: User, content: Partial<Message>, options: { replyTo?: Message; threadId?: number } = {}): Message {
    if (chat.type === 'private') this.started.add(from.id);
    const message = this.message(chat, from, content, options);
    this.push({ message } as Omit<Update, 'update_id'>);
    return message;
  }

  private message(chat: Chat, from: User, content: Partial<Message>, options: { replyTo?: Message; threadId?: number } = {}): Message {
    this.chats.set(chat.id, chat);
    return {
      message_id: this.nextMessageId(chat.id),
      date: now(),
      chat,
      from,
      ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
      ...(options.threadId ? { message_thread_id: options.threadId, is_topic_message: true } : {}),
      ...content,
    } as Message;
  }

  private push(content: Omit<Update, 'update_id'>): Update {
    const update = { update_id: this.nextUpdateId++, ...content } as Update;
    this.queue.push({ update, forced: false, delivered: false });
    this.wake();
    return update;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
    this.notify();
  }

  private notify(): void {
    for (const check of [...this.watchers]) check();
  }

  private nextMessageId(chatId: number): number {
    const id = (this.messageIds.get(chatId) ?? 0) + 1;
    this.messageIds.set(chatId, id);
    return id;
  }

  private storeFile(fileName: string, bytes: Buffer, mimeType?: string): StoredFile {
    const n = this.nextFile++;
    const extension = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.')) : '';
    const file: StoredFile = { id: `FILE${n}xyz`, uniqueId: `U${n}`, path: `documents/file_${n}${extension}`, fileName, mimeType, bytes };
    this.files.set(file.id, file);
    return file;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
      const failure = this.failures.find((f) => f.remaining > 0 && (typeof f.method === 'string' ? f.method === method : f.method.test(method)));
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
      this.respond(res, { ok: false, error_code: failure.code, description: failure.description, ...(failure.parameters ? { parameters: failure.parameters } : {}) });
    }
  }

  private accept(message: BotMessage): void {
    this.sent.push(message);
    this.onSent?.(message);
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    this.notify();
  }

  private respond(res: ServerResponse, payload: Json): void {
    if (res.writableEnded || res.destroyed) return;
    const status = payload.ok ? 200 : (payload.error_code as number);
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  }

  private parseBody(req: IncomingMessage, body: Buffer, url: URL): { params: Json; files: UploadedFile[] } {
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

  private async handle(method: string, p: Json, files: UploadedFile[], req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    switch (method) {
      case 'getMe':
        return this.bot;
      case 'getUpdates':
        return this.getUpdates(p, req, res);
      case 'setWebhook':
        this.webhook = { url: String(p.url), secret: p.secret_token as string | undefined, allowedUpdates: p.allowed_updates as string[] | undefined };
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
        if (!query || query.answered) throw new ApiFailure(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
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

  private async getUpdates(p: Json, req: IncomingMessage, res: ServerResponse): Promise<Update[]> {
    if (this.webhook) throw new ApiFailure(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
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

  private setMyCommands(p: Json): true {
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

  private target(chatId: unknown): Chat {
    const id = Number(chatId);
    const migrated = this.migratedTo.get(id);
    if (migrated !== undefined) throw new ApiFailure(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: migrated });
    if (this.kicked.has(id)) throw new ApiFailure(403, 'Forbidden: bot was kicked from the supergroup chat');
    const chat = this.chats.get(id);
    if (!chat) throw new ApiFailure(400, 'Bad Request: chat not found');
    if (chat.type === 'private' && !this.started.has(id)) throw new ApiFailure(403, "Forbidden: bot can't initiate conversation with a user");
    return chat;
  }

  private buttons(markup: unknown): { text: string; data: string }[][] {
    const keyboard = (markup as { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined)?.inline_keyboard;
    if (!keyboard) return [];
    return keyboard.map((row) =>
      row.map((b) => {
        const data = b.callback_data ?? '';
        if (!b.text) throw new ApiFailure(400, 'Bad Request: text buttons are unallowed in the inline keyboard');
        if (Buffer.byteLength(data, 'utf8') < 1 || Buffer.byteLength(data, 'utf8') > 64) throw new ApiFailure(400, 'Bad Request: BUTTON_DATA_INVALID');
        return { text: b.text, data };
      }),
    );
  }

  private parsed(html: string | undefined, parseMode: unknown): { text: string; pre: string[] } {
    if (html === undefined) return { text: '', pre: [] };
    return parseMode === 'HTML' ? parseTelegramHtml(html) : { text: html, pre: [] };
  }

  private sendMessage(p: Json): Message {
    const chat = this.target(p.chat_id);
    const html = String(p.text ?? '');
    const { text, pre } = this.parsed(html, p.parse_mode);
    if (!text.trim()) throw new ApiFailure(400, 'Bad Request: message text is empty');
    if (text.length > 4096) throw new ApiFailure(400, 'Bad Request: message is too long');
    const buttons = this.buttons(p.reply_markup);
    const replyTo = (p.reply_parameters as { message_id?: number } | undefined)?.message_id ?? (p.reply_to_message_id as number | undefined);
    const messageId = this.nextMessageId(chat.id);
    this.accept({ method: 'sendMessage', messageId, chatId: chat.id, text, html, pre, buttons, replyTo, threadId: p.message_thread_id as number | undefined, at: performance.now() });
    return { message_id: messageId, date: now(), chat, from: this.bot, text } as Message;
  }

  private sendMedia(method: string, p: Json, files: UploadedFile[]): Message {
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
    this.accept({ method, messageId, chatId: chat.id, text, html: html ?? '', pre, buttons, replyTo, threadId: p.message_thread_id as number | undefined, file, at: performance.now() });
    const media =
      method === 'sendPhoto'
        ? { photo: [{ file_id: stored.id, file_unique_id: stored.uniqueId, width: 800, height: 600, file_size: file.bytes.length }] }
        : { document: { file_id: stored.id, file_unique_id: stored.uniqueId, file_name: stored.fileName, file_size: file.bytes.length } };
    return { message_id: messageId, date: now(), chat, from: this.bot, caption: html === undefined ? undefined : text, ...media } as Message;
  }
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}
