import { resolve } from 'node:path';
import { pino } from 'pino';
import { BotCore } from '../../src/app/bot-core.js';
import { rollOverHandover } from '../../src/app/rollover.js';
import { InboxWorker } from '../../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import { NoticeRouter } from '../../src/adapters/kit/router.js';
import { TelegramAdapter } from '../../src/adapters/telegram/index.js';
import { ZaloAdapter } from '../../src/adapters/zalo/index.js';
import { DEFAULT_CAPABILITIES, type Adapter } from '../../src/delivery.js';
import type { ManualClock } from '../../src/domain/clock.js';
import { StoredLinks } from '../../src/files/link-maker.js';
import { FILES_PREFIX, fileRoute } from '../../src/files/serve.js';
import { HttpServer } from '../../src/http.js';
import { I18n } from '../../src/i18n/i18n.js';
import { Scheduler } from '../../src/scheduler/index.js';
import { outboundLedger } from '../../src/store/outbound-counts.js';
import type { Store } from '../../src/store/store.js';
import { FakeTelegram } from './fake-telegram.js';
import { FakeZalo } from './fake-zalo.js';

const logger = pino({ level: process.env.TEST_LOG ?? 'silent' });
const LINK_SECRET = 'the-instance-link-secret-0123456789abcdef';

/** One bot instance on Telegram and Zalo at once, as the tests drive it. */
export interface TwoPlatformInstance {
  telegram: { fake: FakeTelegram; adapter: TelegramAdapter };
  zalo: { fake: FakeZalo; adapter: ZaloAdapter };
  /** The platform adapters by name, as the scheduler gets them. */
  adapters: Map<string, Adapter>;
  /** The address signed links point at (`PUBLIC_URL`), when links were asked for. */
  publicUrl?: string;
  /** A scheduler of this instance (not started: tests call `tick()` with the manual clock). */
  scheduler(instanceId: string): Scheduler;
  /** Waits until every stored update was handled and its answers sent. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts one instance wired as `src/main.ts` wires it: one store, one core (reading each
 * platform's capabilities from its adapter), one notice router, the durable inbox and outbox,
 * the real Telegram adapter (grammY) against a fake Bot API and the real Zalo adapter (our
 * client) against a fake Zalo Bot API, the Zalo budget counted in the store and, with `links`,
 * the HTTP server serving signed links (`PUBLIC_URL/files/…`). The core, the links and the
 * budget read the manual clock; pacing and backoff pauses are not slept.
 */
export async function startTwoPlatformInstance(options: {
  store: Store;
  clock: ManualClock;
  links: boolean;
}): Promise<TwoPlatformInstance> {
  const { store, clock } = options;
  const now = () => clock.now();
  const i18n = new I18n(resolve('locales'));
  const adapters = new Map<string, Adapter>();
  const capabilitiesOf = (platform: string) => adapters.get(platform)?.capabilities ?? DEFAULT_CAPABILITIES;
  const core = new BotCore({ store, clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' }, logger, capabilitiesOf });
  const router = new NoticeRouter(logger);
  const targets = new Map<string, OutboxTarget>();
  const sender = new OutboxSender({ store, owner: 'instance-1', targets, logger, pollMs: 200 });
  const inbox = new InboxWorker({ store, core, sender, sources: [], logger, pollMs: 200 });

  const http = new HttpServer(() => store.ping());
  http.routePrefix('GET', FILES_PREFIX, fileRoute({ db: store.db }, LINK_SECRET, now));
  const port = await http.listen(0, '127.0.0.1');
  const publicUrl = options.links ? `http://127.0.0.1:${port}/` : undefined;
  const links = publicUrl ? new StoredLinks({ store, publicUrl, secret: LINK_SECRET, now }) : undefined;
  const pacing = { perChatMs: 0, groupPerMinute: 10_000, globalPerSecond: 10_000 };

  const tgFake = await FakeTelegram.start({ username: 'cum_biengioi_bot' });
  const telegram = new TelegramAdapter({
    config: { token: tgFake.token, apiRoot: tgFake.apiRoot },
    core,
    i18n,
    http,
    logger,
    router,
    inbox,
    links,
    botInfo: tgFake.bot,
    pacing,
    polling: { timeoutSeconds: 1 },
  });
  const zaloFake = new FakeZalo();
  await zaloFake.start();
  const zalo = new ZaloAdapter({
    config: { token: zaloFake.token, apiRoot: zaloFake.apiRoot, monthlyQuota: 3000 },
    core,
    i18n,
    http,
    logger,
    router,
    links,
    inbox,
    ledger: outboundLedger(store, 'zalo', now),
    pacing,
    polling: { timeoutSeconds: 1 },
    sleep: async () => undefined,
    now,
  });
  for (const adapter of [telegram, zalo]) adapters.set(adapter.platform, adapter);
  inbox.addSource(telegram.inboxSource());
  inbox.addSource(zalo.inboxSource());
  targets.set('telegram', (item) => telegram.deliverOutbox(item));
  targets.set('zalo', (item) => zalo.deliverOutbox(item));
  for (const adapter of adapters.values()) router.register(adapter);
  for (const adapter of adapters.values()) await adapter.start();
  await sender.start();
  await inbox.start();

  return {
    telegram: { fake: tgFake, adapter: telegram },
    zalo: { fake: zaloFake, adapter: zalo },
    adapters,
    publicUrl,
    scheduler: (instanceId) =>
      new Scheduler({ store, clock, i18n, adapters, rollOver: (r) => rollOverHandover(store, r), instanceId, logger }),
    idle: () => inbox.idle(),
    stop: async () => {
      for (const adapter of adapters.values()) await adapter.stop();
      await inbox.stop();
      await sender.stop();
      await http.close();
      await tgFake.stop();
      await zaloFake.stop();
    },
  };
}
