import type { Incoming } from '../../app/ports.js';
import { parseCommandLine, type CommandLine } from '../kit/command-line.js';
import type { Origin } from '../kit/conversation.js';
import type { ZaloUpdate } from './update.js';

/** Where the answers to one Zalo message go. Zalo has no quoting: only the chat and the person. */
export interface ZaloOrigin extends Origin {
  chatId: string;
  /** The person: in Zalo their private chat with the bot has their user id. */
  userId: string;
  userName: string;
}

/** The chat key the core knows a Zalo chat by. */
export function chatKey(chatId: string): string {
  return `zalo:${chatId}`;
}

/** The Zalo chat id inside a chat key, or `undefined` when the key belongs elsewhere. */
export function chatIdOf(key: string): string | undefined {
  const match = /^zalo:([A-Za-z0-9_-]{1,64})$/.exec(key);
  return match ? match[1] : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a message asks of the bot. In a private chat a text starting with `/` is a command. In
 * a group (where Zalo lets the bot in) only a message that mentions the bot (`@<bot name>`) is:
 * the mention is taken out and the rest is the command, the slash optional. `undefined` for
 * anything else (the bot stays quiet in groups; `text` tells a private chat's other messages).
 */
export function commandOf(update: ZaloUpdate, botNames: readonly string[]): { command: CommandLine } | { text: string } | undefined {
  const raw = update.text ?? update.caption;
  if (raw === undefined) return undefined;
  if (update.chat.kind === 'private') {
    const command = parseCommandLine(raw);
    return command ? { command } : raw.trim() ? { text: raw } : undefined;
  }
  const names = botNames.filter(Boolean).map(escapeRegExp);
  if (!names.length) return undefined;
  const mention = new RegExp(`@(?:${names.join('|')})(?=$|[\\s,.:;!?])`, 'giu');
  if (!mention.test(raw)) return undefined;
  const rest = raw.replace(mention, ' ').replace(/^[\s,.:;]+/, '');
  const command = parseCommandLine(rest.startsWith('/') ? rest : `/${rest}`);
  return command ? { command } : undefined;
}

/** The `Incoming` the core gets for a Zalo message; the ledger key is `zalo:<message_id>`. */
export function incomingOf(update: ZaloUpdate, parsed: CommandLine): Incoming {
  return {
    platform: 'zalo',
    updateId: `zalo:${update.messageId}`,
    chat: { key: chatKey(update.chat.id), kind: update.chat.kind },
    sender: { key: `zalo:${update.from.id}`, displayName: update.from.displayName },
    command: parsed.command,
    args: parsed.args,
    body: parsed.body,
  };
}

/** Where the answers to a message go. */
export function originOf(update: ZaloUpdate): ZaloOrigin {
  return { chatId: update.chat.id, kind: update.chat.kind, userId: update.from.id, userName: update.from.displayName };
}
