import type { Chat, Message, MessageEntity, User } from 'grammy/types';
import type { Mention } from '../../app/ports.js';

/** A command line taken apart: `/Score@ThiDuaBot 1.1 8` → `score`, `ThiDuaBot`, `1.1 8`. */
export interface ParsedCommand {
  /** Lower-case name without the slash or `@botname`. */
  command: string;
  /** The bot the command was addressed to (`@botname`), as written. */
  target?: string;
  /** The rest of the first line, trimmed. */
  args: string;
  /** The following lines, without trailing blank lines. */
  body: string;
}

function splitLines(text: string, firstLineFrom: number): { args: string; body: string } {
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const body = newline < 0 ? '' : text.slice(newline + 1).replace(/\s+$/, '').replace(/^(?:[ \t]*\n)+/, '');
  return { args: firstLine.slice(firstLineFrom).trim(), body };
}

/**
 * The command of a message, as Telegram marks it: a `bot_command` entity at the very start of
 * the text (or caption). Messages that merely mention a command later on are not commands.
 */
export function parseCommand(text: string | undefined, entities: MessageEntity[] | undefined): ParsedCommand | undefined {
  if (!text) return undefined;
  const entity = entities?.find((e) => e.type === 'bot_command' && e.offset === 0);
  if (!entity) return undefined;
  const [name, target] = text.slice(1, entity.length).split('@');
  if (!name) return undefined;
  return { command: name.toLowerCase(), target: target || undefined, ...splitLines(text, entity.length) };
}

/**
 * The command carried by a button's `callback_data` (`/approve CA`). The data comes from the
 * client and may be forged: whatever it says is parsed the same way and the core judges it.
 */
export function parseAction(data: string): ParsedCommand {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?=\s|$)/.exec(data);
  if (!match) return { command: '', args: data.trim(), body: '' };
  return { command: match[1]!.toLowerCase(), target: match[2], ...splitLines(data, match[0].length) };
}

/** True when a command addressed with `@target` is meant for another bot. */
export function addressedElsewhere(parsed: ParsedCommand, botUsername: string): boolean {
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
