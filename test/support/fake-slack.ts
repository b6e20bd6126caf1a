import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One message the bot posted (or shared as a file), as a person in the channel sees it. */
export interface SlackPost {
  method: 'chat.postMessage' | 'chat.postEphemeral' | 'files.completeUploadExternal';
  channel: string;
  /** The text a person reads: sections joined, code fences dropped, entities unescaped. */
  text: string;
  /** The mrkdwn as posted (escaped, with fences). */
  mrkdwn: string;
  blocks: { type: string; [key: string]: unknown }[];
  buttons: { label: string; data: string; actionId: string }[];
  /** Set for ephemeral messages: the only person who sees it. */
  user?: string;
  threadTs?: string;
  ts: string;
  file?: { id: string; fileName: string; bytes: Uint8Array };
}

/** A Web API call as the fake received it. */
export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  at: number;
}

/** A Slack account in the fake workspace. */
export interface SlackUser {
  id: string;
  name: string;
  realName: string;
  locale: string;
}

interface Failure {
  remaining: number;
  status: number;
  retryAfter?: number;
  error?: string;
}

/**
 * A fake Slack Web API on 127.0.0.1 for end-to-end tests with the real Bolt and WebClient
 * (`clientOptions.slackApiUrl = fake.apiUrl`). It answers the methods the bot calls
 * (`auth.test`, `chat.postMessage`, `chat.postEphemeral`, `users.info`, `conversations.info`,
 * `conversations.open`, `views.open`, the three steps of an upload) as Slack does: the
 * `{ ok, error }` envelope, the bot token checked, block and section limits enforced, channels
 * the bot lost answered `channel_not_found`, and 429s with `Retry-After` when told to
 * (`failNext`). Files people share are served at `url_private_download` to the bot token only.
 */
