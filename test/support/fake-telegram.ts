import { request } from 'node:http';
import type { Chat, Message, Update, User } from 'grammy/types';
import { FakeBotApi, type FakeTelegramOptions } from './fake-bot-api.js';
import { entitiesOf, now, type ApiCall, type BotMessage } from './fake-telegram-wire.js';

export { entitiesOf, parseTelegramHtml, type ApiCall, type BotMessage, type UploadedFile } from './fake-telegram-wire.js';

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
export class FakeTelegram extends FakeBotApi {
  static async start(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
    const fake = new FakeTelegram(options);
    await fake.listen();
    return fake;
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
    const chat: Chat.PrivateChat = {
      id: user.id,
      type: 'private',
      first_name: user.first_name,
      last_name: user.last_name,
      username: user.username,
    };
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
      document: {
        file_id: stored.id,
        file_unique_id: stored.uniqueId,
        file_name: stored.fileName,
        mime_type: stored.mimeType,
        file_size: stored.bytes.length,
      },
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
        new_chat_member:
          status === 'member'
            ? { status: 'member', user: this.bot }
            : ({ status: 'administrator', user: this.bot, can_be_edited: false } as never),
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
    return {
      update_id: this.nextUpdateId++,
      message: this.message(chat, from, { text, entities: entities.length ? entities : undefined }),
    } as Update;
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
  async waitForMessages(
    count: number,
    match: (m: BotMessage) => boolean = () => true,
    options: { from?: number; timeoutMs?: number } = {},
  ): Promise<BotMessage[]> {
    const found = () => this.sent.slice(options.from ?? 0).filter(match);
    await this.waitUntil(
      () => found().length >= count,
      options.timeoutMs,
      () => `${count} messages; got ${found().length}: ${JSON.stringify(this.sent.slice(-5).map((m) => m.text))}`,
    );
    return found().slice(0, count);
  }

  /** Resolves with the first recorded call that matches. */
  async waitForCall(match: (c: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall> {
    await this.waitUntil(
      () => this.calls.some(match),
      timeoutMs,
      () => 'a matching call',
    );
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

  // ——— internals ———

  protected post(chat: Chat, from: User, content: Partial<Message>, options: { replyTo?: Message; threadId?: number } = {}): Message {
    if (chat.type === 'private') this.started.add(from.id);
    const message = this.message(chat, from, content, options);
    this.push({ message } as Omit<Update, 'update_id'>);
    return message;
  }

  protected message(chat: Chat, from: User, content: Partial<Message>, options: { replyTo?: Message; threadId?: number } = {}): Message {
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
}
