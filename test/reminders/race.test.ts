import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { Scheduler, type TickReport } from '../../src/scheduler/index.js';
import { Store } from '../../src/store/store.js';
import { freshPostgresStore, freshSqliteStore, POSTGRES_URL, postgresAvailable } from '../support/store.js';
import { bulkSeed } from './bulk.js';
import { HOUR, MINUTE, RecordingAdapter, reminderI18n, rollOverOn } from './fixtures.js';

const i18n = reminderI18n();
const NOW = new Date('2025-06-30T03:00:00Z');
const CLUSTERS = 500;
const ROUNDS = 3;

const pg = await postgresAvailable();
if (!pg) console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: skipping the PostgreSQL race (CI=true makes this a failure).`);

/** Three scheduler instances: each tick round runs them concurrently and returns what each did. */
interface Instances {
  tickAll(now: Date): Promise<{ report: TickReport; sent: [string, string][] }[]>;
  close(): Promise<void>;
}

/**
 * 500 clusters, each with a round due at the end of the day and a meeting tomorrow, one due
 * reminder for each (1,000 in all); every cluster has a Telegram chat, every fourth a Slack chat
 * as well.
 */
async function seed(store: Store): Promise<string[]> {
  const { chatKeys } = await bulkSeed(store, {
    clusters: CLUSTERS,
    unitsPerCluster: 3,
    chats: (i) => (i % 4 === 0 ? ['telegram', 'slack'] : ['telegram']),
    now: NOW,
    deadline: new Date(NOW.getTime() + 12 * HOUR),
    roundSlot: 'd0',
    meetingAt: new Date(NOW.getTime() + 20 * HOUR),
    dueAt: new Date(NOW.getTime() - MINUTE),
  });
  return chatKeys;
}

/** Races the instances for several rounds and checks every reminder reached every chat once. */
async function race(store: Store, instances: Instances): Promise<void> {
  const chatKeys = await seed(store);
  const db = store.db;
  expect(await db.reminder.count({ where: { state: 'pending', dueAt: { lte: NOW } } })).toBe(2 * CLUSTERS);
  const results: { report: TickReport; sent: [string, string][] }[] = [];
  let now = NOW;
  for (let round = 0; round < ROUNDS; round += 1) {
    results.push(...(await instances.tickAll(now)));
    now = new Date(now.getTime() + 10 * MINUTE); // past the lease: a claim left behind would be taken over
  }
  const total = (field: 'claimed' | 'sent' | 'deliveries' | 'failures' | 'errors') => results.reduce((sum, r) => sum + r.report[field], 0);
  const expectedDeliveries = chatKeys.length * 2;
  expect(total('claimed')).toBe(2 * CLUSTERS);
  expect(total('sent')).toBe(2 * CLUSTERS);
  expect(total('deliveries')).toBe(expectedDeliveries);
  expect(total('failures')).toBe(0);
  expect(total('errors')).toBe(0);

  // Each chat got exactly one round reminder and one meeting reminder.
  const perChat = new Map<string, string[]>();
  for (const [chatKey, key] of results.flatMap((r) => r.sent)) perChat.set(chatKey, [...(perChat.get(chatKey) ?? []), key].sort());
  expect(perChat.size).toBe(chatKeys.length);
  for (const key of chatKeys) expect(perChat.get(key)).toEqual(['reminder-meeting', 'reminder-round-submit']);

  expect(await db.reminderDelivery.count({ where: { state: 'sent' } })).toBe(expectedDeliveries);
  expect(await db.reminder.count({ where: { state: 'sent' } })).toBe(2 * CLUSTERS);
  // The raw claim wrote and read times the way Prisma does.
  const sample = await db.reminder.findFirstOrThrow({ orderBy: { id: 'asc' } });
  expect([sample.claimedAt?.toISOString(), sample.doneAt?.toISOString(), sample.dueAt.toISOString()]).toEqual([
    NOW.toISOString(),
    NOW.toISOString(),
    new Date(NOW.getTime() - MINUTE).toISOString(),
  ]);
  const byInstance = await db.reminder.groupBy({ by: ['claimedBy'], _count: { _all: true } });
  expect(byInstance.reduce((sum, g) => sum + g._count._all, 0)).toBe(2 * CLUSTERS);
  // The work was shared: more than one instance won claims.
  expect(byInstance.length).toBeGreaterThan(1);
}

/** Three schedulers on three Store objects in this process (PostgreSQL). */
function inProcess(stores: Store[]): Instances {
  const clock = new ManualClock(NOW);
  const schedulers = stores.map((store, i) => {
    const telegram = new RecordingAdapter('telegram');
    const slack = new RecordingAdapter('slack');
    const adapters = new Map<string, Adapter>([
      ['telegram', telegram],
      ['slack', slack],
    ]);
    return { scheduler: new Scheduler({ store, clock, i18n, adapters, rollOver: rollOverOn(store), instanceId: `instance-${i + 1}`, batchSize: 50 }), telegram, slack };
  });
  return {
    async tickAll(now) {
      clock.set(now);
      return Promise.all(
        schedulers.map(async ({ scheduler, telegram, slack }) => {
          const report = await scheduler.tick();
          const sent = [...telegram.sent, ...slack.sent].map((m): [string, string] => [m.chatKey, m.reply.text![0]!.key]);
          telegram.clear();
          slack.clear();
          return { report, sent };
        }),
      );
    },
    async close() {
      for (const s of stores) await s.close();
    },
  };
}

/** Three schedulers in three processes on one SQLite file (test/reminders/instance.ts). */
async function inProcesses(url: string): Promise<Instances> {
  const script = fileURLToPath(new URL('./instance.ts', import.meta.url));
  const children: ChildProcess[] = [1, 2, 3].map((n) => fork(script, [url, `process-${n}`], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const next = (child: ChildProcess, type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`instance exited with ${code} while waiting for ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  await Promise.all(children.map((c) => next(c, 'ready')));
  return {
    async tickAll(now) {
      return Promise.all(
        children.map(async (child) => {
          const reply = next(child, 'ticked');
          child.send({ type: 'tick', now: now.toISOString() });
          const message = await reply;
          return { report: message.report as TickReport, sent: message.sent as [string, string][] };
        }),
      );
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.send({ type: 'exit' });
            }),
        ),
      );
    },
  };
}

describe('three instances racing for 1,000 due reminders', () => {
  it('on SQLite (three processes on one file): each reminder reaches each chat exactly once', async () => {
    const { store, url, close } = await freshSqliteStore();
    const instances = await inProcesses(url);
    try {
      await race(store, instances);
    } finally {
      await instances.close();
      await close();
    }
  });

  it.skipIf(!pg)('on PostgreSQL (three Store objects in this process): each reminder reaches each chat exactly once', async () => {
    const first = await freshPostgresStore();
    const others = await Promise.all([
      Store.open(POSTGRES_URL, { schema: first.schema, migrate: false }),
      Store.open(POSTGRES_URL, { schema: first.schema, migrate: false }),
    ]);
    const instances = inProcess([first.store, ...others]);
    try {
      await race(first.store, instances);
    } finally {
      await instances.close();
      await first.close();
    }
  });
});
