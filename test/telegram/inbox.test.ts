import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/app/bot-core.js';
import { InboxWorker } from '../../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import type { TelegramAdapter } from '../../src/adapters/telegram/index.js';
import { ManualClock } from '../../src/domain/clock.js';
import { HttpServer } from '../../src/http.js';
import type { InboxInput } from '../../src/store/inbox.js';
import { i18n } from '../support/harness.js';
import { freshSqliteStore } from '../support/store.js';
import type { FakeTelegram } from '../support/fake-telegram.js';
import { startTelegram } from './harness.js';

let teardown: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of teardown.reverse()) await stop();
  teardown = [];
});

/** The real core on a SQLite file, the inbox worker and outbox sender, and the adapter on a fake Telegram. */
async function setup(options: Parameters<typeof startTelegram>[1] & { failStores?: number } = {}) {
  const { store, close } = await freshSqliteStore();
  const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
  const core = new BotCore({ store, clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' } });
  const targets = new Map<string, OutboxTarget>();
  const sender = new OutboxSender({ store, owner: 'test-instance', targets });
  const worker = new InboxWorker({ store, core, sender, sources: [] });
  let failStores = options.failStores ?? 0;
  const stored: InboxInput[] = [];
  const inbox = {
    receive: async (rows: readonly InboxInput[]) => {
      if (failStores > 0) {
        failStores--;
        throw new Error('database unavailable');
      }
      await worker.receive(rows);
      stored.push(...rows);
    },
  };
  const { fake, adapter, stop } = await startTelegram(core, { ...options, i18n, inbox });
  worker.addSource(adapter.inboxSource());
  targets.set('telegram', (item) => adapter.deliverOutbox(item));
  await sender.start();
  await worker.start();
  teardown.push(async () => {
    await stop();
    await worker.stop();
    await sender.stop();
    await close();
  });
  return { fake, adapter: adapter as TelegramAdapter, store, stored, worker };
}

/** A POST with a body of `size` bytes and the given secret; resolves with the status. */
function post(port: number, path: string, size: number, secret: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': size, 'x-telegram-bot-api-secret-token': secret },
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(Buffer.alloc(size, 0x20));
  });
}

describe('Telegram through the durable inbox and outbox', () => {
  it('confirms an offset only after the batch is stored: an update not stored is fetched again and handled once', async () => {
    const { fake, store, stored, worker } = await setup({ failStores: 2 });
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    const message = fake.say(group, lan, '/help');
    const reply = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(reply.replyTo).toBe(message.message_id);
    expect(stored.map((r) => r.key)).toEqual([`telegram:${fake.updateOf(message).update_id}`]);
    // Two failed stores, so the same update was fetched three times before its offset moved on.
    const offsets = fake.callsOf('getUpdates').map((c) => Number((c.params as { offset?: number }).offset ?? 0));
    expect(offsets.slice(0, 3)).toEqual([0, 0, 0]);
    await worker.idle();
    const row = await store.db.inboxUpdate.findFirstOrThrow();
    expect(row.state).toBe('done');
    const out = await store.db.outboxMessage.findMany();
    expect(out.map((o) => o.state)).toEqual(['sent']);
    expect(fake.sentTo(group.id)).toHaveLength(1);
  });

  it('runs a button press through the inbox and answers its query', async () => {
    const { fake } = await setup();
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    fake.say(group, lan, '/help');
    const bot = await fake.waitForMessage((m) => m.chatId === group.id);
    const before = fake.sent.length;
    const query = fake.press(bot, lan, '/help');
    await fake.waitForMessage((m) => m.chatId === group.id, { from: before });
    await fake.waitForCall((c) => c.method === 'answerCallbackQuery' && c.params.callback_query_id === query);
  });

  it('webhook: checks the secret before reading the body, caps the body at 1 MB, stores before the 200', async () => {
    const http = new HttpServer();
    const port = await http.listen(0, '127.0.0.1');
    teardown.push(() => http.close());
    const secret = 'right-secret_42';
    const { fake, store } = await setup({
      http,
      config: { token: '123456:TEST-token_abc', webhookUrl: `http://127.0.0.1:${port}/tg`, webhookSecret: secret },
    });
    // 5 MB with a wrong secret: refused from the headers alone.
    expect(await post(port, '/tg', 5 * 1024 * 1024, 'wrong')).toBe(401);
    // 5 MB with the right secret: too large, refused from its Content-Length.
    expect(await post(port, '/tg', 5 * 1024 * 1024, secret)).toBe(413);
    expect(await store.db.inboxUpdate.count()).toBe(0);
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    expect(await fake.postWebhook(fake.buildMessageUpdate(group, lan, '/help'))).toBe(200);
    // The 200 came after the row was committed.
    expect(await store.db.inboxUpdate.count()).toBe(1);
    await fake.waitForMessage((m) => m.chatId === group.id);
  });

  it('makes a forged update well-formed before the store sees it: lone surrogates and NUL in names and text', async () => {
    const http = new HttpServer();
    const port = await http.listen(0, '127.0.0.1');
    teardown.push(() => http.close());
    const { fake, store } = await setup({
      http,
      config: { token: '123456:TEST-token_abc', webhookUrl: `http://127.0.0.1:${port}/tg`, webhookSecret: 'right-secret_42' },
    });
    const group = fake.group('Khối\ud800');
    const forged = fake.user('Lan\udc00\u0000');
    expect(await fake.postWebhook(fake.buildMessageUpdate(group, forged, '/join B\ud800L'))).toBe(200);
    const reply = await fake.waitForMessage((m) => m.chatId === group.id);
    expect(reply.text).not.toMatch(/mã tham chiếu|reference/i);
    const person = await store.db.person.findFirstOrThrow({ where: { key: `telegram:${forged.id}` } });
    expect(person.displayName).toBe('Lan\ufffd');
  });
});

export type { FakeTelegram };
