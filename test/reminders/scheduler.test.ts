import { beforeEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import { SendError, type Adapter } from '../../src/delivery.js';
import { type ManualClock } from '../../src/domain/clock.js';
import { claimDueReminders } from '../../src/store/reminder-claims.js';
import { recordDelivery } from '../../src/store/reminder-deliveries.js';
import { replanReminders } from '../../src/store/reminders.js';
import type { Store } from '../../src/store/store.js';
import { Scheduler } from '../../src/scheduler/index.js';
import { DEADLINE, i18n, LEASE, SCHEDULER_DATABASES, useSchedulerWorld } from './scheduler-world.js';
import { DAY, HOUR, MINUTE, moveRound, openRound, RecordingAdapter, remindersOf, rollOverOn, seedCluster, TZ } from './fixtures.js';

describe.each(SCHEDULER_DATABASES)('on %s', (database) => {
  const { world, scheduler } = useSchedulerWorld(database);
  let store: Store;
  let clock: ManualClock;
  let adapter: RecordingAdapter;
  beforeEach(() => {
    ({ store, clock, adapter } = world);
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
});
