import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { NoticeRouter } from '../src/adapters/kit/router.js';
import { ZaloAdapter, zaloCapabilities } from '../src/adapters/zalo/index.js';
import { BotCore } from '../src/app/bot-core.js';
import { ManualClock } from '../src/domain/clock.js';
import { HttpServer } from '../src/http.js';
import { I18n } from '../src/i18n/i18n.js';
import { outboundLedger } from '../src/store/outbound-counts.js';
import { isMainThread, workerData } from 'node:worker_threads';
import { FakeZalo, zaloText, type FakeZaloMessage, type ZaloCall } from '../test/support/fake-zalo.js';
import { freshSqliteStore } from '../test/support/store.js';
import { FakeThread, serveFake } from './fake-thread.js';
import { DurablePath } from './durable.js';
import { MEKONG, report, sampleCriteria } from './figures.js';

/**
 * Zalo end to end in webhook mode: the fake Zalo Bot API POSTs a person's message to the bot's
 * webhook (secret checked), and the reply comes back to the fake API as `sendMessage`, counted
 * against the monthly budget in the store. Two ways, both measured:
 * - **inbox + outbox** (as `src/main.ts` runs it): the webhook stores the update and answers
 *   200, the inbox worker runs the command with its reply committed to the outbox, and the
 *   sender delivers it;
 * - **direct**: the webhook runs the command and sends the reply before its 200.
 * Latency runs from the POST to the reply's arrival at the fake API. The fake runs in a worker
 * thread, as Zalo runs on other machines: the bot's event loop is measured, not the fake's.
 */

/** What the bench asks of the fake's thread. */
type Request =
  | { op: 'say'; message: FakeZaloMessage; chatId: string; expected: string }
  | { op: 'burst'; messages: FakeZaloMessage[] }
  | { op: 'steady'; messages: FakeZaloMessage[]; perSecond: number }
  | { op: 'last'; chatIds: string[] }
  | { op: 'sent' }
  | { op: 'stop' };

// ——— the fake's thread: Zalo's side ———

/** Posts messages to the bot's webhook and resolves each with its latency when its reply reaches the fake. */
class Driver {
  private readonly waiting = new Map<string, ((latency: number) => void)[]>();

  constructor(private readonly fake: FakeZalo) {
    const calls = fake.calls;
    const push = calls.push.bind(calls);
    // Replies to one chat come in order (the worker keeps a chat's updates in order).
    calls.push = (...added: ZaloCall[]) => {
      for (const call of added) if (call.method === 'sendMessage') this.waiting.get(String(call.body.chat_id))?.shift()?.(0);
      return push(...added);
    };
  }

  async send(message: FakeZaloMessage): Promise<number> {
    const t0 = performance.now();
    const replied = new Promise<number>((done) => {
      const queue = this.waiting.get(message.chat.id) ?? [];
      this.waiting.set(message.chat.id, queue);
      queue.push(() => done(performance.now() - t0));
    });
    const status = await this.fake.deliver(message);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    return replied;
  }

  async burst(messages: FakeZaloMessage[]): Promise<{ rate: number; latencies: number[] }> {
    const start = performance.now();
    const latencies = await Promise.all(messages.map((m) => this.send(m)));
    return { rate: messages.length / ((performance.now() - start) / 1000), latencies };
  }

  async steady(messages: FakeZaloMessage[], perSecond: number): Promise<number[]> {
    const interval = 1000 / perSecond;
    const start = performance.now();
    const pending: Promise<number>[] = [];
    for (const [i, m] of messages.entries()) {
      const wait = start + i * interval - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(this.send(m));
    }
    return Promise.all(pending);
  }

  /** Posts one message and waits until a reply to `chatId` matches `expected`. */
  async say(message: FakeZaloMessage, chatId: string, expected: RegExp): Promise<void> {
    const before = this.fake.textsTo(chatId).length;
    await this.fake.deliver(message);
    await this.fake.waitForCall(() =>
      this.fake
        .textsTo(chatId)
        .slice(before)
        .some((t) => expected.test(t)),
    );
  }
}

async function serve(): Promise<void> {
  const fake = new FakeZalo();
  await fake.start();
  const driver = new Driver(fake);
  serveFake<Request>({ apiRoot: fake.apiRoot, token: fake.token }, async (request) => {
    switch (request.op) {
      case 'say':
        return driver.say(request.message, request.chatId, new RegExp(request.expected));
      case 'burst':
        return driver.burst(request.messages);
      case 'steady':
        return driver.steady(request.messages, request.perSecond);
      case 'last':
        return request.chatIds.map((c) => fake.textsTo(c).at(-1) ?? '');
      case 'sent':
        return fake.calls.filter((c) => c.method === 'sendMessage').length;
      case 'stop':
        await fake.stop();
        return true;
    }
  });
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === 'fake-zalo') void serve();

// ——— the bot's side ———

/** `npm run bench -- zalo`: the Zalo figures. */
export async function benchZalo(): Promise<void> {
  console.log(
    '\n== Zalo (fake Bot API in a worker thread → webhook POST → [inbox →] adapter → core → SQLite [→ outbox] → sendMessage at the fake API) ==',
  );
  const i18n = new I18n(resolve('locales'));
  await zaloPath(i18n, true);
  await zaloPath(i18n, false);
}

