import type { Incoming } from '../../app/ports.js';
import { parseCommandLine, type CommandLine } from '../kit/command-line.js';
import type { Origin } from '../kit/conversation.js';
import type { ZaloClient } from './client.js';
import { pictureAttachments } from './pictures.js';
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

/** A sentence the adapter answers a private message with by itself, the core not asked. */
export type ZaloHint = 'zalo-not-a-command' | 'zalo-picture-without-command' | 'zalo-file-not-received';

/**
 * What a message asks of the bot. In a private chat a text (or a picture's caption) starting
 * with `/` is a command; anything else there gets a hint: how to type a command, how to send a
 * picture as evidence (with `/evidence CRITERION` as its caption), that Zalo passes no files to
 * bots. In a group (where Zalo lets the bot in) only a message that mentions the bot
 * (`@<bot name>`) is a command: the mention is taken out and the rest is the command, the slash
 * optional. `undefined` for anything else (the bot stays quiet in groups).
 */
export function commandOf(update: ZaloUpdate, botNames: readonly string[]): { command: CommandLine } | { hint: ZaloHint } | undefined {
  const raw = update.text ?? update.caption;
  if (update.chat.kind === 'private') {
    const command = raw === undefined ? undefined : parseCommandLine(raw);
    if (command) return { command };
    if (update.photoUrl) return { hint: 'zalo-picture-without-command' };
    if (update.eventName === 'message.unsupported.received') return { hint: 'zalo-file-not-received' };
    return raw?.trim() ? { hint: 'zalo-not-a-command' } : undefined;
  }
  if (raw === undefined) return undefined;
  const names = botNames.filter(Boolean).map(escapeRegExp);
  if (!names.length) return undefined;
  const mention = new RegExp(`@(?:${names.join('|')})(?=$|[\\s,.:;!?])`, 'giu');
  if (!mention.test(raw)) return undefined;
  const rest = raw.replace(mention, ' ').replace(/^[\s,.:;]+/, '');
  const command = parseCommandLine(rest.startsWith('/') ? rest : `/${rest}`);
  return command ? { command } : undefined;
}

/**
 * The `Incoming` the core gets for a Zalo message; the ledger key is `zalo:<message_id>`. A
 * picture comes along as an attachment, fetched through `client` when the core asks for it.
 */
export function incomingOf(update: ZaloUpdate, parsed: CommandLine, client: Pick<ZaloClient, 'download'>): Incoming {
  return {
    platform: 'zalo',
    updateId: `zalo:${update.messageId}`,
    chat: { key: chatKey(update.chat.id), kind: update.chat.kind },
    sender: { key: `zalo:${update.from.id}`, displayName: update.from.displayName },
    command: parsed.command,
    args: parsed.args,
    body: parsed.body,
    ...pictureAttachments(update, client),
  };
}

/** Where the answers to a message go. */
export function originOf(update: ZaloUpdate): ZaloOrigin {
  return { chatId: update.chat.id, kind: update.chat.kind, userId: update.from.id, userName: update.from.displayName };
}
