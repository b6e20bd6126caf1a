import { describe, expect, it } from 'vitest';
import type { TickReport } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/store.js';
import { POSTGRES_URL, postgresAvailable } from '../support/store.js';
import { bulkSeed } from '../reminders/bulk.js';
import { HOUR, MINUTE } from '../reminders/fixtures.js';
import { withThreeInstances, type Instances } from '../reminders/instances.js';

const NOW = new Date('2025-06-30T03:00:00Z');
const CLUSTERS = 300;
const UNITS = 4;
const ROUNDS = 3;

const pg = await postgresAvailable();
if (!pg)
  console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: skipping the PostgreSQL private race (CI=true makes this a failure).`);

/** Unit k's representative last wrote privately on Telegram, on Slack, or never (a third each). */
const platformOf = (k: number) => ['telegram', 'slack', null][k % 3] ?? null;

/**
 * 300 clusters of 4 units, each with a round due today (its first unit has submitted) and a
 * meeting tomorrow, both reminders due; every unit has a representative, two in three of whom
 * wrote to the bot privately. Three instances race for the 600 reminders.
 */
async function race(store: Store, instances: Instances): Promise<void> {
  const { chatKeys, privateKeys } = await bulkSeed(store, {
    clusters: CLUSTERS,
    unitsPerCluster: UNITS,
    submitted: 1,
    chats: () => ['telegram'],
    now: NOW,
    deadline: new Date(NOW.getTime() + 12 * HOUR),
    roundSlot: 'd0',
    meetingAt: new Date(NOW.getTime() + 20 * HOUR),
    dueAt: new Date(NOW.getTime() - MINUTE),
    representatives: platformOf,
  });
  const results: { report: TickReport; sent: [string, string][] }[] = [];
  let now = NOW;
  for (let round = 0; round < ROUNDS; round += 1) {
    results.push(...(await instances.tickAll(now)));
    now = new Date(now.getTime() + 10 * MINUTE);
  }
  // Unit 1 of each cluster has submitted: its representative gets the meeting only.
  const expected = new Map<string, string[]>();
  for (const key of chatKeys) expected.set(key, ['reminder-meeting', 'reminder-round-submit']);
  for (const [unitId, key] of privateKeys)
    expected.set(key, (unitId - 1) % UNITS === 0 ? ['reminder-meeting'] : ['reminder-meeting', 'reminder-round-submit']);
  const privateTotal = [...privateKeys.keys()].reduce((sum, unitId) => sum + ((unitId - 1) % UNITS === 0 ? 1 : 2), 0);

  const perChat = new Map<string, string[]>();
  for (const [chatKey, key] of results.flatMap((r) => r.sent)) perChat.set(chatKey, [...(perChat.get(chatKey) ?? []), key].sort());
  expect(perChat.size).toBe(expected.size);
  for (const [key, keys] of expected) expect(perChat.get(key), key).toEqual(keys);

  const total = (field: 'claimed' | 'sent' | 'deliveries' | 'privateDeliveries' | 'privateFailures' | 'errors') =>
    results.reduce((sum, r) => sum + r.report[field], 0);
  expect(total('claimed')).toBe(2 * CLUSTERS);
  expect(total('sent')).toBe(2 * CLUSTERS);
  expect(total('deliveries')).toBe(2 * chatKeys.length);
  expect(total('privateDeliveries')).toBe(privateTotal);
  expect(total('privateFailures')).toBe(0);
  expect(total('errors')).toBe(0);
  expect(await store.db.reminderPrivateDelivery.count({ where: { state: 'sent' } })).toBe(privateTotal);
  expect((await store.db.reminder.groupBy({ by: ['claimedBy'] })).length).toBeGreaterThan(1);
}

describe('three instances racing for private reminders', () => {
  it('on SQLite (three processes on one file): each representative gets each reminder once', async () => {
    await withThreeInstances('SQLite', race);
  });

  it.skipIf(!pg)('on PostgreSQL (three Store objects in this process): each representative gets each reminder once', async () => {
    await withThreeInstances('PostgreSQL', race);
  });
});
