import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isMainThread, workerData } from 'node:worker_threads';
import type { Chat, User, UserFromGetMe } from 'grammy/types';
import { pino } from 'pino';
import { BotCore } from '../src/app/bot-core.js';
import type { Core, HandleResult } from '../src/app/core.js';
import { ManualClock } from '../src/domain/clock.js';
import { I18n } from '../src/i18n/i18n.js';
import { TELEGRAM_CAPABILITIES, TelegramAdapter } from '../src/adapters/telegram/index.js';
import type { Store } from '../src/store/store.js';
import { FakeTelegram, type BotMessage } from '../test/support/fake-telegram.js';
import { freshSqliteStore } from '../test/support/store.js';
import { FakeThread, serveFake } from './fake-thread.js';
import { DurablePath } from './durable.js';
import { MEKONG, report, sampleCriteria } from './figures.js';

/**
 * Telegram end to end: the fake Bot API server queues a person's message, grammY's runner
 * fetches it by long polling, the adapter hands it to the core (SQLite), and the reply travels
 * back to the fake server as `sendMessage`. Latency runs from the moment the update is queued
 * to the moment the server accepts the reply.
 *
 * The fake server runs in a worker thread, as Telegram runs on other machines: the bot's event
 * loop is measured, not the server's.
 */

/** One message a person writes. */
interface Said {
  chat: Chat;
  from: User;
  text: string;
}

/** What the bench asks of the server thread. */
type Request =
  | { op: 'group'; title: string }
  | { op: 'user'; name: string }
  | { op: 'private'; user: User }
  | { op: 'say'; message: Said }
  | { op: 'burst'; messages: Said[] }
  | { op: 'steady'; messages: Said[]; perSecond: number };

// ——— the server thread: Telegram's side ———

/** Sends messages through the fake server and resolves each with its end-to-end latency and reply. */
class Driver {
  private readonly byReply = new Map<string, (m: BotMessage) => void>();
  private readonly byChat = new Map<number, ((m: BotMessage) => void)[]>();

  constructor(private readonly fake: FakeTelegram) {
    fake.onSent = (m) => this.sent(m);
  }

  send({ chat, from, text }: Said): Promise<{ latency: number; reply: string }> {
    return new Promise((done) => {
      const t0 = performance.now();
      const finish = (m: BotMessage) => done({ latency: performance.now() - t0, reply: m.text });
      if (chat.type === 'private') {
        const queue = this.byChat.get(chat.id) ?? [];
        queue.push(finish);
        this.byChat.set(chat.id, queue);
        this.fake.say(chat, from, text);
      } else {
        const message = this.fake.say(chat, from, text);
        this.byReply.set(`${chat.id}:${message.message_id}`, finish);
      }
    });
  }

  async burst(messages: Said[]): Promise<{ rate: number; latencies: number[]; replies: string[] }> {
    const start = performance.now();
    const results = await Promise.all(messages.map((m) => this.send(m)));
    const elapsed = performance.now() - start;
    return {
      rate: messages.length / (elapsed / 1000),
      latencies: results.map((r) => r.latency).sort((a, b) => a - b),
      replies: results.map((r) => r.reply),
    };
  }

  async steady(messages: Said[], perSecond: number): Promise<{ latencies: number[]; replies: string[] }> {
    const interval = 1000 / perSecond;
    const start = performance.now();
    const pending: Promise<{ latency: number; reply: string }>[] = [];
    for (const [i, m] of messages.entries()) {
      const wait = start + i * interval - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      pending.push(this.send(m));
    }
    const results = await Promise.all(pending);
    return { latencies: results.map((r) => r.latency).sort((a, b) => a - b), replies: results.map((r) => r.reply) };
  }

  private sent(m: BotMessage): void {
    const key = `${m.chatId}:${m.replyTo}`;
    const finish = m.replyTo === undefined ? undefined : this.byReply.get(key);
    if (finish) {
      this.byReply.delete(key);
      finish(m);
      return;
    }
    this.byChat.get(m.chatId)?.shift()?.(m);
  }
}

