import { STATUS_CODES } from 'node:http';
import { Agent, request } from 'undici';
/**
 * A small client of our own for the Zalo Bot Platform (there is no maintained npm client for
 * the bot API; `zca-js` drives a personal account and must not be used). Every method is a
 * `POST https://<root>/bot<TOKEN>/<method>` with a JSON body, answered by the envelope
 * `{ ok, result, error_code, description }`. The token is part of the URL, so no URL is ever
 * put into an error message or a log line.
 *
 * ```ts
 * const zalo = new ZaloClient({ token, apiRoot: 'http://127.0.0.1:8081' });
 * const me = await zalo.getMe();
 * const update = await zalo.getUpdates({ timeoutSeconds: 30 }); // one update, or undefined when idle
 * await zalo.sendMessage('1234567890123456789', 'Xin chào');
 * ```
 */
import { parseZaloUpdate, type ZaloUpdate } from './update.js';

/** The official host; the older `bot-api.zapps.me` still answers too. */
export const ZALO_DEFAULT_API_ROOT = 'https://bot-api.zaloplatforms.com';

/** Zalo's longest text message (characters). */
export const ZALO_TEXT_LIMIT = 2000;

/** How a failed call should be treated by whoever made it. */
export type ZaloFailure =
  /** 401: the token is wrong or revoked; stop the adapter. */
  | 'unauthorized'
  /** 408: a long poll ended with nothing to hand over; poll again. */
  | 'idle'
  /** 429: the quota or the rate limit; back off. */
  | 'rate-limited'
  /** 5xx or a network error: back off and retry. */
  | 'unavailable'
  /** Anything else (a bad chat id, a text too long): do not retry. */
  | 'refused';

/** Zalo refused or failed a call; carries the method and Zalo's own code, never the URL. */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly failure: ZaloFailure,
    readonly code: number | undefined,
    readonly description: string,
  ) {
    super(`Zalo ${method} failed (${code ?? 'network'}): ${description}`);
    this.name = 'ZaloApiError';
  }
}

/** A file a message links to could not be fetched; never carries the address. */
export class ZaloDownloadError extends Error {
  constructor(
    readonly reason: 'too-big' | 'unavailable',
    detail: string,
  ) {
    super(`Zalo file download failed (${reason}): ${detail}`);
    this.name = 'ZaloDownloadError';
  }
}

/** What `getMe` tells about the bot. */
export interface ZaloBotInfo {
  id: string;
  accountName?: string;
  accountType?: string;
  canJoinGroups?: boolean;
}

/** What the client is built from; `fetch` is a seam for tests (defaults to the global one). */
export interface ZaloClientOptions {
  token: string;
  apiRoot?: string;
  fetch?: typeof fetch;
  /** Milliseconds a call may take beyond its long-poll timeout before it is aborted (10 s). */
  graceMs?: number;
}

/** The envelope every method answers with. */
interface Envelope {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

/** Maps an HTTP status or Zalo error code to what the caller should do. */
export function failureOf(code: number | undefined): ZaloFailure {
  if (code === 401 || code === 403) return 'unauthorized';
  if (code === 408) return 'idle';
  if (code === 429) return 'rate-limited';
  if (code === undefined || code >= 500) return 'unavailable';
  return 'refused';
}

/** The Zalo Bot API over HTTP: one method per call the adapter needs. */
export class ZaloClient {
  private readonly root: string;
  private readonly fetchFn: typeof fetch;
  private readonly graceMs: number;
  /** Kept-alive connections to the API root, shared by every call. */
  private readonly pool = new Agent({ keepAliveTimeout: 30_000, connections: 64 });

  constructor(private readonly options: ZaloClientOptions) {
    this.root = (options.apiRoot ?? ZALO_DEFAULT_API_ROOT).replace(/\/+$/, '');
    this.fetchFn = options.fetch ?? fetch;
    this.graceMs = options.graceMs ?? 10_000;
  }

  /** Checks the token and tells who the bot is (its id is how its own echoes are recognised). */
  async getMe(): Promise<ZaloBotInfo> {
    const r = (await this.call('getMe', {})) as Record<string, unknown>;
    return {
      id: String(r.id ?? ''),
      accountName: typeof r.account_name === 'string' ? r.account_name : undefined,
      accountType: typeof r.account_type === 'string' ? r.account_type : undefined,
      canJoinGroups: typeof r.can_join_groups === 'boolean' ? r.can_join_groups : undefined,
    };
  }

  /**
   * Long polling: waits up to `timeoutSeconds` for the next update. Zalo hands over one update
   * per call and has no offset: the update is consumed when it is returned, so the caller must
   * persist it before anything else. Resolves `undefined` when the poll ends idle (408).
   */
  async getUpdates(options: { timeoutSeconds?: number; signal?: AbortSignal } = {}): Promise<ZaloUpdate | undefined> {
    const timeoutSeconds = options.timeoutSeconds ?? 30;
    try {
      const result = await this.call('getUpdates', { timeout: String(timeoutSeconds) }, timeoutSeconds * 1000, options.signal);
      return parseZaloUpdate(result);
    } catch (error) {
      if (error instanceof ZaloApiError && error.failure === 'idle') return undefined;
      throw error;
    }
  }

