import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZaloApiError, ZaloClient, ZaloDownloadError, failureOf } from '../../src/adapters/zalo/client.js';
import { parseZaloUpdate } from '../../src/adapters/zalo/update.js';
import { FakeZalo, zaloText } from '../support/fake-zalo.js';

const PERSON = { id: '7462219034567812345', name: 'Nguyễn Văn An' };

describe('the Zalo client against a fake Bot API', () => {
  let zalo: FakeZalo;
  let client: ZaloClient;

  beforeEach(async () => {
    zalo = new FakeZalo();
    await zalo.start();
    client = new ZaloClient({ token: zalo.token, apiRoot: zalo.apiRoot });
  });
  afterEach(() => zalo.stop());

  it('tells who the bot is', async () => {
    expect(await client.getMe()).toEqual({ id: zalo.botId, accountName: 'bot.ThiDua', accountType: 'BASIC', canJoinGroups: false });
  });

  it('hands over one update per getUpdates, in order, and nothing twice', async () => {
    zalo.push(zaloText(PERSON, '/score 1.1 8,5'));
    zalo.push(zaloText(PERSON, '/submit'));
    const first = await client.getUpdates({ timeoutSeconds: 0 });
    const second = await client.getUpdates({ timeoutSeconds: 0 });
    expect(first?.text).toBe('/score 1.1 8,5');
    expect(second?.text).toBe('/submit');
    expect(first?.from).toEqual({ id: PERSON.id, displayName: PERSON.name, isBot: false });
    expect(first?.chat).toEqual({ id: PERSON.id, kind: 'private' });
    expect(zalo.pending).toBe(0);
  });

  it('answers an idle poll (408) with no update, and gets one pushed while it waits', async () => {
    expect(await client.getUpdates({ timeoutSeconds: 0 })).toBeUndefined();
    const waiting = client.getUpdates({ timeoutSeconds: 30 });
    zalo.push(zaloText(PERSON, '/mine'));
    expect((await waiting)?.text).toBe('/mine');
  });

  it('classifies failures: a bad token, the quota and an outage; the token never shows', async () => {
    const wrong = new ZaloClient({ token: 'bad:secret-token-value', apiRoot: zalo.apiRoot });
    const refused = await wrong.getMe().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZaloApiError);
    expect((refused as ZaloApiError).failure).toBe('unauthorized');
    expect((refused as ZaloApiError).message).not.toContain('secret-token-value');

    zalo.failNext('sendMessage', 429);
    zalo.failNext('sendMessage', 502);
    expect(((await client.sendMessage(PERSON.id, 'a').catch((e: unknown) => e)) as ZaloApiError).failure).toBe('rate-limited');
    expect(((await client.sendMessage(PERSON.id, 'b').catch((e: unknown) => e)) as ZaloApiError).failure).toBe('unavailable');
    await client.sendMessage(PERSON.id, 'c');
    expect(zalo.textsTo(PERSON.id)).toEqual(['a', 'b', 'c']);
  });

  it('refuses a text over 2,000 characters before calling Zalo', async () => {
    await expect(client.sendMessage(PERSON.id, 'x'.repeat(2001))).rejects.toThrow(RangeError);
    expect(zalo.calls.filter((c) => c.method === 'sendMessage')).toHaveLength(0);
  });

  it('sends a picture by URL with its caption', async () => {
    await client.sendPhoto(PERSON.id, 'https://bot.example.vn/files/abc', 'Bảng xếp hạng');
    expect(zalo.calls.at(-1)).toEqual({
      method: 'sendPhoto',
      body: { chat_id: PERSON.id, photo: 'https://bot.example.vn/files/abc', caption: 'Bảng xếp hạng' },
    });
  });

  it('downloads a picture a message links to, without the token, within a limit', async () => {
    const bytes = Buffer.from('\x89PNG picture bytes');
    const url = zalo.photo(bytes, { mimeType: 'image/png', extension: 'png' });
    expect(Buffer.from(await client.download(url, { maxBytes: 1024 })).equals(bytes)).toBe(true);
    expect(zalo.photoDownloads).toEqual([new URL(url).pathname]);
    expect(zalo.photoDownloads[0]).not.toContain(zalo.token);
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'none',
        (e: unknown) => (e as ZaloDownloadError).reason,
      );
    expect(await reason(client.download(url, { maxBytes: bytes.byteLength - 1 }))).toBe('too-big');
    zalo.forgetPhoto(url);
    expect(await reason(client.download(url, { maxBytes: 1024 }))).toBe('unavailable');
    expect(await reason(client.download('file:///etc/passwd', { maxBytes: 1024 }))).toBe('unavailable');
    expect(await reason(client.download('no address', { maxBytes: 1024 }))).toBe('unavailable');
  });

  it('stops reading a download without a length once it passes the limit', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const streaming = new ZaloClient({ token: zalo.token, fetch: async () => new Response(endless, { status: 200 }) });
    const error = await streaming.download('https://photo.zalo.example/p.jpg', { maxBytes: 10 * 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloDownloadError);
    expect((error as ZaloDownloadError).reason).toBe('too-big');
    expect((error as Error).message).not.toContain('photo.zalo.example');
    expect(pulled).toBeLessThan(20);
  });

  it('sets, reads and deletes the webhook; no long polling while it is set', async () => {
    expect(await client.getWebhookInfo()).toBeUndefined();
    await expect(client.setWebhook('https://bot.example.vn/zalo', 'short')).rejects.toThrow(RangeError);
    await client.setWebhook('https://bot.example.vn/zalo', 'a-long-enough-secret');
    expect(await client.getWebhookInfo()).toBe('https://bot.example.vn/zalo');
    expect(((await client.getUpdates({ timeoutSeconds: 0 }).catch((e: unknown) => e)) as ZaloApiError).failure).toBe('refused');
    await client.deleteWebhook();
    expect(await client.getWebhookInfo()).toBeUndefined();
  });
});