/** The whole path for the 13-unit Mekong cluster on a SQLite file; `inbox`: through the durable inbox and outbox. */
async function zaloPath(i18n: I18n, inbox: boolean): Promise<void> {
  const via = inbox ? ' [inbox + outbox]' : ' [direct]';
  const { store, close } = await freshSqliteStore();
  const clock = new ManualClock(new Date('2022-05-06T01:00:00Z'));
  const fake = await FakeThread.start<Request, { apiRoot: string; token: string }>(import.meta.url, 'fake-zalo');
  const http = new HttpServer();
  const port = await http.listen(0, '127.0.0.1');
  const core = new BotCore({
    store,
    clock,
    i18n,
    defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
    capabilitiesOf: () => zaloCapabilities(false),
  });
  const logger = pino({ level: 'silent' });
  const router = new NoticeRouter(logger);
  const durable = inbox ? new DurablePath(store, core, logger) : undefined;
  const worker = durable?.worker;
  const adapter = new ZaloAdapter({
    config: {
      token: fake.info.token,
      apiRoot: fake.info.apiRoot,
      webhookUrl: `http://127.0.0.1:${port}/zalo/webhook`,
      monthlyQuota: 1_000_000,
    },
    core,
    i18n,
    http,
    logger,
    router,
    ...(worker ? { inbox: worker } : {}),
    ...(process.env.BENCH_NO_LEDGER ? {} : { ledger: outboundLedger(store, 'zalo', () => clock.now()) }),
  });
  router.register(adapter);
  durable?.attach('zalo', adapter);
  await adapter.start();
  await durable?.start();
  try {
    const group = 'g0bench0cluster';
    const secretary = { id: '1000000000000000001', name: 'Thư ký' };
    const reps = MEKONG.map(([code], i) => ({ id: String(2000000000000000000n + BigInt(i)), name: `Đại diện ${code}` }));
    /** A message in the group, answered (in any of the replies it gets) as `expected` says. */
    const inGroup = (from: { id: string; name: string }, text: string, expected: RegExp) =>
      fake.ask<void>({
        op: 'say',
        message: zaloText(from, `@bot.ThiDua ${text}`, { chatId: group, group: true }),
        chatId: group,
        expected: expected.source,
      });
    const criteria = sampleCriteria();
    await inGroup(secretary, '/setup Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ', /Đã lập/);
    await inGroup(secretary, `/addunit\n${MEKONG.map(([c, n]) => `${c} ${n}`).join('\n')}`, /Đã thêm 13/);
    for (const [i, [code]] of MEKONG.entries()) {
      await inGroup(reps[i]!, `/join ${code}`, /đề nghị/);
      await inGroup(secretary, `/approve ${code}`, /Đã duyệt/);
    }
    await inGroup(secretary, '/term 2022 Đoàn kết, kỷ cương, gương mẫu, đổi mới, hiệu quả', /Đã mở năm/);
    await inGroup(secretary, `/criteria\n${criteria.body}`, /Đã cập nhật/);
    await inGroup(secretary, '/round yearend 05/12/2022', /Đã mở đợt/);

    /** Every representative scores every criterion twice, round robin, from their Zalo private chat. */
    const scores: FakeZaloMessage[] = Array.from({ length: 13 * criteria.scored.length * 2 }, (_, n) => {
      const unit = n % 13;
      const [code, max] = criteria.scored[Math.floor(n / 13) % criteria.scored.length]!;
      return zaloText(reps[unit]!, `/score ${code} ${(max * (0.5 + ((n * 7) % 10) / 20)).toFixed(2).replace('.', ',')}`);
    });
    const fresh = (m: FakeZaloMessage) => zaloText({ id: m.from.id, name: m.from.display_name }, m.text!);
    // Warm-up, and a check that the replies are the real ones.
    await fake.ask({ op: 'burst', messages: scores.slice(0, 26) });
    const wrong = (await fake.ask<string[]>({ op: 'last', chatIds: reps.map((r) => r.id) })).find((t) => !t.startsWith('Đã ghi'));
    if (wrong) throw new Error(`unexpected reply to /score: ${wrong}`);

    const burst = await fake.ask<{ rate: number; latencies: number[] }>({ op: 'burst', messages: scores.map(fresh) });
    report(`/score${via}, 13-unit cluster, 13 Zalo private chats, all at once`, burst.latencies, burst.rate);
    for (const perSecond of [50]) {
      const latencies = await fake.ask<number[]>({ op: 'steady', messages: scores.map(fresh).slice(0, perSecond * 6), perSecond });
      report(`/score${via}, 13-unit cluster, ${perSecond} messages/s offered`, latencies);
    }
    const counted = await store.db.outboundCount.findMany();
    console.log(
      `messages counted against the monthly budget: ${counted.map((c) => `${c.month} ${c.sent}`).join(', ')} (sendMessage calls at the fake API: ${await fake.ask<number>({ op: 'sent' })})`,
    );
  } finally {
    await adapter.stop();
    await durable?.stop();
    await http.close();
    await fake.stop();
    await close();
  }
}
