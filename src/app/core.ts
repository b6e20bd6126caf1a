import type { Notice, Reply } from '../reply.js';
import type { Incoming } from './ports.js';

/** What the core answers to one incoming message or event. */
export interface HandleResult {
  /** The language to render the replies in (the sender's). */
  locale: string;
  /** Replies to the chat the message came from (or to the sender, where `privately`). */
  replies: Reply[];
  /** Messages for other chats (e.g. the secretary's chats when a join request arrives). */
  notices: Notice[];
  /** The update was handled before (redelivered): nothing was changed and nothing is sent. */
  duplicate: boolean;
}

/** A change to a chat that is not a message: the bot added or removed, a group migrated. */
export type ChatEvent =
  | { type: 'bot-added'; chatKey: string; title?: string; updateId?: string; languageCode?: string }
  | { type: 'bot-removed'; chatKey: string; updateId?: string }
  | { type: 'migrated'; chatKey: string; newChatKey: string; updateId?: string };

/**
 * The one entry point every adapter calls (Bolt's receiver idea): platform events come in as
 * `Incoming` or `ChatEvent`, replies go out as data.
 */
export interface Core {
  handle(incoming: Incoming): Promise<HandleResult>;
  chatEvent(event: ChatEvent): Promise<HandleResult>;
}