async function serve(): Promise<void> {
  const fake = await FakeTelegram.start();
  const driver = new Driver(fake);
  serveFake<Request | { op: 'stop' }>({ apiRoot: fake.apiRoot, token: fake.token, bot: fake.bot }, async (request) => {
    switch (request.op) {
      case 'group':
        return fake.group(request.title);
      case 'user':
        return fake.user(request.name);
      case 'private':
        return fake.privateChat(request.user);
      case 'say':
        return driver.send(request.message);
      case 'burst':
        return driver.burst(request.messages);
      case 'steady':
        return driver.steady(request.messages, request.perSecond);
      case 'stop':
        await fake.stop();
        return true;
    }
  });
}

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === 'fake-telegram') void serve();

// ——— the bot's side ———

/** The fake Telegram in its worker thread, asked by message. */
type Telegram = FakeThread<Request, { apiRoot: string; token: string; bot: UserFromGetMe }>;

/**
 * The adapter on the fake server, long polling; with `store`, through the durable inbox and
 * outbox (our poller stores each batch before confirming it, the worker hands each update to
 * the core with its answer committed to the outbox, the sender delivers and marks it sent), as
 * `src/main.ts` runs it. Without, grammY's runner hands updates to the core directly.
 */
async function withAdapter(core: Core, i18n: I18n, body: (telegram: Telegram) => Promise<void>, store?: Store): Promise<void> {
  const telegram: Telegram = await FakeThread.start(import.meta.url, 'fake-telegram');
  const logger = pino({ level: 'silent' });
  const durable = store ? new DurablePath(store, core, logger) : undefined;
  const worker = durable?.worker;
  const adapter = new TelegramAdapter({
    config: { token: telegram.info.token, apiRoot: telegram.info.apiRoot },
    core,
    i18n,
    logger,
    botInfo: telegram.info.bot,
    polling: { timeoutSeconds: 5 },
    inbox: worker,
  });
  durable?.attach('telegram', adapter);
  await adapter.start();
  await durable?.start();
  try {
    await body(telegram);
  } finally {
    await adapter.stop();
    await durable?.stop();
    await telegram.stop();
  }
}

/** The adapter's own cost: the same path with a core that answers at once. */
async function adapterOnly(i18n: I18n): Promise<void> {
  const answer: HandleResult = { locale: 'vi', replies: [{ text: [{ key: 'telegram-admin-thanks' }] }], notices: [], duplicate: false };
  const core: Core = { handle: async () => answer, chatEvent: async () => answer };
  await withAdapter(core, i18n, async (telegram) => {
    const group = await telegram.ask<Chat>({ op: 'group', title: 'Cụm bench' });
    const people = await Promise.all(Array.from({ length: 13 }, (_, i) => telegram.ask<User>({ op: 'user', name: `Người ${i}` })));
    const privates = await Promise.all(people.map((user) => telegram.ask<Chat>({ op: 'private', user })));
    const inGroup = Array.from({ length: 3000 }, (_, i) => ({ chat: group, from: people[i % 13]!, text: `/status ${i}` }));
    const spread = Array.from({ length: 3000 }, (_, i) => ({
      chat: i % 2 ? group : privates[i % 13]!,
      from: people[i % 13]!,
      text: `/status ${i}`,
    }));
    await telegram.ask({ op: 'burst', messages: inGroup.slice(0, 300) });
    const one = await telegram.ask<{ rate: number; latencies: number[] }>({ op: 'burst', messages: inGroup });
    report('adapter alone (core answers at once), one group, all at once', one.latencies, one.rate);
    const many = await telegram.ask<{ rate: number; latencies: number[] }>({ op: 'burst', messages: spread });
    report('adapter alone (core answers at once), group + 13 private chats, all at once', many.latencies, many.rate);
    const paced = await telegram.ask<{ latencies: number[] }>({ op: 'steady', messages: spread.slice(0, 1000), perSecond: 100 });
    report('adapter alone (core answers at once), 100 messages/s offered', paced.latencies);
  });
}

