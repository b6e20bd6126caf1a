import { describe, expect, it } from 'vitest';
import type { TickReport } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/store.js';
import { POSTGRES_URL, postgresAvailable } from '../support/store.js';
import { bulkSeed } from './bulk.js';
import { withThreeInstances, type Instances } from './instances.js';
import { HOUR, MINUTE } from './fixtures.js';

const NOW = new Date('2025-06-30T03:00:00Z');
const CLUSTERS = 500;
const ROUNDS = 3;

const pg = await postgresAvailable();
if (!pg) console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: skipping the PostgreSQL race (CI=true makes this a failure).`);

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

describe('three instances racing for 1,000 due reminders', () => {
  it('on SQLite (three processes on one file): each reminder reaches each chat exactly once', async () => {
    await withThreeInstances('SQLite', race);
  });

  it.skipIf(!pg)('on PostgreSQL (three Store objects in this process): each reminder reaches each chat exactly once', async () => {
    await withThreeInstances('PostgreSQL', race);
  });
});
