import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import { SendError, type Adapter } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { rollOverHandover } from '../../src/app/rollover.js';
import { upcomingReply } from '../../src/app/commands/reminders.js';
import { claimDueReminders } from '../../src/store/reminder-claims.js';
import { recordDelivery } from '../../src/store/reminder-deliveries.js';
import { listUpcoming, replanReminders } from '../../src/store/reminders.js';
import type { Store } from '../../src/store/store.js';
import { Scheduler } from '../../src/scheduler/index.js';
import { freshPostgresStore, freshSqliteStore, POSTGRES_URL, postgresAvailable } from '../support/store.js';
import {
  DAY,
  HOUR,
  MINUTE,
  moveRound,
  openRound,
  RecordingAdapter,
  reminderI18n,
  remindersOf,
  rollOverOn,
  seedCluster,
  TZ,
} from './fixtures.js';

const i18n = reminderI18n();
// 30/06/2025 23:59 local (UTC+7).
const DEADLINE = new Date('2025-06-30T16:59:00Z');
const START = new Date('2025-06-01T03:00:00Z');
/** The scheduler's default lease. */
const LEASE = 20_000;

const pg = await postgresAvailable();
if (!pg)
  console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: running the scheduler tests on SQLite only (CI=true makes this a failure).`);
const databases = pg ? (['SQLite', 'PostgreSQL'] as const) : (['SQLite'] as const);

describe.each(databases)('on %s', (database) => {
  let store: Store;
  let close: () => Promise<void>;
  let clock: ManualClock;
  let adapter: RecordingAdapter;

  function scheduler(options: { instanceId?: string; adapters?: Map<string, Adapter> } = {}): Scheduler {
    return new Scheduler({
      store,
      clock,
      i18n,
      adapters: options.adapters ?? new Map([['console', adapter]]),
      rollOver: rollOverOn(store),
      instanceId: options.instanceId ?? 'test-1',
    });
  }

  beforeEach(async () => {
    ({ store, close } = database === 'SQLite' ? await freshSqliteStore() : await freshPostgresStore());
    clock = new ManualClock(START);
    adapter = new RecordingAdapter('console');
  });
  afterEach(async () => {
    await close();
  });

  describe('round deadlines', () => {
    it('sends d7, d3, d1, d0 at 08:00 local and one overdue notice, each exactly at its time', async () => {
      const cluster = await seedCluster(store.db, { units: 3 });
      await openRound(store, cluster, DEADLINE, clock.now());
      const s = scheduler();
      const slots: [string, string, number | null][] = [
        ['2025-06-23T01:00:00Z', 'reminder-round-submit', 7],
        ['2025-06-27T01:00:00Z', 'reminder-round-submit', 3],
        ['2025-06-29T01:00:00Z', 'reminder-round-submit', 1],
        ['2025-06-30T01:00:00Z', 'reminder-round-submit', 0],
        ['2025-06-30T17:00:00Z', 'reminder-round-overdue', null],
      ];
      for (const [at, key, days] of slots) {
        clock.set(new Date(new Date(at).getTime() - 1));
        expect((await s.tick()).sent).toBe(0);
        expect(adapter.sent).toHaveLength(0);
        clock.set(new Date(at));
        const report = await s.tick();
        expect(report).toMatchObject({ claimed: 1, sent: 1, deliveries: 1 });
        expect(adapter.sent).toHaveLength(1);
        const { reply, chatKey, locale } = adapter.sent[0]!;
        expect(chatKey).toBe(cluster.chatKeys[0]);
        expect(locale).toBe('vi');
        expect(reply.text![0]).toEqual({
          key,
          args: days === null ? { kind: 'midyear', deadline: '30/06/2025 23:59' } : { kind: 'midyear', deadline: '30/06/2025 23:59', days },
        });
        expect(reply.text!.slice(1).map((m) => [m.key, m.args?.code])).toEqual([
          ['reminder-missing-submit', undefined],
          ['reminder-unit-score', 'U01'],
          ['reminder-unit-score', 'U02'],
          ['reminder-unit-score', 'U03'],
        ]);
        adapter.clear();
        clock.advance(HOUR);
        expect((await s.tick()).claimed).toBe(0);
      }
      clock.advance(30 * DAY);
      expect((await s.tick()).claimed).toBe(0);
      expect(adapter.sent).toHaveLength(0);
      const rows = await remindersOf(store.db, 'round', (await store.db.round.findFirstOrThrow()).id);
      expect(rows.map((r) => [r.slot, r.state])).toEqual([
        ['d7', 'sent'],
        ['d3', 'sent'],
        ['d1', 'sent'],
        ['d0', 'sent'],
        ['overdue', 'sent'],
      ]);
    });

    it('names the missing units and what each must do, in Vietnamese with local dates', async () => {
      const cluster = await seedCluster(store.db, { units: 4 });
      const roundId = await openRound(store, cluster, DEADLINE, clock.now());
      await store.db.sheet.create({ data: { roundId, unitId: cluster.unitIds[0]!, state: 'submitted' } });
      await store.db.sheet.create({ data: { roundId, unitId: cluster.unitIds[1]!, state: 'draft' } });
      clock.set(new Date('2025-06-29T01:00:00Z'));
      await scheduler().tick();
      const text = replyText(i18n, 'vi', adapter.sent[0]!.reply);
      expect(text).toBe(
        [
          '⏰ Nhắc hạn chấm điểm sơ kết 6 tháng: hạn nộp bảng tự chấm là 30/06/2025 23:59 (ngày mai).',
          'Các đơn vị chưa nộp (3):',
          '• U02 – Sở Nội vụ 2: chưa nộp → chấm đủ các tiêu chí bằng /score rồi /submit',
          '• U03 – Sở Nội vụ 3: chưa chấm điểm → tự chấm bằng /score, xong thì /submit',
          '• U04 – Sở Nội vụ 4: chưa chấm điểm → tự chấm bằng /score, xong thì /submit',
        ].join('\n'),
      );
      expect(replyText(i18n, 'en', adapter.sent[0]!.reply).split('\n')[0]).toBe(
        '⏰ Reminder: self-scores for the mid-year review are due 30/06/2025 23:59 (tomorrow).',
      );
    });

    it('in the review phase asks for confirmations, with /confirm or /explain', async () => {
      const cluster = await seedCluster(store.db, { units: 3 });
      const roundId = await openRound(store, cluster, DEADLINE, clock.now(), 'yearend');
      await store.db.round.update({ where: { id: roundId }, data: { state: 'review' } });
      await store.db.sheet.createMany({
        data: [
          { roundId, unitId: cluster.unitIds[0]!, state: 'confirmed' },
          { roundId, unitId: cluster.unitIds[1]!, state: 'reviewed' },
          { roundId, unitId: cluster.unitIds[2]!, state: 'disputed' },
        ],
      });
      clock.set(new Date('2025-06-30T01:00:00Z'));
      await scheduler().tick();
      expect(adapter.sent[0]!.reply.text!.map((m) => m.key)).toEqual([
        'reminder-round-confirm',
        'reminder-missing-confirm',
        'reminder-unit-confirm',
        'reminder-unit-await-review',
      ]);
      expect(replyText(i18n, 'vi', adapter.sent[0]!.reply)).toContain(
        '• U02 – Sở Nội vụ 2: chưa xác nhận → /confirm nếu đồng ý, /explain nếu cần giải trình',
      );
    });

    it('skips a reminder when every unit has submitted', async () => {
      const cluster = await seedCluster(store.db, { units: 2 });
      const roundId = await openRound(store, cluster, DEADLINE, clock.now());
      await store.db.sheet.createMany({ data: cluster.unitIds.map((unitId) => ({ roundId, unitId, state: 'submitted' })) });
      clock.set(new Date('2025-06-23T01:00:00Z'));
      const report = await scheduler().tick();
      expect(report).toMatchObject({ claimed: 1, sent: 0, skipped: 1, skippedBy: { 'nothing-missing': 1 } });
      expect(adapter.sent).toHaveLength(0);
    });

    it('moves the pending reminders when the deadline moves, and sends for the new date only', async () => {
      const cluster = await seedCluster(store.db);
      const roundId = await openRound(store, cluster, DEADLINE, clock.now());
      const s = scheduler();
      clock.set(new Date('2025-06-23T01:00:00Z'));
      await s.tick(); // d7 for 30/06
      expect(adapter.sent).toHaveLength(1);
      adapter.clear();
      // Moved to 10/07/2025 23:59 on 24/06: every slot of the new date is ahead.
      const moved = new Date('2025-07-10T16:59:00Z');
      clock.set(new Date('2025-06-24T03:00:00Z'));
      await moveRound(store, cluster, roundId, moved, clock.now());
      const rows = await remindersOf(store.db, 'round', roundId);
      const pending = rows.filter((r) => r.state === 'pending').sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      expect(pending.map((r) => [r.slot, r.dueAt.toISOString()])).toEqual([
        ['d7', '2025-07-03T01:00:00.000Z'],
        ['d3', '2025-07-07T01:00:00.000Z'],
        ['d1', '2025-07-09T01:00:00.000Z'],
        ['d0', '2025-07-10T01:00:00.000Z'],
        ['overdue', '2025-07-10T17:00:00.000Z'],
      ]);
      expect(pending.every((r) => r.eventAt.getTime() === moved.getTime())).toBe(true);
      // The old dates pass silently.
      for (const at of ['2025-06-27T01:00:00Z', '2025-06-29T01:00:00Z', '2025-06-30T01:00:00Z', '2025-06-30T17:00:00Z']) {
        clock.set(new Date(at));
        await s.tick();
      }
      expect(adapter.sent).toHaveLength(0);
      clock.set(new Date('2025-07-03T01:00:00Z'));
      await s.tick();
      expect(adapter.sent.map((m) => m.reply.text![0]!.args)).toEqual([{ kind: 'midyear', deadline: '10/07/2025 23:59', days: 7 }]);
    });

    it('collapses the slots a move puts in the past into one reminder sent at once', async () => {
      const cluster = await seedCluster(store.db);
      const roundId = await openRound(store, cluster, new Date('2025-07-31T16:59:00Z'), clock.now());
      // On 28/06 12:00 local the deadline is pulled in to 30/06: d7 and d3 are past.
      clock.set(new Date('2025-06-28T05:00:00Z'));
      await moveRound(store, cluster, roundId, DEADLINE, clock.now());
      const pending = (await remindersOf(store.db, 'round', roundId)).filter((r) => r.state === 'pending');
      expect(pending.map((r) => r.slot)).toEqual(['d3', 'd1', 'd0', 'overdue']);
      const report = await scheduler().tick();
      expect(report).toMatchObject({ claimed: 1, sent: 1 });
      expect(adapter.sent[0]!.reply.text![0]!.args).toEqual({ kind: 'midyear', deadline: '30/06/2025 23:59', days: 2 });
      // Replanning again with the same deadline does not repeat what went out.
      await store.tx(clock.now(), (tx) =>
        replanReminders(tx, { clusterId: cluster.clusterId, type: 'round', id: roundId, eventAt: DEADLINE, timezone: TZ }),
      );
      expect(await store.db.reminder.count({ where: { subjectId: roundId, state: 'pending', dueAt: { lte: clock.now() } } })).toBe(0);
    });

    it('cancels everything when the round closes', async () => {
      const cluster = await seedCluster(store.db);
      const roundId = await openRound(store, cluster, DEADLINE, clock.now());
      clock.set(new Date('2025-06-25T00:00:00Z'));
      await moveRound(store, cluster, roundId, null, clock.now());
      const rows = await remindersOf(store.db, 'round', roundId);
      expect(rows.map((r) => r.state)).toEqual(['cancelled', 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
      clock.set(new Date('2025-07-05T00:00:00Z'));
      expect((await scheduler().tick()).claimed).toBe(0);
      expect(adapter.sent).toHaveLength(0);
    });

    it('skips a claimed reminder whose deadline moved while it was in flight', async () => {
      const cluster = await seedCluster(store.db);
      const roundId = await openRound(store, cluster, DEADLINE, clock.now());
      clock.set(new Date('2025-06-23T01:00:00Z'));
      // Another instance claims d7 and dies; meanwhile the deadline moves.
      await claimDueReminders(store.handle(clock.now()), { instanceId: 'dead', limit: 10, leaseMs: LEASE });
      await moveRound(store, cluster, roundId, new Date('2025-07-31T16:59:00Z'), clock.now());
      clock.advance(10 * MINUTE);
      const report = await scheduler().tick();
      expect(report).toMatchObject({ claimed: 1, sent: 0, skippedBy: { 'subject-changed': 1 } });
      expect(adapter.sent).toHaveLength(0);
    });
  });

  describe('catch-up after downtime', () => {
    it('sends the latest due slot if its event is ahead, skips stale ones, and nothing twice after a restart', async () => {
      const cluster = await seedCluster(store.db);
      const roundId = await openRound(store, cluster, DEADLINE, clock.now());
      const meeting = await store.db.meeting.create({
        data: { termId: cluster.termId, kind: 'midyear', at: new Date('2025-06-29T02:00:00Z'), place: 'Bạc Liêu' },
      });
      await store.tx(clock.now(), (tx) =>
        replanReminders(tx, { clusterId: cluster.clusterId, type: 'meeting', id: meeting.id, eventAt: meeting.at, timezone: TZ }),
      );
      // Down from 01/06 until 30/06 12:00 local: d7, d3, d1, d0 and m3, m1 all fell due; the
      // meeting (29/06 09:00 local) is over, the deadline is still ahead.
      clock.set(new Date('2025-06-30T05:00:00Z'));
      const first = scheduler({ instanceId: 'before-restart' });
      const report = await first.tick();
      expect(report).toMatchObject({ claimed: 6, sent: 1, skipped: 5, skippedBy: { superseded: 3, 'event-passed': 2 } });
      expect(adapter.sent.map((m) => [m.reply.text![0]!.key, m.reply.text![0]!.args?.days])).toEqual([['reminder-round-submit', 0]]);
      expect((await remindersOf(store.db, 'round', roundId)).map((r) => [r.slot, r.state])).toEqual([
        ['d7', 'skipped'],
        ['d3', 'skipped'],
        ['d1', 'skipped'],
        ['d0', 'sent'],
        ['overdue', 'pending'],
      ]);
      // A restart: a new scheduler on the same store sends nothing again.
      const second = scheduler({ instanceId: 'after-restart' });
      expect((await second.tick()).claimed).toBe(0);
      // Down again across the deadline: the overdue notice goes out once, late but once.
      clock.set(new Date('2025-07-03T00:00:00Z'));
      await second.tick();
      await scheduler({ instanceId: 'third' }).tick();
      expect(adapter.keysFor(cluster.chatKeys[0]!)).toEqual(['reminder-round-submit', 'reminder-round-overdue']);
    });

    it('start() catches up before the cron takes over, and stop() ends it', async () => {
      const cluster = await seedCluster(store.db);
      await openRound(store, cluster, DEADLINE, clock.now());
      clock.set(new Date('2025-06-29T03:00:00Z'));
      const s = new Scheduler({
        store,
        clock,
        i18n,
        adapters: new Map([['console', adapter]]),
        rollOver: rollOverOn(store),
        cron: '0 0 1 1 *',
        instanceId: 'starter',
      });
      await s.start();
      expect(adapter.keysFor(cluster.chatKeys[0]!)).toEqual(['reminder-round-submit']);
      expect(adapter.sent[0]!.reply.text![0]!.args?.days).toBe(1);
      await s.stop();
    });

    it('rejects a bad cron expression at construction', () => {
      expect(() => new Scheduler({ store, clock, i18n, adapters: new Map(), rollOver: rollOverOn(store), cron: 'every minute' })).toThrow(
        /SCHEDULER_CRON/,
      );
    });

    it('keeps its claims and records when a command’s transaction rolls back meanwhile', async () => {
      const cluster = await seedCluster(store.db);
      await openRound(store, cluster, DEADLINE, clock.now());
      clock.set(new Date('2025-06-23T01:00:00Z'));
      // A clock that tells when the tick has started, so the command's transaction is open
      // while the tick claims, sends and records.
      let started!: () => void;
      const tickStarted = new Promise<void>((resolve) => (started = resolve));
      const watched = { now: () => (started(), clock.now()) };
      const s = new Scheduler({
        store,
        clock: watched,
        i18n,
        adapters: new Map([['console', adapter]]),
        rollOver: rollOverOn(store),
        instanceId: 'watched',
      });
      const failing = store
        .tx(clock.now(), async ({ db }) => {
          await db.cluster.update({ where: { id: cluster.clusterId }, data: { name: 'đổi tên' } });
          await tickStarted;
          for (let i = 0; i < 50; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
          throw new Error('bad input: rolled back');
        })
        .catch((error: Error) => error.message);
      const [report, outcome] = await Promise.all([s.tick(), failing]);
      expect(outcome).toBe('bad input: rolled back');
      expect(report).toMatchObject({ sent: 1, deliveries: 1 });
      expect((await scheduler().tick()).claimed).toBe(0);
      expect(adapter.sent).toHaveLength(1);
      expect(await store.db.reminderDelivery.count()).toBe(1);
      expect(await store.db.reminder.count({ where: { state: 'sent' } })).toBe(1);
      expect((await store.db.cluster.findUniqueOrThrow({ where: { id: cluster.clusterId } })).name).not.toBe('đổi tên');
    });

    it('takes over a dead instance’s stale claim without repeating the chats it already reached', async () => {
      const cluster = await seedCluster(store.db, { chats: [{ platform: 'console' }, { platform: 'console' }] });
      await openRound(store, cluster, DEADLINE, clock.now());
      clock.set(new Date('2025-06-23T01:00:00Z'));
      // The dead instance claimed d7, sent to the first chat, recorded it, and crashed.
      const claimed = await claimDueReminders(store.handle(clock.now()), { instanceId: 'dead', limit: 10, leaseMs: LEASE });
      expect(claimed).toHaveLength(1);
      await recordDelivery(store.handle(clock.now()), { reminderId: claimed[0]!.id, chatId: cluster.chatIds[0]!, state: 'sent' });
      // Its lease has not lapsed yet: nobody else may take it.
      clock.advance(LEASE - 1);
      expect((await scheduler({ instanceId: 'alive' }).tick()).claimed).toBe(0);
      clock.advance(1);
      const report = await scheduler({ instanceId: 'alive' }).tick();
      expect(report).toMatchObject({ claimed: 1, sent: 1, deliveries: 1 });
      expect(adapter.sent.map((m) => m.chatKey)).toEqual([cluster.chatKeys[1]]);
      const row = await store.db.reminder.findUniqueOrThrow({ where: { id: claimed[0]!.id } });
      expect([row.state, row.claimedBy]).toEqual(['sent', 'alive']);
    });
  });

  describe('fan-out', () => {
    it('a cluster bound to two chats on two platforms gets the reminder in both', async () => {
      const telegram = new RecordingAdapter('telegram');
      const slack = new RecordingAdapter('slack');
      const cluster = await seedCluster(store.db, { chats: [{ platform: 'telegram' }, { platform: 'slack' }], locale: 'en' });
      await openRound(store, cluster, DEADLINE, clock.now());
      clock.set(new Date('2025-06-27T01:00:00Z'));
      const report = await scheduler({
        adapters: new Map<string, Adapter>([
          ['telegram', telegram],
          ['slack', slack],
        ]),
      }).tick();
      expect(report).toMatchObject({ sent: 1, deliveries: 2, failures: 0 });
      expect(telegram.sent.map((m) => [m.chatKey, m.locale])).toEqual([[cluster.chatKeys[0], 'en']]);
      expect(slack.sent.map((m) => [m.chatKey, m.locale])).toEqual([[cluster.chatKeys[1], 'en']]);
      expect(await store.db.reminderDelivery.count({ where: { state: 'sent' } })).toBe(2);
    });

    it('a failing chat does not block the others, is recorded, and is not retried', async () => {
      const cluster = await seedCluster(store.db, {
        chats: [{ platform: 'console' }, { platform: 'console' }, { platform: 'console' }, { platform: 'console' }],
      });
      const [ok, gone, flaky] = cluster.chatKeys as [string, string, string, string];
      await store.db.chat.update({ where: { id: cluster.chatIds[3]! }, data: { platform: 'zalo' } }); // no Zalo adapter running
      adapter.failing.set(gone, new SendError('gone', 'chat not found'));
      adapter.failing.set(flaky, new SendError('other', 'HTTP 502'));
      await openRound(store, cluster, DEADLINE, clock.now());
      clock.set(new Date('2025-06-23T01:00:00Z'));
      const s = scheduler();
      const report = await s.tick();
      expect(report).toMatchObject({ sent: 1, deliveries: 1, failures: 3, removedChats: 1 });
      // The gone chat's loss is told to the cluster's other chats (the flaky one fails again).
      expect(adapter.sent.map((m) => m.chatKey)).toEqual([ok, ok]);
      expect(adapter.sent[1]!.reply.text).toEqual([{ key: 'reminder-chat-gone', args: { chat: expect.any(String) } }]);
      expect(adapter.attempts).toEqual([ok, gone, ok, flaky, flaky]);
      const deliveries = await store.db.reminderDelivery.findMany({ orderBy: { chatId: 'asc' } });
      expect(deliveries.map((d) => [d.chatId, d.state, d.error])).toEqual([
        [cluster.chatIds[0], 'sent', null],
        [cluster.chatIds[1], 'failed', 'gone: chat not found'],
        [cluster.chatIds[2], 'failed', 'other: HTTP 502'],
        [cluster.chatIds[3], 'failed', 'other: no adapter for platform zalo'],
      ]);
      const chats = await store.db.chat.findMany({ orderBy: { id: 'asc' } });
      expect(chats.map((c) => c.removedAt !== null)).toEqual([false, true, false, false]);
      // Later ticks do not retry this reminder; the next reminder skips the removed chat.
      adapter.clear();
      clock.advance(HOUR);
      expect((await s.tick()).claimed).toBe(0);
      expect(adapter.attempts).toEqual([]);
      clock.set(new Date('2025-06-27T01:00:00Z'));
      await s.tick();
      expect(adapter.attempts).toEqual([ok, flaky]);
    });
  });

  describe('meetings and handovers', () => {
    it('reminds of a meeting 3 days and 1 day before, with its place; a cancelled meeting is silent', async () => {
      const cluster = await seedCluster(store.db);
      const at = new Date('2025-08-24T01:30:00Z'); // 24/08/2025 08:30 local
      const meeting = await store.db.meeting.create({ data: { termId: cluster.termId, kind: 'midyear', at, place: 'UBND tỉnh Bạc Liêu' } });
      await store.tx(clock.now(), (tx) =>
        replanReminders(tx, { clusterId: cluster.clusterId, type: 'meeting', id: meeting.id, eventAt: at, timezone: TZ }),
      );
      const s = scheduler();
      clock.set(new Date('2025-08-21T01:00:00Z'));
      await s.tick();
      clock.set(new Date('2025-08-23T01:00:00Z'));
      await s.tick();
      expect(adapter.sent.map((m) => replyText(i18n, 'vi', m.reply))).toEqual([
        '📅 Hội nghị sơ kết 6 tháng của cụm diễn ra lúc 24/08/2025 08:30 (còn 3 ngày nữa).\nĐịa điểm: UBND tỉnh Bạc Liêu.',
        '📅 Hội nghị sơ kết 6 tháng của cụm diễn ra lúc 24/08/2025 08:30 (ngày mai).\nĐịa điểm: UBND tỉnh Bạc Liêu.',
      ]);

      const other = await store.db.meeting.create({
        data: { termId: cluster.termId, kind: 'yearend', at: new Date('2025-12-20T01:00:00Z') },
      });
      await store.tx(clock.now(), (tx) =>
        replanReminders(tx, { clusterId: cluster.clusterId, type: 'meeting', id: other.id, eventAt: other.at, timezone: TZ }),
      );
      await store.tx(clock.now(), async (tx) => {
        await tx.db.meeting.update({ where: { id: other.id }, data: { state: 'cancelled' } });
        await replanReminders(tx, { clusterId: cluster.clusterId, type: 'meeting', id: other.id, eventAt: null, timezone: TZ });
      });
      adapter.clear();
      clock.set(new Date('2025-12-21T00:00:00Z'));
      expect((await s.tick()).claimed).toBe(0);
      expect(adapter.sent).toHaveLength(0);
    });

    it('reminds of a handover 7 days and 1 day before, then rolls the year over at its time, once', async () => {
      const cluster = await seedCluster(store.db, { units: 3, chats: [{ platform: 'console' }, { platform: 'console' }] });
      const [la, bl] = cluster.unitIds as [number, number];
      await store.db.term.update({ where: { id: cluster.termId }, data: { leaderUnitId: la } });
      const at = new Date('2026-05-06T02:00:00Z'); // 06/05/2026 09:00 local
      const handover = await store.db.handover.create({ data: { termId: cluster.termId, fromUnitId: la, toUnitId: bl, at } });
      await store.tx(clock.now(), (tx) =>
        replanReminders(tx, { clusterId: cluster.clusterId, type: 'handover', id: handover.id, eventAt: at, timezone: TZ }),
      );
      const s = scheduler();
      for (const t of ['2026-04-29T01:00:00Z', '2026-05-05T01:00:00Z']) {
        clock.set(new Date(t));
        await s.tick();
      }
      const chat = cluster.chatKeys[0]!;
      expect(adapter.sent.filter((m) => m.chatKey === chat).map((m) => replyText(i18n, 'vi', m.reply))).toEqual([
        '🚩 Lễ bàn giao Cụm trưởng và Cờ luân lưu cho đơn vị U02 – Sở Nội vụ 2 diễn ra lúc 06/05/2026 09:00 (còn 7 ngày nữa).\nĐơn vị bàn giao: U01 – Sở Nội vụ 1.',
        '🚩 Lễ bàn giao Cụm trưởng và Cờ luân lưu cho đơn vị U02 – Sở Nội vụ 2 diễn ra lúc 06/05/2026 09:00 (ngày mai).\nĐơn vị bàn giao: U01 – Sở Nội vụ 1.',
      ]);
      adapter.clear();
      clock.set(at);
      const report = await s.tick();
      expect(report).toMatchObject({ sent: 1, rollovers: 1, deliveries: 2 });
      expect(replyText(i18n, 'vi', adapter.sent[0]!.reply)).toBe(
        [
          '🚩 Đã bàn giao Cụm trưởng và Cờ luân lưu: U02 – Sở Nội vụ 2 là đơn vị Cụm trưởng mới.',
          'Năm thi đua 2025 đã khép lại.',
          'Đề nghị thư ký cụm mở năm thi đua mới bằng lệnh /term 2026.',
        ].join('\n'),
      );
      const done = await store.db.handover.findUniqueOrThrow({ where: { id: handover.id } });
      expect([done.state, done.doneAt?.toISOString(), done.toUnitId]).toEqual(['done', at.toISOString(), bl]);
      const term = await store.db.term.findUniqueOrThrow({ where: { id: cluster.termId } });
      expect([term.state, term.closedAt?.toISOString()]).toEqual(['closed', at.toISOString()]);
      const audit = await store.db.auditLog.findMany({ where: { clusterId: cluster.clusterId }, orderBy: { id: 'asc' } });
      expect(audit.map((a) => [a.action, a.subjectType, a.subjectId, a.actorId])).toEqual([
        ['handover.done', 'handover', handover.id, null],
        ['term.close', 'term', cluster.termId, null],
      ]);
      clock.advance(DAY);
      expect((await scheduler({ instanceId: 'other' }).tick()).claimed).toBe(0);
      expect(await store.db.auditLog.count()).toBe(2);
    });

    it('a crash after the rollover but before the chats heard of it: the taker-over tells them, without rolling twice', async () => {
      const cluster = await seedCluster(store.db);
      const at = new Date('2026-05-06T02:00:00Z');
      const handover = await store.db.handover.create({ data: { termId: cluster.termId, toUnitId: cluster.unitIds[1]!, at } });
      await store.tx(clock.now(), (tx) =>
        replanReminders(tx, { clusterId: cluster.clusterId, type: 'handover', id: handover.id, eventAt: at, timezone: TZ }),
      );
      clock.set(at);
      const claimed = await claimDueReminders(store.handle(clock.now()), { instanceId: 'dead', limit: 10, leaseMs: LEASE });
      expect(claimed.map((r) => r.slot)).toEqual(['h7', 'h1', 'h0']);
      expect((await rollOverHandover(store, { handoverId: handover.id, clusterId: cluster.clusterId, now: clock.now() })).rolled).toBe(
        true,
      );
      clock.advance(10 * MINUTE);
      const report = await scheduler().tick();
      expect(report).toMatchObject({ claimed: 3, sent: 1, rollovers: 0, skippedBy: { 'event-passed': 2 } });
      expect(adapter.keysFor(cluster.chatKeys[0]!)).toEqual(['reminder-rollover']);
      expect(await store.db.auditLog.count({ where: { action: 'handover.done' } })).toBe(1);
    });
  });

  describe('/reminders', () => {
    it('lists what is still to come in local time', async () => {
      const cluster = await seedCluster(store.db);
      await openRound(store, cluster, DEADLINE, clock.now());
      const meeting = await store.db.meeting.create({
        data: { termId: cluster.termId, kind: 'midyear', at: new Date('2025-07-05T01:30:00Z'), place: 'Cần Thơ' },
      });
      await store.tx(clock.now(), (tx) =>
        replanReminders(tx, { clusterId: cluster.clusterId, type: 'meeting', id: meeting.id, eventAt: meeting.at, timezone: TZ }),
      );
      clock.set(new Date('2025-06-28T00:00:00Z'));
      await scheduler().tick(); // sends d3 (and marks it), so it is no longer listed
      const reply = upcomingReply(await listUpcoming(store.handle(clock.now()), { clusterId: cluster.clusterId }), clock.now(), TZ);
      expect(replyText(i18n, 'vi', reply)).toBe(
        [
          'Các nhắc nhở sắp tới (5):',
          '• 29/06/2025 08:00: nhắc hạn chấm điểm sơ kết 6 tháng (hạn 30/06/2025 23:59)',
          '• 30/06/2025 08:00: nhắc hạn chấm điểm sơ kết 6 tháng (hạn 30/06/2025 23:59)',
          '• 01/07/2025 00:00: báo quá hạn chấm điểm sơ kết 6 tháng, nếu còn đơn vị chưa nộp (hạn 30/06/2025 23:59)',
          '• 02/07/2025 08:00: nhắc lịch hội nghị sơ kết 6 tháng (05/07/2025 08:30)',
          '• 04/07/2025 08:00: nhắc lịch hội nghị sơ kết 6 tháng (05/07/2025 08:30)',
        ].join('\n'),
      );
      const empty = await seedCluster(store.db);
      expect(
        replyText(
          i18n,
          'en',
          upcomingReply(await listUpcoming(store.handle(clock.now()), { clusterId: empty.clusterId }), clock.now(), TZ),
        ),
      ).toBe('No reminders to come.');
    });
  });
});
