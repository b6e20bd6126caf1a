import type { Chat, ChatMember, Update, User, UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { ChatEvent, Core, HandleResult } from '../../app/core.js';
import type { Locale } from '../../i18n/i18n.js';
import type { Msg } from '../../reply.js';
import type { ConversationLoop } from '../kit/conversation.js';
import { localeFor } from '../kit/locale.js';
import { chatKey, chatKind, displayName, type TelegramOrigin } from './incoming.js';

const MEMBER_STATUSES: ReadonlySet<ChatMember['status']> = new Set(['creator', 'administrator', 'member']);

function isIn(member: ChatMember): boolean {
  return MEMBER_STATUSES.has(member.status) || (member.status === 'restricted' && member.is_member);
}

/** What the chat events need of the adapter. */
export interface ChatEventsDeps {
  core: Core;
  loop: ConversationLoop<TelegramOrigin>;
  logger: Logger;
  fallback: Locale;
  me(): UserFromGetMe;
}

/**
 * Changes to a chat that are not commands, as Telegram reports them: the bot added (greeted
 * once, with Telegram's advice), removed (the cluster's other chats are told), or a group that
 * became a supergroup (followed, also when only a refused send reveals it).
 */
export class ChatEvents {
  /** Chats whose bot-added event was handled lately (Telegram reports it twice). */
  private readonly recentlyAdded = new Map<number, number>();
  /** Groups known to have become supergroups: old id → new id. */
  private readonly migrations = new Map<number, number>();

  constructor(private readonly deps: ChatEventsDeps) {}

  /** The chat a message for `chatId` goes to now. */
  target(chatId: number): number {
    return this.migrations.get(chatId) ?? chatId;
  }

  /** True when the group's migration is already known (a second refusal is not followed again). */
  knowsMigrationOf(chatId: number): boolean {
    return this.migrations.has(chatId);
  }

  /** A `my_chat_member` update: the bot's own membership changed. */
  async membership(update: Update): Promise<void> {
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
      const origin: TelegramOrigin = { chatId: chat.id, kind: 'group', userId: from.id, userName: displayName(from) };
      await this.deps.loop.say(origin, localeFor(from.language_code, this.deps.fallback), 'telegram-admin-thanks');
    }
  }

  /**
   * The bot joined a group: the core records the chat and greets; the greeting gets this
   * adapter's Telegram advice (how commands reach the bot, why it should be an admin).
   */
  async botAdded(chat: Chat, from: User | undefined, admin: boolean, updateId: string): Promise<void> {
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
    const bot = this.deps.me().username;
    const intro: Msg[] = [{ key: 'telegram-intro', args: { bot: `@${bot}` } }];
    if (!admin) intro.push({ key: 'telegram-intro-admin', args: { bot, mention: `@${bot}` } });
    const replies = [...(result?.replies ?? [])];
    const last = replies[replies.length - 1];
    if (last && !last.file && !last.image && !last.privately && !last.buttons?.length) {
      replies[replies.length - 1] = { ...last, text: [...(last.text ?? []), ...intro] };
    } else replies.push({ text: intro });
    const origin: TelegramOrigin = { chatId: chat.id, kind: 'group', userId: from?.id ?? chat.id, userName: from ? displayName(from) : '' };
    const locale = localeFor(from?.language_code, this.deps.fallback);
    await this.deps.loop.deliver({ locale, notices: [], duplicate: false, ...result, replies }, origin);
  }

  /** The chat is closed to the bot: only the core's notices (to the cluster's other chats) go out. */
  async botRemoved(chatId: number, updateId: string): Promise<void> {
    const result = await this.chatEvent({ type: 'bot-removed', chatKey: chatKey(chatId), updateId });
    if (result) await this.deps.loop.deliver(result, undefined);
  }

  /** A group became a supergroup: the core moves the chat to its new key. */
  async migrated(from: number, to: number, updateId?: string): Promise<void> {
    if (this.migrations.get(from) === to) return;
    this.migrations.set(from, to);
    const result = await this.chatEvent({ type: 'migrated', chatKey: chatKey(from), newChatKey: chatKey(to), updateId });
    if (result) await this.deps.loop.deliver(result, { chatId: to, kind: 'group', userId: to, userName: '' });
  }

  private async chatEvent(event: ChatEvent): Promise<HandleResult | undefined> {
    try {
      return await this.deps.core.chatEvent(event);
    } catch (error) {
      this.deps.logger.error({ err: error, event }, 'telegram: chat event failed');
      return undefined;
    }
  }
}