  /** Registers the webhook; Zalo then sends `X-Bot-Api-Secret-Token: secret` with every delivery. */
  async setWebhook(url: string, secretToken: string): Promise<void> {
    if (secretToken.length < 8 || secretToken.length > 256) throw new RangeError('Zalo webhook secrets are 8 to 256 characters long');
    await this.call('setWebhook', { url, secret_token: secretToken });
  }

  /** Removes the webhook (needed before `getUpdates` works again). */
  async deleteWebhook(): Promise<void> {
    await this.call('deleteWebhook', {});
  }

  /** The registered webhook URL, or undefined when none is set (Zalo answers 404 then). */
  async getWebhookInfo(): Promise<string | undefined> {
    try {
      const r = (await this.call('getWebhookInfo', {})) as Record<string, unknown> | undefined;
      return typeof r?.url === 'string' && r.url ? r.url : undefined;
    } catch (error) {
      if (error instanceof ZaloApiError && error.code === 404) return undefined;
      throw error;
    }
  }

  /** Sends plain text (1 to 2,000 characters; the caller splits longer texts between lines). */
  async sendMessage(chatId: string, text: string): Promise<{ messageId: string }> {
    if (!text.length || [...text].length > ZALO_TEXT_LIMIT) throw new RangeError(`Zalo texts are 1 to ${ZALO_TEXT_LIMIT} characters long`);
    const r = (await this.call('sendMessage', { chat_id: chatId, text })) as Record<string, unknown> | undefined;
    return { messageId: String(r?.message_id ?? '') };
  }

  /** Sends a picture by its public URL (Zalo takes no uploads), with an optional caption. */
  async sendPhoto(chatId: string, photoUrl: string, caption?: string): Promise<{ messageId: string }> {
    const body: Record<string, string> = { chat_id: chatId, photo: photoUrl };
    if (caption) body.caption = [...caption].slice(0, ZALO_TEXT_LIMIT).join('');
    const r = (await this.call('sendPhoto', body)) as Record<string, unknown> | undefined;
    return { messageId: String(r?.message_id ?? '') };
  }

  /**
   * Fetches a file a message links to (a picture's `photo_url` on Zalo's servers): a plain
   * `GET` of that address, without the token, read at most `maxBytes` far. Throws
   * `ZaloDownloadError`: `too-big` past the limit (by `content-length` or while reading),
   * `unavailable` for a failed request, a status other than 2xx or an address that is not http(s).
   */
  async download(url: string, options: { maxBytes: number; signal?: AbortSignal }): Promise<Uint8Array> {
    let address: URL;
    try {
      address = new URL(url);
    } catch {
      throw new ZaloDownloadError('unavailable', 'not an address');
    }
    if (address.protocol !== 'https:' && address.protocol !== 'http:') throw new ZaloDownloadError('unavailable', 'not an http(s) address');
    const timeout = AbortSignal.timeout(this.graceMs * 3);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.fetchFn(address, { method: 'GET', signal });
    } catch (error) {
      throw new ZaloDownloadError('unavailable', error instanceof Error ? error.name : 'network error');
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ZaloDownloadError('unavailable', `HTTP ${response.status}`);
    }
    if (Number(response.headers.get('content-length') ?? 0) > options.maxBytes) {
      await response.body.cancel();
      throw new ZaloDownloadError('too-big', `over ${options.maxBytes} bytes`);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > options.maxBytes) {
          await reader.cancel();
          throw new ZaloDownloadError('too-big', `over ${options.maxBytes} bytes`);
        }
        chunks.push(value);
      }
    } catch (error) {
      if (error instanceof ZaloDownloadError) throw error;
      throw new ZaloDownloadError('unavailable', error instanceof Error ? error.name : 'read error');
    }
    return Buffer.concat(chunks);
  }

  /** Shows "typing…" in the chat while a slow command (an export) runs. */
  async sendChatAction(chatId: string, action: 'typing' = 'typing'): Promise<void> {
    await this.call('sendChatAction', { chat_id: chatId, action });
  }

  /**
   * One call: POST the JSON body, unwrap the envelope, classify failures. Through undici's
   * `request` on a keep-alive pool rather than `fetch`: the same engine without the WHATWG
   * streams and signals `fetch` builds for every call, which cost more than the bot's own work
   * for a `/score` reply.
   */
  private async call(method: string, body: Record<string, unknown>, waitMs = 0, signal?: AbortSignal): Promise<unknown> {
    let status: number;
    let text: string;
    try {
      const response = await request(`${this.root}/bot${this.options.token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal,
        headersTimeout: waitMs + this.graceMs,
        bodyTimeout: waitMs + this.graceMs,
        dispatcher: this.pool,
      });
      status = response.statusCode;
      text = await response.body.text();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ZaloApiError(method, 'unavailable', undefined, error instanceof Error ? error.name : 'network error');
    }
    let envelope: Envelope = {};
    try {
      envelope = JSON.parse(text) as Envelope;
    } catch {
      // Not JSON (a proxy's error page): the status says what happened.
    }
    if (status >= 200 && status < 300 && envelope.ok !== false) return envelope.result;
    const code = envelope.error_code ?? status;
    throw new ZaloApiError(method, failureOf(code), code, envelope.description ?? STATUS_CODES[status] ?? 'error');
  }

  /** Closes the kept-alive connections (the adapter's stop). */
  async close(): Promise<void> {
    await this.pool.close();
  }
}