export class FakeSlack {
  readonly team = 'T0NORTH';
  readonly botUserId = 'UBOT0001';
  readonly botId = 'BBOT0001';
  readonly token = 'xoxb-fake-token';
  readonly appToken = 'xapp-fake-token';
  /** Where `apps.connections.open` sends the app (a `FakeSlackSocket`). */
  socketUrl?: string;
  readonly posts: SlackPost[] = [];
  readonly calls: SlackCall[] = [];
  /** Calls answered with a failure: `429` or Slack's error code. */
  readonly refused: { method: string; error: string }[] = [];
  readonly views: { triggerId: string; view: Record<string, unknown> }[] = [];
  private readonly users = new Map<string, SlackUser>();
  private readonly lost = new Map<string, string>();
  private readonly failures = new Map<string, Failure>();
  private readonly uploads = new Map<string, { fileName: string; bytes?: Uint8Array }>();
  private readonly shared = new Map<string, { bytes: Uint8Array; name: string }>();
  private readonly waiters = new Set<() => void>();
  /** Told of every message the bot posts (benchmarks time replies with it). */
  onPost?: (post: SlackPost) => void;
  private server?: Server;
  private port = 0;
  private seq = 0;
  private clock = 1_764_000_000;

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    await fake.listen();
    return fake;
  }

  /** The Web API root the bot is pointed at (`SLACK_API_URL`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** A person of the workspace (`locale` as Slack gives it, e.g. `vi-VN`). */
  user(realName: string, options: { name?: string; locale?: string } = {}): SlackUser {
    const id = `U${String(++this.seq).padStart(8, '0')}`;
    const user = { id, realName, name: options.name ?? realName.toLowerCase().replace(/\s+/g, '.'), locale: options.locale ?? 'vi-VN' };
    this.users.set(id, user);
    return user;
  }

  /** A new channel id (`C…`), or a direct-message channel (`D…`). */
  channel(kind: 'C' | 'D' = 'C'): string {
    return `${kind}${String(++this.seq).padStart(8, '0')}`;
  }

  /** A message timestamp, unique and increasing as Slack's are. */
  ts(): string {
    return `${++this.clock}.${String(++this.seq).padStart(6, '0')}`;
  }

  /** The bot lost the channel: every later call to it fails with `error`. */
  lose(channel: string, error = 'channel_not_found'): void {
    this.lost.set(channel, error);
  }

  /** The next `count` calls of `method` fail: a 429 with `Retry-After`, or an `{ ok: false, error }`. */
  failNext(method: string, count: number, failure: { status?: number; retryAfter?: number; error?: string } = {}): void {
    this.failures.set(method, { remaining: count, status: failure.status ?? 429, retryAfter: failure.retryAfter, error: failure.error });
  }

  /** A file a person shares: its `files[]` entry for a message event, served to the bot token. */
  share(name: string, bytes: Uint8Array, mimetype = 'text/csv'): Record<string, unknown> {
    const id = `F${String(++this.seq).padStart(8, '0')}`;
    this.shared.set(id, { bytes, name });
    return { id, name, mimetype, url_private_download: `${this.origin}/files-pri/${id}/download/${encodeURIComponent(name)}` };
  }

  /** What arrived in a channel (ephemeral messages included, with their `user`). */
  postsIn(channel: string): SlackPost[] {
    return this.posts.filter((p) => p.channel === channel);
  }

  /** Resolves when `check` holds (checked after every call the fake answers). */
  async waitUntil(check: () => boolean): Promise<void> {
    while (!check()) await new Promise<void>((resolve) => this.waiters.add(resolve));
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters) wake();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.origin);
    try {
      if (url.pathname.startsWith('/upload/')) return this.upload(url.pathname.slice('/upload/'.length), req, raw, res);
      if (url.pathname.startsWith('/files-pri/')) return this.download(url.pathname.split('/')[2]!, req, res);
      if (!url.pathname.startsWith('/api/')) return void res.writeHead(404).end();
      const method = url.pathname.slice('/api/'.length);
      const params = paramsOf(req.headers['content-type'], raw);
      const auth = req.headers.authorization ?? `Bearer ${String(params.token ?? '')}`;
      this.calls.push({ method, params, at: Date.now() });
      const failure = this.failures.get(method);
      if (failure && failure.remaining > 0) {
        failure.remaining--;
        this.refused.push({ method, error: failure.status === 429 ? '429' : (failure.error ?? 'internal_error') });
        if (failure.status === 429)
          return void res
            .writeHead(429, { 'retry-after': String(failure.retryAfter ?? 0), 'content-type': 'application/json' })
            .end('{"ok":false,"error":"ratelimited"}');
        return json(res, { ok: false, error: failure.error ?? 'internal_error' });
      }
      if (method === 'apps.connections.open') {
        return json(
          res,
          auth === `Bearer ${this.appToken}` && this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' },
        );
      }
      if (auth !== `Bearer ${this.token}`) return json(res, { ok: false, error: 'invalid_auth' });
      const answer = this.answer(method, params);
      if (answer.ok === false) this.refused.push({ method, error: String(answer.error) });
      json(res, answer);
    } finally {
      for (const wake of [...this.waiters]) {
        this.waiters.delete(wake);
        wake();
      }
    }
  }

  private answer(method: string, p: Record<string, unknown>): Record<string, unknown> {
    const channel = String(p.channel ?? p.channel_id ?? '');
    if (channel && this.lost.has(channel)) return { ok: false, error: this.lost.get(channel) };
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: this.team, user_id: this.botUserId, bot_id: this.botId, user: 'thidua' };
      case 'users.info': {
        const user =
          this.users.get(String(p.user)) ??
          (p.user === this.botUserId ? { id: this.botUserId, name: 'thidua', realName: 'Thi đua', locale: 'vi-VN' } : undefined);
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: user.id,
            team_id: this.team,
            name: user.name,
            real_name: user.realName,
            locale: p.include_locale ? user.locale : undefined,
            profile: { display_name: '', real_name: user.realName },
          },
        };
      }
      case 'conversations.info':
        return {
          ok: true,
          channel: {
            id: channel,
            name: `kenh-${channel.toLowerCase()}`,
            is_channel: channel.startsWith('C'),
            is_im: channel.startsWith('D'),
          },
        };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(p.users).slice(1)}` } };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        return this.post(method, channel, p);
      case 'views.open':
      case 'views.update':
      case 'views.push':
        this.views.push({ triggerId: String(p.trigger_id ?? ''), view: parsed(p.view) as Record<string, unknown> });
        return { ok: true, view: { id: `V${++this.seq}` } };
      case 'files.getUploadURLExternal': {
        const id = `F${String(++this.seq).padStart(8, '0')}`;
        this.uploads.set(id, { fileName: String(p.filename) });
        return { ok: true, file_id: id, upload_url: `${this.origin}/upload/${id}` };
      }
      case 'files.completeUploadExternal':
        return this.complete(channel, p);
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private post(method: 'chat.postMessage' | 'chat.postEphemeral', channel: string, p: Record<string, unknown>): Record<string, unknown> {
    const blocks = (parsed(p.blocks) ?? []) as SlackPost['blocks'];
    if (!channel) return { ok: false, error: 'channel_not_found' };
    if (blocks.length > 50) return { ok: false, error: 'invalid_blocks' };
    const sections: string[] = [];
    const buttons: SlackPost['buttons'] = [];
    for (const block of blocks) {
      if (block.type === 'section') {
        const text = (block.text as { text: string }).text;
        if (text.length > 3000) return { ok: false, error: 'invalid_blocks' };
        if (/[<>]|&(?!amp;|lt;|gt;)/.test(text.replace(/<@[A-Z0-9|a-z._-]+>/g, '')))
          return { ok: false, error: 'invalid_blocks', detail: 'unescaped mrkdwn' };
        sections.push(text);
      } else if (block.type === 'actions') {
        for (const e of block.elements as { text: { text: string }; value: string; action_id: string }[])
          buttons.push({ label: e.text.text, data: e.value, actionId: e.action_id });
      }
    }
    const mrkdwn = sections.length ? sections.join('\n') : String(p.text ?? '');
    const ts = this.ts();
    const post: SlackPost = {
      method,
      channel,
      mrkdwn,
      text: readable(mrkdwn),
      blocks,
      buttons,
      ts,
      ...(p.user ? { user: String(p.user) } : {}),
      ...(p.thread_ts ? { threadTs: String(p.thread_ts) } : {}),
    };
    this.posts.push(post);
    this.onPost?.(post);
    return method === 'chat.postMessage' ? { ok: true, channel, ts } : { ok: true, message_ts: ts };
  }

  private complete(channel: string, p: Record<string, unknown>): Record<string, unknown> {
    const files = (parsed(p.files) ?? []) as { id: string; title?: string }[];
    for (const f of files) {
      const upload = this.uploads.get(f.id);
      if (!upload?.bytes) return { ok: false, error: 'file_not_found' };
      const mrkdwn = String(p.initial_comment ?? '');
      this.posts.push({
        method: 'files.completeUploadExternal',
        channel,
        mrkdwn,
        text: readable(mrkdwn),
        blocks: [],
        buttons: [],
        ts: this.ts(),
        file: { id: f.id, fileName: upload.fileName, bytes: upload.bytes },
      });
    }
    return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
  }

  private upload(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): void {
    const upload = this.uploads.get(id);
    if (!upload) return void res.writeHead(404).end();
    upload.bytes = new Uint8Array(multipartFile(req.headers['content-type'], raw) ?? raw);
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${upload.bytes.length}`);
  }

  private download(id: string, req: IncomingMessage, res: ServerResponse): void {
    const file = this.shared.get(id);
    if (req.headers.authorization !== `Bearer ${this.token}`) return void res.writeHead(302, { location: '/login' }).end();
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from(file.bytes));
  }
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The WebClient sends form fields, objects JSON-encoded; some calls send JSON. */
function paramsOf(contentType: string | undefined, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType?.includes('application/json')) return JSON.parse(text || '{}') as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The bytes of the first part of a multipart body (the upload step may send one). */
function multipartFile(contentType: string | undefined, raw: Buffer): Buffer | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
  if (!boundary) return undefined;
  const mark = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf(mark);
  const headerEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(mark, headerEnd);
  return raw.subarray(headerEnd + 4, end - 2);
}

/** mrkdwn as a person reads it: code fences dropped, `&amp;`, `&lt;`, `&gt;` shown as characters. */
export function readable(mrkdwn: string): string {
  return mrkdwn
    .split('\n')
    .filter((line) => line !== '```')
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
