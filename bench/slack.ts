import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { resolve } from 'node:path';
import { NoticeRouter } from '../src/adapters/kit/router.js';
import { SLACK_CAPABILITIES, SlackAdapter } from '../src/adapters/slack/index.js';
import { BotCore } from '../src/app/bot-core.js';
import { ManualClock } from '../src/domain/clock.js';
import { HttpServer } from '../src/http.js';
import { I18n } from '../src/i18n/i18n.js';
import { FakeSlack, type SlackPost } from '../test/support/fake-slack.js';
import { SlackEvents, type Answer } from '../test/support/fake-slack-events.js';
import { freshSqliteStore } from '../test/support/store.js';
import { DurablePath } from './durable.js';
import { MEKONG, ms, percentile } from './figures.js';

/**
 * Slack end to end: a signed request (slash command) → the HTTP server → Bolt → the adapter →
 * the core (SQLite) → the reply at the fake Web API (`chat.postMessage`), for the 13-unit
 * Mekong cluster in one channel. Three figures: the acknowledgement's latency at 50
 * requests/s, the reply's latency at 50/s, and commands/s for a burst; through the durable
 * inbox and outbox as `src/main.ts` runs it, and straight through Bolt. The fake Slack runs in
 * the same process (it is small next to the bot's work); latencies include its HTTP hops.
 */

const SECRET = 'bench-signing-secret';
/** Replies in one channel come in the order of the commands (the adapter keeps a channel's order). */
class Replies {
  private readonly waiting: ((post: SlackPost) => void)[] = [];

  constructor(fake: FakeSlack, channel: string) {
    fake.onPost = (post) => {
      if (post.channel === channel) this.waiting.shift()?.(post);
    };
  }

  next(): Promise<SlackPost> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** `npm run bench -- slack`: through the durable inbox and outbox (as `src/main.ts` runs it), then straight through Bolt. */
export async function benchSlack(): Promise<void> {
  await slackPath(true);
  await slackPath(false);
}

async function slackPath(inbox: boolean): Promise<void> {
  const via = inbox ? ' [inbox + outbox]' : ' [direct]';
  const fake = await FakeSlack.start();
  const { store, close } = await freshSqliteStore();
  const i18n = new I18n(resolve('locales'), 'vi');
  const logger = pino({ level: 'silent' });
  const clock = new ManualClock(new Date('2026-11-15T02:00:00Z'));
  const core = new BotCore({
    store,
    clock,
    i18n,
    defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
    logger,
    capabilitiesOf: () => SLACK_CAPABILITIES,
  });
  const http = new HttpServer();
  const router = new NoticeRouter(logger);
  const durable = inbox ? new DurablePath(store, core, logger) : undefined;
  const worker = durable?.worker;
  const adapter = new SlackAdapter({
    config: { botToken: fake.token, signingSecret: SECRET, apiUrl: fake.apiUrl, command: '/thidua' },
    core,
    i18n,
    http,
    logger,
    router,
    botUserId: fake.botUserId,
    botId: fake.botId,
    ...(worker ? { inbox: worker } : {}),
  });
  router.register(adapter);
  durable?.attach('slack', adapter);
  const port = await http.listen(0, '127.0.0.1');
  await adapter.start();
  await durable?.start();
  const events = new SlackEvents(fake, `http://127.0.0.1:${port}/slack/events`, SECRET);
  const channel = fake.channel();
  const replies = new Replies(fake, channel);
  const secretary = fake.user('Thư ký');
  const reps = MEKONG.map(([code]) => ({ code, user: fake.user(`Đại diện ${code}`) }));

  /** One command and its reply: the ack's and the reply's latency. */
  const command = async (user: string, text: string): Promise<{ ack: Answer; reply: number; post: SlackPost }> => {
    const t0 = performance.now();
    const reply = replies.next();
    const ack = await events.slash(channel, user, text);
    const post = await reply;
    return { ack, reply: performance.now() - t0, post };
  };

  // The cluster, set up through Slack.
  await events.botJoins(channel, secretary.id);
  await adapter.settled();
  await worker?.idle();
  await command(secretary.id, 'setup Cụm thi đua Sở Nội vụ đồng bằng sông Cửu Long');
  const body = MEKONG.map(([c, n]) => `${c} ${n}`).join('\n');
  const added = replies.next();
  await events.mention(channel, secretary.id, `addunit\n${body}`);
  await added;
  for (const { code, user } of reps) {
    const request = await command(user.id, `join ${code}`);
    const approved = replies.next();
    await events.press(channel, secretary.id, request.post.buttons[0]!.data, request.post.ts);
    await approved;
  }
  await command(secretary.id, 'term 2026');
  const criteria = replies.next();
  await events.mention(
    channel,
    secretary.id,
    'criteria\nI | Chuyên môn\n1.1 | Tham mưu | 10\n1.2 | Cải cách hành chính | 10\n1.3 | Quản lý cán bộ | 10',
  );
  await criteria;
  await command(secretary.id, 'round yearend 10/12/2026');

  const score = (i: number) => `score 1.${(i % 3) + 1} ${(5 + (i % 50) / 10).toFixed(1).replace('.', ',')}`;
  // Warm-up.
  for (let i = 0; i < 50; i++) await command(reps[i % reps.length]!.user.id, score(i));

  // At 50 requests/s for 10 s: the acknowledgement's and the reply's latencies.
  const acks: number[] = [];
  const ends: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < 500; i++) {
    const wait = start + i * 20 - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      command(reps[i % reps.length]!.user.id, score(i)).then(({ ack, reply }) => {
        if (ack.status !== 200) throw new Error(`ack ${ack.status}`);
        acks.push(ack.ms);
        ends.push(reply);
      }),
    );
  }
  await Promise.all(pending);
  acks.sort((a, b) => a - b);
  ends.sort((a, b) => a - b);
  console.log(
    `slack${via} ack at 50 req/s: ${acks.length} requests; p50 ${ms(percentile(acks, 50))}, p99 ${ms(percentile(acks, 99))}, max ${ms(acks.at(-1)!)}`,
  );
  console.log(`slack${via} reply at 50 req/s: p50 ${ms(percentile(ends, 50))}, p99 ${ms(percentile(ends, 99))}, max ${ms(ends.at(-1)!)}`);

  // A burst of 1,000 commands, 50 in flight at a time: commands/s end to end.
  const total = 1000;
  let sent = 0;
  const burstStart = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (sent < total) {
        const i = sent++;
        await command(reps[i % reps.length]!.user.id, score(i));
      }
    }),
  );
  const seconds = (performance.now() - burstStart) / 1000;
  console.log(
    `slack${via} end to end: ${total} commands in ${seconds.toFixed(2)} s → ${(total / seconds).toFixed(0)} commands/s (13 units, one channel, SQLite)`,
  );

  await adapter.stop();
  await durable?.stop();
  await http.close();
  await fake.stop();
  await close();
}
