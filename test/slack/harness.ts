import { resolve } from 'node:path';
import { pino } from 'pino';
import { InboxWorker } from '../../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import { NoticeRouter } from '../../src/adapters/kit/router.js';
import { SLACK_CAPABILITIES, SlackAdapter, type SlackAdapterOptions } from '../../src/adapters/slack/index.js';
import { BotCore } from '../../src/app/bot-core.js';
import type { Core } from '../../src/app/core.js';
import { ManualClock } from '../../src/domain/clock.js';
import { HttpServer } from '../../src/http.js';
import { I18n } from '../../src/i18n/i18n.js';
import type { Store } from '../../src/store/store.js';
import { FakeSlack } from '../support/fake-slack.js';
import { SlackEvents } from '../support/fake-slack-events.js';
import { freshSqliteStore } from '../support/store.js';

export const SIGNING_SECRET = 'fake-signing-secret';
export const testLogger = pino({ level: process.env.TEST_LOG ?? 'silent' });

/** Everything a Slack test runs on: the fake Web API, the app on a real HTTP server, Slack's requests. */
export interface SlackWorld {
  fake: FakeSlack;
  adapter: SlackAdapter;
  events: SlackEvents;
  store: Store;
  clock: ManualClock;
  router: NoticeRouter;
  i18n: I18n;
  core: Core;
  /** With `durable`: the inbox worker and the outbox sender, as `main.ts` wires them. */
  worker?: InboxWorker;
  sender?: OutboxSender;
  /** Waits until every request so far was handled and every notice tried. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * How the durable inbox and outbox run (`startSlack({ durable })`): this instance's `owner`, the
 * clock of its worker and sender (a restart "later" passes one ahead of the lease), and the
 * sender's delivery (a test that kills the process between commit and send wraps it).
 */
export interface Durable {
  owner?: string;
  now?: () => Date;
  deliver?: (deliver: OutboxTarget) => OutboxTarget;
}

/**
 * The real core on a fresh SQLite file, the real Bolt-based adapter on an HTTP server on
 * 127.0.0.1, pointed at a fake Slack; 429s are waited out without sleeping. With `durable`, the
 * adapter stores requests in the kit's inbox and answers through its outbox; with `fake`, it
 * talks to a fake Slack that outlives it (a restart), which `stop` leaves running.
 */
export async function startSlack(
  options: {
    core?: (core: Core) => Core;
    adapter?: Partial<SlackAdapterOptions>;
    now?: Date;
    store?: Store;
    clock?: ManualClock;
    durable?: Durable;
    fake?: FakeSlack;
  } = {},
): Promise<SlackWorld> {
  const fake = options.fake ?? (await FakeSlack.start());
  const fresh = options.store ? { store: options.store, close: async () => undefined } : await freshSqliteStore();
  const { store } = fresh;
  const clock = options.clock ?? new ManualClock(options.now ?? new Date('2026-01-05T02:00:00Z'));
  const i18n = new I18n(resolve('locales'), 'vi');
  const router = new NoticeRouter(testLogger);
  const real = new BotCore({
    store,
    clock,
    i18n,
    defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
    logger: testLogger,
    capabilitiesOf: () => SLACK_CAPABILITIES,
  });
  const core = options.core ? options.core(real) : real;
  const http = new HttpServer();
  const durable = options.durable;
  let worker: InboxWorker | undefined;
  const inbox = durable ? { receive: (rows: Parameters<InboxWorker['receive']>[0]) => worker!.receive(rows) } : undefined;
  const adapter = new SlackAdapter({
    config: { botToken: fake.token, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, command: '/thidua' },
    core,
    i18n,
    http,
    logger: testLogger,
    router,
    botUserId: fake.botUserId,
    botId: fake.botId,
    pacing: { perChatMs: 0, groupPerMinute: 10_000, globalPerSecond: 10_000 },
    sleep: async () => undefined,
    retries: 0,
    ...(inbox ? { inbox } : {}),
    ...options.adapter,
  });
  router.register(adapter);
  let sender: OutboxSender | undefined;
  if (durable) {
    const owner = durable.owner ?? 'slack-test';
    const deliver: OutboxTarget = (item) => adapter.deliverOutbox(item);
    const targets = new Map<string, OutboxTarget>([['slack', durable.deliver ? durable.deliver(deliver) : deliver]]);
    sender = new OutboxSender({ store, owner, targets, logger: testLogger, now: durable.now });
    worker = new InboxWorker({ store, core, sender, sources: [adapter.inboxSource()], owner, logger: testLogger, now: durable.now });
  }
  const port = await http.listen(0, '127.0.0.1');
  await adapter.start();
  await sender?.start();
  await worker?.start();
  const events = new SlackEvents(fake, `http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET);
  const world: SlackWorld = {
    fake,
    adapter,
    events,
    store,
    clock,
    router,
    i18n,
    core,
    ...(worker && sender ? { worker, sender } : {}),
    settled: async () => {
      await adapter.settled();
      await worker?.idle();
      await adapter.settled();
    },
    stop: async () => {
      await adapter.stop();
      await worker?.stop();
      await sender?.stop();
      await http.close();
      if (!options.fake) await fake.stop();
      await fresh.close();
    },
  };
  return world;
}
