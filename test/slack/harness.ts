import { resolve } from 'node:path';
import { pino } from 'pino';
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
  /** Waits until every request so far was handled and every notice tried. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real core on a fresh SQLite file, the real Bolt-based adapter on an HTTP server on
 * 127.0.0.1, pointed at a fake Slack; 429s are waited out without sleeping.
 */
export async function startSlack(
  options: { core?: (core: Core) => Core; adapter?: Partial<SlackAdapterOptions>; now?: Date; store?: Store; clock?: ManualClock } = {},
): Promise<SlackWorld> {
  const fake = await FakeSlack.start();
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
    ...options.adapter,
  });
  router.register(adapter);
  const port = await http.listen(0, '127.0.0.1');
  await adapter.start();
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
    settled: () => adapter.settled(),
    stop: async () => {
      await adapter.stop();
      await http.close();
      await fake.stop();
      await fresh.close();
    },
  };
  return world;
}