/** The whole path on the real core and a SQLite file, for the 13-unit Mekong cluster; `inbox`: through the durable inbox and outbox. */
async function fullPath(i18n: I18n, inbox: boolean): Promise<void> {
  const { store, close } = await freshSqliteStore();
  const via = inbox ? ' [inbox + outbox]' : ' [runner, no inbox]';
  const clock = new ManualClock(new Date('2022-05-06T01:00:00Z'));
  const core = new BotCore({
    store,
    clock,
    i18n,
    defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
    capabilitiesOf: () => TELEGRAM_CAPABILITIES,
  });
  try {
    await withAdapter(
      core,
      i18n,
      async (telegram) => {
        const group = await telegram.ask<Chat>({ op: 'group', title: 'Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ' });
        const secretary = await telegram.ask<User>({ op: 'user', name: 'Thư ký' });
        const reps = await Promise.all(MEKONG.map(([code]) => telegram.ask<User>({ op: 'user', name: `Đại diện ${code}` })));
        const privates = await Promise.all(reps.map((user) => telegram.ask<Chat>({ op: 'private', user })));
        const say = async (from: User, text: string, expected: RegExp) => {
          const { reply } = await telegram.ask<{ reply: string }>({ op: 'say', message: { chat: group, from, text } });
          if (!expected.test(reply)) throw new Error(`${text}: ${reply}`);
        };
        const criteria = sampleCriteria();
        await say(secretary, '/setup Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ', /Đã lập/);
        await say(secretary, `/addunit\n${MEKONG.map(([c, n]) => `${c} ${n}`).join('\n')}`, /Đã thêm 13/);
        for (const [i, [code]] of MEKONG.entries()) {
          await say(reps[i]!, `/join ${code}`, /đề nghị/);
          await say(secretary, `/approve ${code}`, /Đã duyệt/);
        }
        await say(secretary, '/term 2022 Đoàn kết, kỷ cương, gương mẫu, đổi mới, hiệu quả', /Đã mở năm/);
        await say(secretary, `/criteria\n${criteria.body}`, /Đã cập nhật/);
        await say(secretary, '/round yearend 05/12/2022', /Đã mở đợt/);

        /** Every representative scores every criterion twice, round robin. */
        const scores = (chatOf: (unit: number) => Chat): Said[] =>
          Array.from({ length: 13 * criteria.scored.length * 2 }, (_, n) => {
            const unit = n % 13;
            const [code, max] = criteria.scored[Math.floor(n / 13) % criteria.scored.length]!;
            return {
              chat: chatOf(unit),
              from: reps[unit]!,
              text: `/score ${code} ${(max * (0.5 + ((n * 7) % 10) / 20)).toFixed(2).replace('.', ',')}`,
            };
          });
        const spreadChats = (unit: number) => (unit % 2 ? group : privates[unit]!);
        const warm = await telegram.ask<{ replies: string[] }>({ op: 'burst', messages: scores(spreadChats).slice(0, 26) });
        const wrong = warm.replies.find((r) => !r.startsWith('Đã ghi'));
        if (wrong) throw new Error(`unexpected reply to /score: ${wrong}`);

        const one = await telegram.ask<{ rate: number; latencies: number[] }>({ op: 'burst', messages: scores(() => group) });
        report(`/score${via}, 13-unit cluster, one group, all at once`, one.latencies, one.rate);
        const spread = await telegram.ask<{ rate: number; latencies: number[] }>({ op: 'burst', messages: scores(spreadChats) });
        report(`/score${via}, 13-unit cluster, group + 13 private chats, all at once`, spread.latencies, spread.rate);
        for (const perSecond of [100, 20]) {
          const paced = await telegram.ask<{ latencies: number[] }>({
            op: 'steady',
            messages: scores(spreadChats).slice(0, perSecond * 3),
            perSecond,
          });
          report(`/score${via}, 13-unit cluster, ${perSecond} messages/s offered`, paced.latencies);
        }
      },
      inbox ? store : undefined,
    );
  } finally {
    await close();
  }
}

/** `npm run bench`: the Telegram figures. */
export async function benchTelegram(): Promise<void> {
  console.log(
    '\n== Telegram (fake Bot API server in a worker thread → long polling → [inbox →] adapter → core → SQLite [→ outbox] → reply at the server) ==',
  );
  const i18n = new I18n(resolve('locales'));
  await adapterOnly(i18n);
  await fullPath(i18n, true);
  await fullPath(i18n, false);
}
