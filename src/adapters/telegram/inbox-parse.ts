import type { Chat, ChatMember, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { Incoming } from '../../app/ports.js';
import type { InboxWork } from '../kit/inbox-worker.js';
import type { CommandLine } from '../kit/command-line.js';
import { addressedElsewhere, chatKey, chatKind, displayName, mentionsOf, parseAction, parseCommand, textOf } from './incoming.js';

/** The user Telegram shows as the sender of an anonymous group admin's messages. */
const ANONYMOUS_ADMIN_ID = 1087968824;

/**
 * Where a reply goes in a Telegram chat, as the outbox keeps it: the message it answers (`r`),
 * the forum topic (`t`), and the person's name (`n`) for the note that they must start a
 * private chat with the bot first.
 */
export interface TelegramPlacement {
  r?: number;
  t?: number;
  n?: string;
}

/** What the reader needs of the adapter. */
export interface TelegramInboxContext {
  me(): UserFromGetMe;
  /** The adapter's `Incoming` for a command (platform ids, sender, capabilities). */
  incoming(update: Update, chat: Chat, kind: 'group' | 'private', from: User, parsed: CommandLine): Incoming;
  /** The documents a message carries, as attachments. */
  attachments(message: Message): Pick<Incoming, 'attachments'>;
  /** The adapter's own path, for what changes nothing or is its own business (edits, joins, migrations). */
  own(update: Update): Promise<void>;
  /** Answers a button press's callback query (the spinner on the person's button stops). */
  answerButton(queryId: string): Promise<void>;
}

/**
 * Reads a stored Telegram update: command messages and button presses become `Incoming` for the
 * core, with their placement in the chat (the first reply quotes the person's message in groups,
 * in its forum topic); the bot's removal from a chat is a chat event; the rest (edited commands,
 * anonymous admins, the bot added, group migrations) goes the adapter's own way.
 */
export function readTelegramUpdate(update: Update, ctx: TelegramInboxContext): InboxWork | undefined {
  const own: InboxWork = { kind: 'local', run: () => ctx.own(update) };
  const me = ctx.me();
  if (update.message) {
    const message = update.message;
    if (message.migrate_to_chat_id || message.new_chat_members?.some((user) => user.id === me.id)) return own;
    const kind = chatKind(message.chat);
    const { text, entities } = textOf(message);
    const parsed = parseCommand(text, entities);
    if (!kind || !parsed || !message.from || addressedElsewhere(parsed, me.username)) return undefined;
    if (message.sender_chat || message.from.id === ANONYMOUS_ADMIN_ID) return own;
    const mentions = mentionsOf(text, entities, me.username);
    const place: TelegramPlacement = {
      r: kind === 'group' ? message.message_id : undefined,
      t: message.is_topic_message ? message.message_thread_id : undefined,
      n: displayName(message.from),
    };
    return {
      kind: 'incoming',
      incoming: {
        ...ctx.incoming(update, message.chat, kind, message.from, parsed),
        ...(mentions.length ? { mentions } : {}),
        ...ctx.attachments(message),
      },
      ...placements(place),
    };
  }
  const query = update.callback_query;
  if (query) {
    const message = query.message;
    const kind = message && chatKind(message.chat);
    if (!query.data || !message || !kind) return { kind: 'local', run: () => ctx.answerButton(query.id) };
    const place: TelegramPlacement = {
      r: kind === 'group' ? message.message_id : undefined,
      t: 'is_topic_message' in message && message.is_topic_message ? message.message_thread_id : undefined,
      n: displayName(query.from),
    };
    return {
      kind: 'incoming',
      incoming: { ...ctx.incoming(update, message.chat, kind, query.from, parseAction(query.data)), action: query.data },
      after: () => ctx.answerButton(query.id),
      ...placements(place),
    };
  }
  const change = update.my_chat_member;
  if (change && change.chat.type !== 'channel' && isIn(change.old_chat_member) && !isIn(change.new_chat_member)) {
    return { kind: 'event', event: { type: 'bot-removed', chatKey: chatKey(change.chat.id), updateId: `telegram:${update.update_id}` } };
  }
  if (change || update.edited_message) return own;
  return undefined;
}

function placements(place: TelegramPlacement): { placement: string; follow: string } {
  return { placement: JSON.stringify(place), follow: JSON.stringify({ ...place, r: undefined }) };
}

/** In the chat: a member of any rank, or restricted but still a member (as the adapter reads it). */
function isIn(member: ChatMember): boolean {
  if (member.status === 'creator' || member.status === 'administrator' || member.status === 'member') return true;
  return member.status === 'restricted' && member.is_member;
}
