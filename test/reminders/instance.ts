/**
 * One scheduler instance in its own process, for the SQLite race: several processes on one
 * database file is how SQLite runs more than one instance. (Several SQLite connections inside
 * one Node process would wait for each other's locks synchronously, stalling the one thread
 * that could release them.) Driven over IPC by test/reminders/race.test.ts:
 *
 *   parent → { type: 'tick', now }   child → { type: 'ticked', report, sent: [chatKey, key][] }
 *   parent → { type: 'exit' }
 *
 * Arguments: DATABASE_URL, instance id.
 */
import type { Reply } from '../../src/reply.js';
import { DEFAULT_CAPABILITIES, type Adapter, type Platform } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { Scheduler } from '../../src/scheduler/index.js';
import { Store } from '../../src/store/store.js';
import { closeBallotOn, reminderI18n, rollOverOn } from './fixtures.js';

const [url, instanceId] = process.argv.slice(2) as [string, string];
const store = await Store.open(url, { migrate: false });
const clock = new ManualClock(new Date(0));
let sent: [string, string][] = [];

const adapter = (platform: Platform): Adapter => ({
  capabilities: DEFAULT_CAPABILITIES,
  platform,
  start: async () => {},
  stop: async () => {},
  send: async (chatKey: string, _locale: string, reply: Reply) => {
    await new Promise<void>((resolve) => setImmediate(resolve));
    sent.push([chatKey, reply.text?.[0]?.key ?? '']);
  },
});

const scheduler = new Scheduler({
  store,
  clock,
  i18n: reminderI18n(),
  adapters: new Map<string, Adapter>([
    ['telegram', adapter('telegram')],
    ['slack', adapter('slack')],
  ]),
  rollOver: rollOverOn(store),
  closeBallot: closeBallotOn(store),
  instanceId,
  batchSize: 50,
});

process.on('message', (message: { type: 'tick'; now: string } | { type: 'exit' }) => {
  void (async () => {
    if (message.type === 'exit') {
      await store.close();
      process.exit(0);
    }
    clock.set(new Date(message.now));
    const report = await scheduler.tick();
    const batch = sent;
    sent = [];
    process.send!({ type: 'ticked', report, sent: batch });
  })();
});
process.send!({ type: 'ready' });