describe('Zalo updates', () => {
  const message = {
    message_id: '16f6366b3f02645a3d15',
    date: 1766619597466,
    from: { id: '1234567890123456789', display_name: 'Trần Thị Bình', is_bot: false },
    chat: { id: '1234567890123456789', chat_type: 'PRIVATE' },
    text: '/mine',
  };

  it('reads the wrapped and the bare shape alike', () => {
    const wrapped = parseZaloUpdate({ ok: true, result: { event_name: 'message.text.received', message } });
    const bare = parseZaloUpdate({ event_name: 'message.text.received', message });
    expect(wrapped).toEqual(bare);
    expect(wrapped).toMatchObject({ eventName: 'message.text.received', messageId: message.message_id, text: '/mine', date: message.date });
  });

  it('keeps 19-digit ids as strings, even when sent as numbers', () => {
    const update = parseZaloUpdate({
      message: { ...message, from: { id: 1234567890123456789n, name: 'B' }, chat: { id: '1234567890123456789', chat_type: 'GROUP' } },
    });
    expect(update?.from.id).toBe('1234567890123456789');
    expect(update?.chat.kind).toBe('group');
    expect(update?.eventName).toBe('message.text.received');
  });

  it('marks the bot’s own echoes and reads pictures', () => {
    expect(parseZaloUpdate({ message: { ...message, from: { id: '1', is_bot: true } } })?.from.isBot).toBe(true);
    const photo = parseZaloUpdate({
      message: { ...message, text: undefined, photo_url: 'https://zalo.example/p.jpg', caption: 'minh chứng' },
    });
    expect(photo).toMatchObject({ eventName: 'message.image.received', photoUrl: 'https://zalo.example/p.jpg', caption: 'minh chứng' });
  });

  it('is not fooled by bodies that are not messages', () => {
    for (const body of [
      null,
      'x',
      [],
      {},
      { ok: true, result: {} },
      { message: { chat: {} } },
      { message: { message_id: 'a', chat: { id: '1' }, from: {} } },
    ]) {
      expect(parseZaloUpdate(body)).toBeUndefined();
    }
  });

  it('maps codes to what the caller does', () => {
    expect([401, 408, 429, 500, 503, 400, undefined].map(failureOf)).toEqual([
      'unauthorized',
      'idle',
      'rate-limited',
      'unavailable',
      'unavailable',
      'refused',
      'unavailable',
    ]);
  });
});
