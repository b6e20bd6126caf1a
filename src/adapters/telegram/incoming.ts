import type { Chat, Message, MessageEntity, User } from 'grammy/types';
import type { Mention } from '../../app/ports.js';
import { parseCommandLine, type CommandLine } from '../kit/command-line.js';
import type { Origin } from '../kit/conversation.js';

/**
 * The command of a message, as Telegram marks it: a `bot_command` entity at the very start of
 * the text (or caption). Messages that merely mention a command later on are not commands.
 */
export function parseCommand(text: string | undefined, entities: MessageEntity[] | undefined): CommandLine | undefined {
  if (!text || !entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) return undefined;
  return parseCommandLine(text);
}

/**
 * The command carried by a button's `callback_data` (`/approve CA`). The data comes from the
 * client and may be forged: whatever it says is parsed the same way and the core judges it.
 */
export function parseAction(data: string): CommandLine {
  return parseCommandLine(data) ?? { command: '', args: data.trim(), body: '' };
}

/** True when a command addressed with `@target` is meant for another bot. */
export function addressedElsewhere(parsed: CommandLine, botUsername: string): boolean {
  return parsed.target !== undefined && parsed.target.toLowerCase() !== botUsername.toLowerCase();
}

/** A person's display name as Telegram shows it. */
export function displayName(user: Pick<User, 'first_name' | 'last_name' | 'username'>): string {
  return [user.first_name, user.last_name].filter(Boolean).join(' ') || user.username || '';
}

/** The people a message names: `@username` mentions and text mentions of users without one. */
export function mentionsOf(text: string | undefined, entities: MessageEntity[] | undefined, botUsername: string): Mention[] {
  if (!text || !entities) return [];
  const mentions: Mention[] = [];
  for (const e of entities) {
    if (e.type === 'mention') {
      const username = text.slice(e.offset + 1, e.offset + e.length);
      if (username.toLowerCase() !== botUsername.toLowerCase()) mentions.push({ username });
    } else if (e.type === 'text_mention') {
      mentions.push({ key: `telegram:${e.user.id}`, username: e.user.username, displayName: displayName(e.user) });
    }
  }
  return mentions;
}

/** The chat key the core knows a Telegram chat by. */
export function chatKey(chatId: number): string {
  return `telegram:${chatId}`;
}

/** The Telegram chat id inside a chat key, or `undefined` when the key belongs elsewhere. */
export function chatIdOf(key: string): number | undefined {
  const match = /^telegram:(-?\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** Groups and supergroups are the cluster's group chats; channels are not served. */
export function chatKind(chat: Pick<Chat, 'type'>): 'group' | 'private' | undefined {
  if (chat.type === 'private') return 'private';
  if (chat.type === 'group' || chat.type === 'supergroup') return 'group';
  return undefined;
}

/** The text and entities of a message, whether typed or written as a file's caption. */
export function textOf(message: Message): { text?: string; entities?: MessageEntity[] } {
  if (message.text !== undefined) return { text: message.text, entities: message.entities };
  return { text: message.caption, entities: message.caption_entities };
}

/** Where the answers to one message or button press go, on Telegram. */
export interface TelegramOrigin extends Origin {
  chatId: number;
  userId: number;
  userName: string;
  languageCode?: string;
  /** The message the first answer quotes (groups only). */
  replyTo?: number;
  /** The forum topic of the conversation. */
  threadId?: number;
}

/** Where and to whom the answer to a person's message goes: quoted in groups, in its forum topic. */
export function originOf(message: Message, from: User, kind: 'group' | 'private'): TelegramOrigin {
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
