import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import type { TickReport } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/store.js';
import { withThreeInstances, type Instances } from '../reminders/instances.js';
import { Harness, type Speaker } from '../support/harness.js';
import { POSTGRES_URL, postgresAvailable } from '../support/store.js';

/**
 * Three scheduler instances race for the ballots' reminders and their closing: each cluster's
 * chats get each reminder and the count once, each representative of a unit that has not voted
 * gets the reminder privately once, and each ballot is counted once.
 */
const pg = await postgresAvailable();
if (!pg) console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: skipping the PostgreSQL ballot race (CI=true makes this a failure).`);

const CLUSTERS = 8;
/** 11/12/2026 08:00 in Hà Nội: every ballot's b1. */
const B1 = new Date('2026-12-11T01:00:00Z');
/** 12/12/2026 17:00: every ballot's closing time. */
const CLOSES = new Date('2026-12-12T10:00:00Z');

/**
 * Eight clusters of three units, each at its meeting with a ballot closing at 17:00 on 12/12, in
 * which Long An has voted; each has a Telegram group and a Slack channel, and every
 * representative last wrote privately on Telegram.
 */
async function seed(store: Store): Promise<{ groups: string[]; waiting: string[] }> {
  const clock = new ManualClock(new Date('2026-11-01T02:00:00Z'));
  const groups: string[] = [];
  const waiting: string[] = [];
  // One harness (its update ids are unique), one group chat per cluster.
  const harness = new Harness(store, clock);
  for (let i = 0; i < CLUSTERS; i += 1) {
    clock.set(new Date('2026-11-01T02:00:00Z'));
    const chatKey = `telegram:-100${i}`;
    const h = {
      chatKey,
      person: (name: string) => harness.person(name),
      say: (who: Speaker, text: string, options: { private?: boolean } = {}) => harness.say(who, text, { ...options, chatKey }),
    };
    const sec = h.person(`Thư ký ${i}`);
    await h.say(sec, `/setup Cụm ${i}`);
    await h.say(sec, '/addunit BL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An\nCT Sở Nội vụ Cần Thơ');
    for (const code of ['BL', 'LA', 'CT']) {
      const rep = h.person(`Đại diện ${code} ${i}`);
      await h.say(rep, `/join ${code}`);
      await h.say(sec, `/approve ${code}`);
      await h.say(rep, '/help', { private: true });
      if (code !== 'LA') waiting.push(`test:private:${rep.key}`);
    }
    await h.say(sec, '/term 2026');
    await h.say(sec, '/meeting yearend 10/12/2026 08:00');
    clock.set(new Date('2026-12-10T02:00:00Z'));
    await h.say(sec, '/attend all');
    const opened = await h.say(sec, '/ballot open Đề nghị tặng Cờ thi đua | candidates=BL,LA | closes=12/12/2026 17:00');
    const id = Number(/Phiếu số (\d+)/.exec(opened.text)![1]);
    expect((await h.say(h.person(`Đại diện LA ${i}`), `/vote ${id} BL`, { private: true })).text).toContain('Đã nhận phiếu');
    const cluster = await store.db.chat.findUniqueOrThrow({ where: { key: h.chatKey } });
    await store.db.chat.create({ data: { key: `slack:C${i}`, platform: 'slack', clusterId: cluster.clusterId } });
    groups.push(h.chatKey, `slack:C${i}`);
  }
  await store.db.chat.updateMany({ where: { platform: 'console' }, data: { platform: 'telegram' } });
  await store.db.person.updateMany({ where: { privatePlatform: { not: null } }, data: { privatePlatform: 'telegram' } });
  // The meetings' own reminders are long past: out of the race.
  await store.db.reminder.updateMany({ where: { subjectType: 'meeting' }, data: { state: 'skipped' } });
  return { groups, waiting };
}

async function race(store: Store, instances: Instances): Promise<void> {
  const { groups, waiting } = await seed(store);
  const results: { report: TickReport; sent: [string, string][] }[] = [];
  for (const at of [B1, new Date(B1.getTime() + 60_000), CLOSES, new Date(CLOSES.getTime() + 60_000)])
    results.push(...(await instances.tickAll(at)));
  const total = (field: 'ballotsClosed' | 'errors' | 'failures' | 'privateFailures') =>
    results.reduce((sum, r) => sum + r.report[field], 0);
  expect(total('ballotsClosed')).toBe(CLUSTERS);
  expect([total('errors'), total('failures'), total('privateFailures')]).toEqual([0, 0, 0]);
  const got = new Map<string, string[]>();
  for (const [chatKey, key] of results.flatMap((r) => r.sent)) got.set(chatKey, [...(got.get(chatKey) ?? []), key]);
  for (const key of groups) expect(got.get(key), key).toEqual(['reminder-ballot-closes', 'ballot-closed-at-time']);
  for (const key of waiting) expect(got.get(key), key).toEqual(['reminder-ballot-closes']);
  expect(got.size).toBe(groups.length + waiting.length);
  expect(await store.db.ballot.count({ where: { state: 'closed' } })).toBe(CLUSTERS);
  expect(await store.db.auditLog.count({ where: { action: 'ballot.close' } })).toBe(CLUSTERS);
  expect(await store.db.reminder.count({ where: { subjectType: 'ballot', slot: 'bc', state: 'sent' } })).toBe(CLUSTERS);
}

describe('three instances racing for the ballots’ reminders and closing', () => {
  it('on SQLite (three processes on one file): once per chat, once per person, each ballot counted once', async () => {
    await withThreeInstances('SQLite', race);
  });

  it.skipIf(!pg)(
    'on PostgreSQL (three Store objects in this process): once per chat, once per person, each ballot counted once',
    async () => {
      await withThreeInstances('PostgreSQL', race);
    },
  );
});
