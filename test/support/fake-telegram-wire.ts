import type { MessageEntity, Update, User } from 'grammy/types';

// The wire format of the fake Bot API server: the types it records, Telegram HTML, entities, multipart bodies.

/** One Bot API call the bot made, with Telegram's answer. */
export interface ApiCall {
  seq: number;
  method: string;
  params: Record<string, unknown>;
  files: UploadedFile[];
  at: number;
  ok: boolean;
  errorCode?: number;
  description?: string;
  result?: unknown;
}

/** A file the bot uploaded (multipart/form-data). */
export interface UploadedFile {
  field: string;
  fileName: string;
  bytes: Buffer;
}

/** A message the bot sent, as the test sees it. */
export interface BotMessage {
  method: string;
  messageId: number;
  chatId: number;
  /** The text (or caption) after HTML parsing: what the person reads. */
  text: string;
  /** The raw HTML as the bot sent it. */
  html: string;
  /** Monospace (`<pre>`/`<code>`) parts. */
  pre: string[];
  buttons: { text: string; data: string }[][];
  replyTo?: number;
  threadId?: number;
  file?: UploadedFile;
  /** When the server accepted it (`performance.now()`). */
  at: number;
}

/** An error `failNext` injects, and how many calls it still fails. */
export interface Failure {
  method: string | RegExp;
  remaining: number;
  code: number;
  description: string;
  parameters?: Record<string, unknown>;
}

/** An update waiting for `getUpdates` (or redelivered on purpose). */
export interface Queued {
  update: Update;
  /** Redelivered on purpose: delivered once whatever the offset. */
  forced: boolean;
  delivered: boolean;
}

/** A file the fake holds (sent by people or by the bot), as `getFile` serves it. */
export interface StoredFile {
  id: string;
  uniqueId: string;
  path: string;
  fileName: string;
  mimeType?: string;
  bytes: Buffer;
}

/** A JSON object as the Bot API sends and receives it. */
export type Json = Record<string, unknown>;

/** A refusal as Telegram answers it: error code, description, parameters (`retry_after`, `migrate_to_chat_id`). */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const ALLOWED_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'code',
  'pre',
  'a',
  'tg-spoiler',
  'span',
  'blockquote',
  'tg-emoji',
]);
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/**
 * Parses Telegram HTML as the Bot API does: only known tags, properly nested; `<`, `>` and `&`
 * outside tags must be escaped. Returns the visible text and the monospace parts, or throws
 * the error Telegram gives.
 */
export function parseTelegramHtml(html: string): { text: string; pre: string[] } {
  let text = '';
  const stack: { tag: string; start: number }[] = [];
  const pre: string[] = [];
  let i = 0;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '<') {
      const close = html.indexOf('>', i);
      if (close < 0) throw new ApiFailure(400, `Bad Request: can't parse entities: unclosed start tag at byte offset ${i}`);
      const raw = html.slice(i + 1, close);
      const closing = raw.startsWith('/');
      const tag = (closing ? raw.slice(1) : raw).split(/\s/)[0]!.toLowerCase();
      if (!ALLOWED_TAGS.has(tag))
        throw new ApiFailure(400, `Bad Request: can't parse entities: Unsupported start tag "${tag}" at byte offset ${i}`);
      if (closing) {
        const open = stack.pop();
        if (!open || open.tag !== tag)
          throw new ApiFailure(
            400,
            `Bad Request: can't parse entities: Unmatched end tag at byte offset ${i}, expected "</${open?.tag}>", found "</${tag}>"`,
          );
        if (tag === 'pre' || (tag === 'code' && !stack.some((s) => s.tag === 'pre'))) pre.push(text.slice(open.start));
      } else stack.push({ tag, start: text.length });
      i = close + 1;
    } else if (c === '>') {
      throw new ApiFailure(400, `Bad Request: can't parse entities: character '>' is reserved at byte offset ${i}`);
    } else if (c === '&') {
      const m = /^&(?:(lt|gt|amp|quot)|#(\d+)|#x([0-9a-f]+));/i.exec(html.slice(i));
      if (!m) throw new ApiFailure(400, `Bad Request: can't parse entities: character '&' is reserved at byte offset ${i}`);
      text += m[1] ? NAMED_ENTITIES[m[1].toLowerCase()]! : String.fromCodePoint(m[2] ? Number(m[2]) : parseInt(m[3]!, 16));
      i += m[0].length;
    } else {
      text += c;
      i++;
    }
  }
  if (stack.length)
    throw new ApiFailure(
      400,
      `Bad Request: can't parse entities: can't find end tag corresponding to start tag "${stack[stack.length - 1]!.tag}"`,
    );
  return { text, pre };
}

/** The entities Telegram's clients attach to a typed message: commands and mentions. */
export function entitiesOf(text: string, users: Map<string, User> = new Map()): MessageEntity[] {
  const entities: MessageEntity[] = [];
  const pattern = /(^|[\s(])(\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?|@[A-Za-z0-9_]{5,32})(?=$|[\s.,;:!?)])/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const offset = m.index + m[1]!.length;
    const token = m[2]!;
    if (token.startsWith('/')) entities.push({ type: 'bot_command', offset, length: token.length });
    else entities.push({ type: 'mention', offset, length: token.length });
  }
  for (const [name, user] of users) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      entities.push({ type: 'text_mention', offset: at, length: name.length, user });
    }
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

/** Splits a multipart/form-data body into fields and files. */
export function parseMultipart(body: Buffer, boundary: string): { fields: Json; files: UploadedFile[] } {
  const delimiter = Buffer.from(`--${boundary}`);
  const fields: Json = {};
  const files: UploadedFile[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    const part = body.subarray(start + 2, next - 2); // CRLF after the delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(head)?.[1] ?? '';
    const fileName = /filename="?([^"\r\n;]*)"?/i.exec(head)?.[1];
    if (fileName !== undefined) files.push({ field: name, fileName, bytes: Buffer.from(content) });
    else fields[name] = content.toString('utf8');
    at = next;
  }
  return { fields, files };
}

/** A multipart field as the Bot API reads it: numbers, booleans and JSON parsed, the rest kept as text. */
export function fieldValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (/^[[{]/.test(value) || /^-?\d+$/.test(value) || value === 'true' || value === 'false') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

/** Telegram dates: seconds since the epoch. */
export function now(): number {
  return Math.floor(Date.now() / 1000);
}
