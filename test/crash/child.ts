/**
 * The bot as the crash test runs it in a child process: the real core on the test's database,
 * the real Telegram adapter on the fake Bot API, the durable inbox and outbox, wired as
 * `src/main.ts` wires them. Settings come as one JSON argument (tests do not set the
 * environment of the product); "ready" on stdout once it polls. SIGTERM stops it cleanly; the
 * test mostly kills it with SIGKILL.
 */
import { destination, pino } from 'pino';
import { BotCore } from '../../src/app/bot-core.js';
import { InboxWorker } from '../../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import { TelegramAdapter } from '../../src/adapters/telegram/index.js';
import { ManualClock } from '../../src/domain/clock.js';
import { I18n } from '../../src/i18n/i18n.js';
import { Store } from '../../src/store/store.js';

/** What the test passes to the child. */
export interface ChildSettings {
  url: string;
  schema?: string;
  token: string;
  apiRoot: string;
  owner: string;
  now: string;
  locales: string;
}

const settings = JSON.parse(process.argv[2]!) as ChildSettings;
const logger = pino({ level: process.env.TEST_LOG ?? 'silent' }, destination(2));
const store = await Store.open(settings.url, { schema: settings.schema, migrate: false });
const i18n = new I18n(settings.locales);
const core = new BotCore({
  store,
  clock: new ManualClock(new Date(settings.now)),
  i18n,
  defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
  logger,
});
const targets = new Map<string, OutboxTarget>();
const sender = new OutboxSender({ store, owner: settings.owner, targets, logger, pollMs: 200 });
const inbox = new InboxWorker({ store, core, sender, sources: [], logger, pollMs: 200 });
const telegram = new TelegramAdapter({
  config: { token: settings.token, apiRoot: settings.apiRoot },
  core,
  i18n,
  logger,
  inbox,
  polling: { timeoutSeconds: 1 },
});
inbox.addSource(telegram.inboxSource());
targets.set('telegram', (item) => telegram.deliverOutbox(item));
await telegram.start();
await sender.start();
await inbox.start();
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  void (async () => {
    await telegram.stop();
    await inbox.stop();
    await sender.stop();
    await store.close();
    process.exit(0);
  })();
});
