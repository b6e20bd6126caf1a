/**
 * The composition root: configuration → store → core → adapters → scheduler. The only place
 * where concrete parts are wired together.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { destination, pino } from 'pino';
import { BotCore } from './app/bot-core.js';
import { closeBallotAtDeadline } from './app/ballot-deadline.js';
import { rollOverHandover } from './app/rollover.js';
import { sheetFormReader } from './app/sheet-form.js';
import { DEFAULT_CAPABILITIES, type Adapter } from './delivery.js';
import { ConsoleAdapter } from './adapters/console/console-adapter.js';
import { InboxWorker } from './adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from './adapters/kit/outbox-sender.js';
import { NoticeRouter } from './adapters/kit/router.js';
import { SlackAdapter } from './adapters/slack/index.js';
import { TelegramAdapter } from './adapters/telegram/index.js';
import { ZaloAdapter } from './adapters/zalo/index.js';
import { StoredLinks } from './files/link-maker.js';
import { FILES_PREFIX, fileRoute } from './files/serve.js';
import { sweepExpiredFiles } from './store/files.js';
import { outboundLedger } from './store/outbound-counts.js';
import { loadConfig } from './config.js';
import { systemClock } from './domain/clock.js';
import { HttpServer } from './http.js';
import { I18n } from './i18n/i18n.js';
import { Scheduler } from './scheduler/index.js';
import { Store } from './store/store.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const platformConfigured = Boolean(config.telegram || config.slack || config.zalo);
  // On the console, logs would interleave with the chat: send them to stderr, warnings only.
  const logger = pino({ level: platformConfigured ? config.logLevel : 'warn' }, destination(2));
  const store = await Store.open(config.databaseUrl);
  const i18n = new I18n(resolve('locales'), config.locale);
  const clock = systemClock;
  const adapters = new Map<string, Adapter>();
  // Each adapter declares what its platform shows; the core reads it per message's platform.
  const capabilitiesOf = (platform: string) => adapters.get(platform)?.capabilities ?? DEFAULT_CAPABILITIES;
  const core = new BotCore({ store, clock, i18n, defaults: { timezone: config.timezone, locale: config.locale }, logger, capabilitiesOf });
  const http = new HttpServer(() => store.ping());
  // One router for every adapter: a notice for a chat on another platform (e.g. a join request
  // typed on the console for the secretary's Telegram group) goes through that platform's adapter.
  const router = new NoticeRouter(logger);
  // The durable inbox and outbox: updates are stored before a platform is told they arrived,
  // answers are committed with their command; this instance's worker and sender handle both.
  const owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const targets = new Map<string, OutboxTarget>();
  const sender = new OutboxSender({ store, owner, targets, logger });
  const inbox = new InboxWorker({ store, core, sender, sources: [], logger });

  // Signed links (`PUBLIC_URL/files/<token>`): files for Zalo, links to forward everywhere.
  // Served by every instance from the store, made only where the instance has a public URL.
  http.routePrefix('GET', FILES_PREFIX, fileRoute({ db: store.db }, config.links.secret));
  const links = config.links.publicUrl
    ? new StoredLinks({ store, publicUrl: config.links.publicUrl, secret: config.links.secret })
    : undefined;
  const sweep = setInterval(
    () => void store.atomic(new Date(), sweepExpiredFiles).catch((err: unknown) => logger.warn({ err }, 'expired files not swept')),
    3_600_000,
  );
  sweep.unref();

  if (config.telegram) {
    const telegram = new TelegramAdapter({ config: config.telegram, core, i18n, http, logger, router, inbox, links });
    adapters.set('telegram', telegram);
    inbox.addSource(telegram.inboxSource());
    targets.set('telegram', (item) => telegram.deliverOutbox(item));
  }
  if (config.slack) {
    // The Slack modal shows a whole sheet: the app reads it, the adapter only lays it out.
    const readSheet = sheetFormReader({ store, clock, i18n, defaults: { timezone: config.timezone, locale: config.locale } });
    const slack = new SlackAdapter({ config: config.slack, core, i18n, http, logger, router, readSheet, inbox });
    adapters.set('slack', slack);
    inbox.addSource(slack.inboxSource());
    targets.set('slack', (item) => slack.deliverOutbox(item));
  }
  if (config.zalo) {
    const ledger = outboundLedger(store, 'zalo');
    const zalo = new ZaloAdapter({ config: config.zalo, core, i18n, http, logger, router, links, ledger, inbox });
    adapters.set('zalo', zalo);
    inbox.addSource(zalo.inboxSource());
    targets.set('zalo', (item) => zalo.deliverOutbox(item));
  }
  const rollOver = (request: { handoverId: number; clusterId: number; now: Date }) => rollOverHandover(store, request);
  const closeBallot = (request: { ballotId: number; clusterId: number; reminderId: number; now: Date }) =>
    closeBallotAtDeadline(store, request);
  const scheduler = new Scheduler({ store, clock, i18n, adapters, rollOver, closeBallot, cron: config.schedulerCron, logger });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    clearInterval(sweep);
    await scheduler.stop();
    for (const adapter of adapters.values()) await adapter.stop().catch((err) => logger.error({ err }, 'adapter stop failed'));
    await inbox.stop();
    await sender.stop();
    await http.close();
    await store.close();
    process.exit(code);
  };

  if (!adapters.size) {
    adapters.set('console', new ConsoleAdapter({ core, i18n, locale: config.locale, router, logger, onClose: () => void stop(0) }));
  } else {
    const port = await http.listen(config.port);
    logger.info({ port }, 'HTTP server listening (webhooks, GET /healthz)');
  }
  for (const adapter of adapters.values()) router.register(adapter);
  for (const adapter of adapters.values()) await adapter.start();
  await sender.start();
  await inbox.start();
  await scheduler.start();
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
