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
  /**
   * Set when the answer was committed to the durable outbox with the command (`HandleOptions.outbox`):
   * the rows to send, in order, leased to the caller. Absent: deliver `replies`/`notices` directly.
   */
  outboxIds?: number[];
}

/**
 * How the core commits its answer with the command, for callers that deliver through the
 * durable outbox (the inbox worker): who sends the rows, and where in the chat they go.
 */
export interface OutboxOptions {
  /** The instance that sends the rows at once (they are leased to it when written). */
  owner: string;
  /** The end of that lease, on the sender's clock (the core's clock may be another). */
  leaseUntil: Date;
  /** The first reply's place in the chat, in the platform's terms (opaque JSON text). */
  placement?: string;
  /** The place of the replies after the first. */
  follow?: string;
}

/** Per-call options of the core's entry points. */
export interface HandleOptions {
  /** Commit the answer to the outbox in the command's transaction. */
  outbox?: OutboxOptions;
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
  handle(incoming: Incoming, options?: HandleOptions): Promise<HandleResult>;
  chatEvent(event: ChatEvent, options?: HandleOptions): Promise<HandleResult>;
}
