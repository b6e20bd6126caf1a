import { describe, expect, it } from 'vitest';
import { HttpServer } from '../../src/http.js';
import { SendError } from '../../src/delivery.js';
import { webhookSecretOf } from '../../src/adapters/zalo/receive.js';
import { echo, RecordingCore, result } from '../telegram/harness.js';
import { zaloText } from '../support/fake-zalo.js';
import { zaloFixture } from './harness.js';

const AN = { id: '7462219034567812345', name: 'Nguyễn Văn An' };
const BINH = { id: '5512219034567812399', name: 'Trần Thị Bình' };
const { setup, teardown } = zaloFixture();

describe('Zalo adapter: long polling', () => {
  it('turns a private message into a command for the core and answers in plain text', async () => {
    const core = new RecordingCore();
    const { fake } = await setup(core);
    const message = zaloText(AN, '/score 1.1 8,5 có minh chứng\n1.2 9');
    fake.push(message);
    expect(await fake.waitForTexts(AN.id, 1)).toEqual(['score|1.1 8,5 có minh chứng|1.2 9']);
    expect(core.incoming[0]).toEqual({
      platform: 'zalo',
      updateId: `zalo:${message.message_id}`,
      chat: { key: `zalo:${AN.id}`, kind: 'private' },
      sender: { key: `zalo:${AN.id}`, displayName: AN.name },
      command: 'score',
      args: '1.1 8,5 có minh chứng',
      body: '1.2 9',
    });
    // Polling needs no webhook: none was set, so none was deleted.
    expect(fake.calls.map((c) => c.method).slice(0, 3)).toEqual(['getMe', 'getWebhookInfo', 'getUpdates']);
  });

  it('drops its own echoes and answers a repeated message_id once', async () => {
    const core = new RecordingCore();
    const { fake } = await setup(core);
    const echoBot = zaloText({ id: '999', name: 'bot' }, '/help');
    echoBot.from.is_bot = true;
    fake.push(echoBot);
    fake.push(zaloText({ id: fake.botId, name: 'ThiDua' }, '/help', { chatId: AN.id }));
    const message = zaloText(AN, '/mine');
    fake.push(message);
    fake.push({ ...message });
    fake.push(zaloText(AN, '/status'));
    const texts = await fake.waitForTexts(AN.id, 2);
    expect(texts).toEqual(['mine||', 'status||']);
    expect(core.incoming.map((i) => i.updateId)).toEqual([
      `zalo:${message.message_id}`,
      `zalo:${message.message_id}`,
      expect.stringMatching(/^zalo:/),
    ]);
    expect(fake.textsTo('999')).toEqual([]);
  });

  it('in a group, answers only a message that mentions the bot, the mention left out', async () => {
    const core = new RecordingCore();
    const { fake } = await setup(core);
    const group = 'g8812aa01';
    fake.push(zaloText(AN, '/status', { chatId: group, group: true }));
    fake.push(zaloText(AN, 'chào cả nhà', { chatId: group, group: true }));
    fake.push(zaloText(AN, '@ThiDua status midyear', { chatId: group, group: true }));
    fake.push(zaloText(AN, '@bot.ThiDua /score 1.1 9', { chatId: group, group: true }));
    expect(await fake.waitForTexts(group, 2)).toEqual(['status|midyear|', 'score|1.1 9|']);
    expect(core.incoming.map((i) => i.chat)).toEqual([
      { key: `zalo:${group}`, kind: 'group' },
      { key: `zalo:${group}`, kind: 'group' },
    ]);
  });

  it('tells a private chat how to type a command when the message is not one', async () => {
    const core = new RecordingCore();
    const { fake } = await setup(core);
    fake.push(zaloText(AN, 'xin chào'));
    const [text] = await fake.waitForTexts(AN.id, 1);
    expect(text).toMatch(/^Bot chỉ nhận lệnh bắt đầu bằng dấu gạch chéo/);
    expect(core.incoming).toEqual([]);
  });

  it('stops with a clear log line when Zalo refuses the token (401)', async () => {
    const core = new RecordingCore();
    const { fake, adapter, fatal } = await setup(core, { start: false });
    fake.failNext('getUpdates', 401);
    await adapter.start();
    await fake.waitForCall((c) => c.method === 'getUpdates');
    await waitUntil(() => fatal.length > 0);
    expect(adapter.running).toBe(false);
    const polls = fake.calls.filter((c) => c.method === 'getUpdates').length;
    fake.push(zaloText(AN, '/help'));
    expect(fake.calls.filter((c) => c.method === 'getUpdates').length).toBe(polls);
    expect(fake.pending).toBe(1);
  });

  it('backs off on 429 and 5xx with a bounded, growing pause, then carries on', async () => {
    const core = new RecordingCore();
    const { fake, adapter, pauses } = await setup(core, { start: false, backoff: { baseMs: 1000, maxMs: 4000 } });
    fake.failNext('getUpdates', 429, 2);
    fake.failNext('getUpdates', 502, 3);
    fake.push(zaloText(AN, '/help'));
    await adapter.start();
    expect(await fake.waitForTexts(AN.id, 1)).toEqual(['help||']);
    expect(pauses).toEqual([1000, 2000, 4000, 4000, 4000]);
  });

  it('tries a send again after a 429 and gives up after a bounded number of tries', async () => {
    const core = new RecordingCore();
    const { fake, adapter, pauses } = await setup(core, { backoff: { baseMs: 500, maxMs: 5000, attempts: 3 } });
    fake.failNext('sendMessage', 429);
    await adapter.send(`zalo:${AN.id}`, 'vi', echo('Nhắc hạn chấm'));
    expect(fake.textsTo(AN.id)).toEqual(['Nhắc hạn chấm', 'Nhắc hạn chấm']);
    fake.failNext('sendMessage', 429, 5);
    const error = await adapter.send(`zalo:${AN.id}`, 'vi', echo('Nhắc lần hai')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendError);
    expect((error as SendError).failure).toBe('rate-limited');
    expect(pauses).toEqual([500, 500, 1000]);
  });

  it('splits a long reply into messages of at most 2,000 characters at line boundaries, tables as compact lines', async () => {
    const core = new RecordingCore();
    const units = Array.from({ length: 60 }, (_, i) => [
      i + 1,
      `U${i + 1}`,
      `Sở ${'Văn hóa, Thể thao và Du lịch '.repeat(1 + (i % 2))}số ${i + 1}`,
      98 - i / 2,
      { key: 't-echo', args: { text: 'Xuất sắc' } },
    ]);
    core.answer = () =>
      result([
        {
          text: [{ key: 't-echo', args: { text: 'Kết quả tổng kết năm 2026' } }],
          table: {
            headers: ['Hạng', 'Mã', 'Đơn vị', 'Điểm', 'Xếp loại'].map((t) => ({ key: 't-echo', args: { text: t } })),
            rows: [[1, 'BL', 'Bạc Liêu', 98, { key: 't-echo', args: { text: 'Xuất sắc' } }], ...units.slice(1)],
            numeric: [0, 3],
          },
          buttons: [[{ label: { key: 't-echo', args: { text: 'Sơ kết' } }, data: '/results midyear' }]],
        },
      ]);
    const { fake } = await setup(core);
    fake.push(zaloText(AN, '/results'));
    await fake.waitForCall((c) => c.method === 'sendMessage' && String(c.body.text).includes('/results midyear'));
    const texts = fake.textsTo(AN.id);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect([...text].length).toBeLessThanOrEqual(2000);
    const lines = texts.flatMap((t) => t.split('\n'));
    expect(lines[0]).toBe('Kết quả tổng kết năm 2026');
    expect(lines).toContain('Hạng — Mã — Đơn vị — Điểm — Xếp loại');
    expect(lines).toContain('1. BL Bạc Liêu — 98 — Xuất sắc');
    expect(lines).toContain('2. U2 Sở Văn hóa, Thể thao và Du lịch Văn hóa, Thể thao và Du lịch số 2 — 97,5 — Xuất sắc');
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(60);
    expect(texts.join('\n')).not.toMatch(/<\/?[a-z]+>|\*\*|```/);
    expect(lines.at(-1)).toBe('• Sơ kết: gõ /results midyear');
  });
});

describe('Zalo adapter: webhook mode', () => {
  async function webhookSetup(core: RecordingCore, secret?: string) {
    const http = new HttpServer();
    const port = await http.listen(0, '127.0.0.1');
    teardown.push(() => http.close());
    const url = `http://127.0.0.1:${port}/zalo/webhook`;
    const started = await setup(core, { http, config: { webhookUrl: url, ...(secret ? { webhookSecret: secret } : {}) } });
    return { ...started, url };
  }

  it('registers the webhook with a secret derived from the token and answers wrapped and bare deliveries', async () => {
    const core = new RecordingCore();
    const { fake, url } = await webhookSetup(core);
    expect(fake.registeredWebhook).toEqual({ url, secret: webhookSecretOf({ token: fake.token }) });
    expect(await fake.deliver(zaloText(AN, '/help'), { shape: 'wrapped' })).toBe(200);
    expect(await fake.deliver(zaloText(BINH, '/mine'), { shape: 'bare' })).toBe(200);
    // Handled before the 200: the replies are already there.
    expect(fake.textsTo(AN.id)).toEqual(['help||']);
    expect(fake.textsTo(BINH.id)).toEqual(['mine||']);
    expect(fake.calls.some((c) => c.method === 'getUpdates')).toBe(false);
  });

  it('refuses a wrong or missing secret with 401 and processes nothing; a body over 1 MB gets 413', async () => {
    const core = new RecordingCore();
    const { fake, url } = await webhookSetup(core, 'a-configured-secret-1234');
    expect(fake.registeredWebhook?.secret).toBe('a-configured-secret-1234');
    expect(await fake.deliver(zaloText(AN, '/help'), { secret: 'a-configured-secret-1235' })).toBe(401);
    expect(await fake.deliver(zaloText(AN, '/help'), { secret: null })).toBe(401);
    const big = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': 'a-configured-secret-1234' },
      body: JSON.stringify({ event_name: 'message.text.received', message: { ...zaloText(AN, '/help'), text: 'x'.repeat(1_100_000) } }),
    }).catch(() => undefined);
    expect(big === undefined || big.status === 413).toBe(true);
    expect(core.incoming).toEqual([]);
    expect(fake.textsTo(AN.id)).toEqual([]);
    const redelivered = zaloText(AN, '/help');
    expect(await fake.deliver(redelivered)).toBe(200);
    expect(await fake.deliver(redelivered, { shape: 'bare' })).toBe(200);
    expect(fake.textsTo(AN.id)).toEqual(['help||']);
  });
});

/** Waits for a condition that another task makes true (no timers: yields to the event loop). */
async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  if (!done()) throw new Error('condition never met');
}
