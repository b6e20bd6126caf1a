import { sequentialize } from '@grammyjs/runner';
import type { Api, Bot, Context } from 'grammy';
import type { Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { Incoming } from '../../app/ports.js';
import type { Locale } from '../../i18n/i18n.js';
import type { CommandLine } from '../kit/command-line.js';
import type { ConversationLoop } from '../kit/conversation.js';
import { localeFor } from '../kit/locale.js';
import type { ChatEvents } from './chat-events.js';
import { attachmentsOf } from './files.js';
import {
  addressedElsewhere,
  chatKey,
  chatKind,
  displayName,
  mentionsOf,
  originOf,
  parseAction,
  parseCommand,
  textOf,
  type TelegramOrigin,
} from './incoming.js';

/** The user Telegram shows as the sender of an anonymous group admin's messages. */
const ANONYMOUS_ADMIN_ID = 1087968824;

/** What the update handlers need of the adapter. */
export interface UpdateDeps {
  loop: ConversationLoop<TelegramOrigin>;
  events: ChatEvents;
  logger: Logger;
  fallback: Locale;
  api: Api;
  /** `<apiRoot>/file/bot<token>`: where documents are downloaded from. */
  fileRoot: string;
  me(): UserFromGetMe;
  /** Told the id of every update that reaches the bot (to acknowledge them on stop). */
  seen(updateId: number): void;
}

/**
 * Installs the bot's update handlers: commands typed (also as a file's caption), edited
 * commands, button presses and the bot's own membership changes; updates of one chat are
 * handled in order (`sequentialize`), a group and its supergroup as one.
 */
export function installUpdates(bot: Bot, deps: UpdateDeps): void {
  const updates = new Updates(deps);
  bot.use((ctx, next) => {
    deps.seen(ctx.update.update_id);
    return next();
  });
  bot.use(
    sequentialize((ctx: Context) => {
      const keys: string[] = [];
      if (ctx.chat) keys.push(String(ctx.chat.id));
      if (ctx.message?.migrate_to_chat_id) keys.push(String(ctx.message.migrate_to_chat_id));
      return keys.length ? keys : undefined;
    }),
  );
  bot.on('message', (ctx) => updates.message(ctx.update, ctx.message));
  bot.on('edited_message', (ctx) => updates.edited(ctx.editedMessage));
  bot.on('callback_query:data', async (ctx) => {
    try {
      await updates.button(ctx.update);
    } finally {
      await ctx.answerCallbackQuery().catch((error: unknown) => deps.logger.warn({ err: error }, 'telegram: answerCallbackQuery failed'));
    }
  });
  bot.on('my_chat_member', (ctx) => deps.events.membership(ctx.update));
  bot.catch((error) => {
    deps.logger.error({ err: error.error, updateId: error.ctx.update.update_id }, 'telegram: update failed');
  });
}

/** Telegram updates turned into `Incoming` for the conversation loop. */
class Updates {
  constructor(private readonly deps: UpdateDeps) {}

  async message(update: Update, message: Message): Promise<void> {
    const { events, loop } = this.deps;
    const updateId = `telegram:${update.update_id}`;
    if (message.migrate_to_chat_id) return events.migrated(message.chat.id, message.migrate_to_chat_id, updateId);
    if (message.new_chat_members?.some((user) => user.id === this.deps.me().id))
      return events.botAdded(message.chat, message.from, false, updateId);
    const kind = chatKind(message.chat);
    const { text, entities } = textOf(message);
    const parsed = parseCommand(text, entities);
    const me = this.deps.me();
    if (!kind || !parsed || !message.from || addressedElsewhere(parsed, me.username)) return;
    const origin = originOf(message, message.from, kind);
    const locale = localeFor(message.from.language_code, this.deps.fallback);
    if (message.sender_chat || message.from.id === ANONYMOUS_ADMIN_ID) {
      // An anonymous admin (or a channel) has no person behind it the core could know.
      return loop.say(origin, locale, 'telegram-anonymous-admin');
    }
    const mentions = mentionsOf(text, entities, me.username);
    const incoming: Incoming = {
      ...incomingOf(update, message.chat, kind, message.from, parsed),
      ...(mentions.length ? { mentions } : {}),
      ...attachmentsOf(message, this.deps.api, this.deps.fileRoot),
    };
    await loop.converse(incoming, origin, locale);
  }

  /**
   * An edited command is not run again (a second `/score` would add a version the person may
   * not want, an edited `/close` cannot be undone): the person is told to send a new message.
   */
  async edited(message: Message): Promise<void> {
    const kind = chatKind(message.chat);
    const { text, entities } = textOf(message);
    const parsed = parseCommand(text, entities);
    if (!kind || !parsed || !message.from || message.sender_chat || addressedElsewhere(parsed, this.deps.me().username)) return;
    const locale = localeFor(message.from.language_code, this.deps.fallback);
    await this.deps.loop.say(originOf(message, message.from, kind), locale, 'telegram-edit-ignored', { command: parsed.command });
  }

  async button(update: Update): Promise<void> {
    const query = update.callback_query;
    const message = query?.message;
    const kind = message && chatKind(message.chat);
    if (!query?.data || !message || !kind) return;
    const origin: TelegramOrigin = {
      chatId: message.chat.id,
      kind,
      userId: query.from.id,
      userName: displayName(query.from),
      languageCode: query.from.language_code,
      replyTo: kind === 'group' ? message.message_id : undefined,
      threadId: 'is_topic_message' in message && message.is_topic_message ? message.message_thread_id : undefined,
    };
    const incoming = { ...incomingOf(update, message.chat, kind, query.from, parseAction(query.data)), action: query.data };
    await this.deps.loop.converse(incoming, origin, localeFor(query.from.language_code, this.deps.fallback));
  }
}

/** A command or button press of a Telegram update as the core's `Incoming` (also read from the inbox). */
export function incomingOf(update: Update, chat: Chat, kind: 'group' | 'private', from: User, parsed: CommandLine): Incoming {
  return {
    platform: 'telegram',
    updateId: `telegram:${update.update_id}`,
    chat: { key: chatKey(chat.id), kind, title: 'title' in chat ? chat.title : undefined },
    sender: { key: `telegram:${from.id}`, displayName: displayName(from), username: from.username, languageCode: from.language_code },
    command: parsed.command,
    args: parsed.args,
    body: parsed.body,
  };
}
