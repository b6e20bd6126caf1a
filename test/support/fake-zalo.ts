/**
 * A fake Zalo Bot API on 127.0.0.1, as the platform behaves (DESIGN.md): one update per
 * `getUpdates`, consumed when returned, held open until one arrives and answered 408 when the
 * poll's timeout passes idle; no `getUpdates` while a webhook is set; 404 from `getWebhookInfo`
 * when none is; webhook deliveries in the wrapped and the bare shape with
 * `X-Bot-Api-Secret-Token`. There is no maintained fake, so this is ours.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Agent, request } from 'undici';

/** A call the bot made, as the fake received it. */
export interface ZaloCall {
  method: string;
  body: Record<string, unknown>;
}

/** A message as Zalo puts it in an update. */
export interface FakeZaloMessage {
  message_id: string;
  date: number;
  from: { id: string; display_name: string; is_bot: boolean };
  chat: { id: string; chat_type: 'PRIVATE' | 'GROUP' };
  text?: string;
  photo_url?: string;
  caption?: string;
}

/** One update waiting to be handed over. */
interface Queued {
  event_name: string;
  message: FakeZaloMessage;
}

/** Options: the token the fake accepts and the bot's own id (for echoes). */
export interface FakeZaloOptions {
  token?: string;
  botId?: string;
}

/** Builds a text message from a person in a chat (a private chat unless `group` is set). */
export function zaloText(
  from: { id: string; name: string },
  text: string,
  options: { chatId?: string; group?: boolean; date?: number } = {},
): FakeZaloMessage {
  return {
    message_id: randomBytes(10).toString('hex'),
    date: options.date ?? Date.now(),
    from: { id: from.id, display_name: from.name, is_bot: false },
    chat: { id: options.chatId ?? from.id, chat_type: options.group ? 'GROUP' : 'PRIVATE' },
    text,
  };
}

/**
 * Builds a picture message (`message.image.received`): the picture at `photoUrl` (one the fake
 * serves, from `FakeZalo.photo`), with an optional caption (which may hold a command).
 */
export function zaloPhoto(from: { id: string; name: string }, photoUrl: string, caption?: string): FakeZaloMessage {
  const { text: _text, ...message } = zaloText(from, '');
  return { ...message, photo_url: photoUrl, ...(caption === undefined ? {} : { caption }) };
}

/** The fake server: start it, point the client at `apiRoot`, push updates, read `calls`. */
export class FakeZalo {
  readonly token: string;
  readonly botId: string;
  /** Every call, in order (getUpdates included). */
  readonly calls: ZaloCall[] = [];
  /** Kept-alive connections for the deliveries to the bot's webhook. */
  private readonly pool = new Agent({ connections: 64 });
  private readonly queue: Queued[] = [];
  private readonly waiting: Array<{ res: ServerResponse; timer: NodeJS.Timeout }> = [];
  private readonly failures = new Map<string, number[]>();
  private webhook?: { url: string; secret: string };
  private readonly watchers: Array<() => void> = [];
  private readonly photos = new Map<string, { bytes: Buffer; mimeType: string }>();
  /** Paths of the pictures the bot downloaded, in order. */
  readonly photoDownloads: string[] = [];
  private server?: Server;
  private port = 0;

  constructor(options: FakeZaloOptions = {}) {
    this.token = options.token ?? '1459232241454765289:fake-token';
    this.botId = options.botId ?? '1459232241454765289';
  }

  /** The API root to give the client (`ZALO_API_ROOT`). */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  /** Ends held polls with 408 and closes the server. */
  async stop(): Promise<void> {
    for (const w of this.waiting.splice(0)) this.idle(w);
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    await this.pool.close();
  }

  /** Queues an update; a held `getUpdates` gets it at once. */
  push(message: FakeZaloMessage, eventName = message.text !== undefined ? 'message.text.received' : 'message.image.received'): void {
    this.queue.push({ event_name: eventName, message });
    const w = this.waiting.shift();
    if (w) {
      clearTimeout(w.timer);
      this.answer(w.res, 200, { ok: true, result: this.queue.shift() });
    }
  }

  /**
   * Keeps a picture a person sent, as Zalo keeps it on its own servers, and returns its address
   * (what a message's `photo_url` holds): served to anyone by `GET`, without the token.
   */
  photo(bytes: Uint8Array, options: { mimeType?: string; extension?: string } = {}): string {
    const path = `/photos/${randomBytes(8).toString('hex')}.${options.extension ?? 'jpg'}`;
    this.photos.set(path, { bytes: Buffer.from(bytes), mimeType: options.mimeType ?? 'image/jpeg' });
    return `${this.apiRoot}${path}`;
  }

  /** A picture's address stops answering (404), as an expired one does. */
  forgetPhoto(url: string): void {
    this.photos.delete(new URL(url).pathname);
  }

  /** Updates not handed over yet. */
  get pending(): number {
    return this.queue.length;
  }

