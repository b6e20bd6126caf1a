/**
 * Zalo updates as the adapter reads them. `getUpdates` and the webhook deliver the same message
 * in two shapes, wrapped (`{ ok, result: { event_name, message } }`) or bare
 * (`{ event_name, message }`); both become one `ZaloUpdate`. Ids stay strings: Zalo's are
 * 19-digit numbers or hex strings that a JavaScript number would corrupt.
 */

/** The events the bot platform sends (files arrive as `message.unsupported.received`). */
export type ZaloEventName =
  'message.text.received' | 'message.image.received' | 'message.sticker.received' | 'message.unsupported.received';

/** One message a person sent the bot. */
export interface ZaloUpdate {
  eventName: ZaloEventName | string;
  /** Zalo's message id (hex); the key of the processed-update ledger. */
  messageId: string;
  /** When Zalo received it (milliseconds since the epoch). */
  date: number;
  from: { id: string; displayName: string; isBot: boolean };
  chat: { id: string; kind: 'private' | 'group' };
  text?: string;
  photoUrl?: string;
  caption?: string;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** The event name Zalo gave, or the one the message's content implies. */
function eventNameOf(given: unknown, message: Json): string {
  if (typeof given === 'string' && given) return given;
  if (typeof message.text === 'string') return 'message.text.received';
  if (message.photo !== undefined || message.photo_url !== undefined) return 'message.image.received';
  if (message.sticker !== undefined) return 'message.sticker.received';
  return 'message.unsupported.received';
}

/**
 * Reads one update from a `getUpdates` result or a webhook body, wrapped or bare. Returns
 * `undefined` for anything that is not a message from a chat (a malformed body is not an
 * update; the caller answers it and moves on).
 */
export function parseZaloUpdate(body: unknown): ZaloUpdate | undefined {
  if (!isObject(body)) return undefined;
  const inner = isObject(body.result) ? body.result : body;
  const message = inner.message;
  if (!isObject(message) || !isObject(message.chat) || !isObject(message.from)) return undefined;
  const messageId = str(message.message_id);
  const chatId = str(message.chat.id);
  const fromId = str(message.from.id);
  if (!messageId || !chatId || !fromId) return undefined;
  const displayName = str(message.from.display_name) ?? str(message.from.name) ?? str(message.from.first_name) ?? fromId;
  const photo = str(message.photo) ?? str(message.photo_url);
  return {
    eventName: eventNameOf(inner.event_name, message),
    messageId,
    date: typeof message.date === 'number' ? message.date : Number(message.date ?? 0),
    from: { id: fromId, displayName, isBot: message.from.is_bot === true },
    chat: { id: chatId, kind: String(message.chat.chat_type ?? 'PRIVATE').toUpperCase() === 'GROUP' ? 'group' : 'private' },
    text: str(message.text),
    photoUrl: photo,
    caption: str(message.caption),
  };
}