  /** The next `count` calls of `method` fail with `status` (429, 500, 401…). */
  failNext(method: string, status: number, count = 1): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...Array<number>(count).fill(status)]);
  }

  /** The texts sent to a chat, in order. */
  textsTo(chatId: string): string[] {
    return this.calls.filter((c) => c.method === 'sendMessage' && c.body.chat_id === chatId).map((c) => String(c.body.text));
  }

  /**
   * Resolves with the first call (from the start) that satisfies `match`, waiting for it if need
   * be; rejects after `timeoutMs` (10 s) naming the last calls, so a test that waits in vain says why.
   */
  async waitForCall(match: (call: ZaloCall) => boolean, timeoutMs = 10_000): Promise<ZaloCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        const last = this.calls.slice(-5).map((c) => `${c.method} ${JSON.stringify(c.body).slice(0, 200)}`);
        throw new Error(`FakeZalo: timed out waiting for a call; the last ones: ${last.join(' | ')}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.watchers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once `count` texts reached the chat; returns them all. */
  async waitForTexts(chatId: string, count: number): Promise<string[]> {
    await this.waitForCall(() => this.textsTo(chatId).length >= count);
    return this.textsTo(chatId);
  }

  /** The registered webhook, if any. */
  get registeredWebhook(): { url: string; secret: string } | undefined {
    return this.webhook;
  }

  /**
   * Delivers a message to the registered webhook as Zalo would, wrapped or bare; `secret`
   * overrides the header (a forged delivery). Resolves the HTTP status the bot answered.
   */
  async deliver(message: FakeZaloMessage, options: { shape?: 'wrapped' | 'bare'; secret?: string | null } = {}): Promise<number> {
    if (!this.webhook) throw new Error('no webhook registered');
    const inner = { event_name: message.text !== undefined ? 'message.text.received' : 'message.image.received', message };
    const body = options.shape === 'bare' ? inner : { ok: true, result: inner };
    const secret = options.secret === undefined ? this.webhook.secret : options.secret;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secret !== null) headers['x-bot-api-secret-token'] = secret;
    // undici's request, not fetch: the benches deliver hundreds of these at once, and fetch's
    // per-call streams would make the fake, not the bot, the limit.
    const response = await request(this.webhook.url, { method: 'POST', headers, body: JSON.stringify(body), dispatcher: this.pool });
    await response.body.arrayBuffer();
    return response.statusCode;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'GET' && req.url?.startsWith('/photos/')) return this.servePhoto(req.url, res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
    if (!match || req.method !== 'POST') return this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token, method] = match as unknown as [string, string, string];
    let body: Record<string, unknown> = {};
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return this.answer(res, 400, { ok: false, error_code: 400, description: 'Bad JSON' });
    }
    this.calls.push({ method, body });
    for (const wake of this.watchers.splice(0)) wake();
    if (token !== this.token) return this.answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const failing = this.failures.get(method);
    if (failing?.length) {
      const status = failing.shift()!;
      return this.answer(res, status, { ok: false, error_code: status, description: status === 429 ? 'Too Many Requests' : 'Error' });
    }
    this.dispatch(method, body, res);
  }

  private dispatch(method: string, body: Record<string, unknown>, res: ServerResponse): void {
    const sent = () => this.answer(res, 200, { ok: true, result: { message_id: randomBytes(10).toString('hex'), date: Date.now() } });
    switch (method) {
      case 'getMe':
        return this.answer(res, 200, {
          ok: true,
          result: { id: this.botId, account_name: 'bot.ThiDua', account_type: 'BASIC', can_join_groups: false },
        });
      case 'getUpdates': {
        if (this.webhook) return this.answer(res, 400, { ok: false, error_code: 400, description: 'Webhook is set' });
        const next = this.queue.shift();
        if (next) return this.answer(res, 200, { ok: true, result: next });
        const seconds = Number(body.timeout ?? 30);
        const w = { res, timer: setTimeout(() => this.idle(w), Math.max(0, seconds) * 1000) };
        this.waiting.push(w);
        return;
      }
      case 'setWebhook': {
        const secret = String(body.secret_token ?? '');
        if (!body.url || secret.length < 8 || secret.length > 256)
          return this.answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request' });
        this.webhook = { url: String(body.url), secret };
        return this.answer(res, 200, { ok: true, result: { url: this.webhook.url, updated_at: Date.now() } });
      }
      case 'deleteWebhook':
        this.webhook = undefined;
        return this.answer(res, 200, { ok: true, result: { url: '', updated_at: Date.now() } });
      case 'getWebhookInfo':
        if (!this.webhook) return this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
        return this.answer(res, 200, { ok: true, result: { url: this.webhook.url, updated_at: Date.now() } });
      case 'sendMessage': {
        const text = String(body.text ?? '');
        if (!body.chat_id || !text || [...text].length > 2000)
          return this.answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request' });
        return sent();
      }
      case 'sendPhoto':
        if (!body.chat_id || !body.photo) return this.answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request' });
        return sent();
      case 'sendChatAction':
        return this.answer(res, 200, { ok: true });
      default:
        return this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    }
  }

  private servePhoto(path: string, res: ServerResponse): void {
    this.photoDownloads.push(path);
    for (const wake of this.watchers.splice(0)) wake();
    const photo = this.photos.get(path);
    if (!photo) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': photo.mimeType, 'content-length': String(photo.bytes.byteLength) }).end(photo.bytes);
  }

  private idle(w: { res: ServerResponse; timer: NodeJS.Timeout }): void {
    clearTimeout(w.timer);
    const i = this.waiting.indexOf(w);
    if (i >= 0) this.waiting.splice(i, 1);
    this.answer(w.res, 408, { ok: false, error_code: 408, description: 'Request timeout' });
  }

  private answer(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}
