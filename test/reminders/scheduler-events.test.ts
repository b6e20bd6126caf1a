import { beforeEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import { type ManualClock } from '../../src/domain/clock.js';
import { rollOverHandover } from '../../src/app/rollover.js';
import { upcomingReply } from '../../src/app/commands/reminders.js';
import { claimDueReminders } from '../../src/store/reminder-claims.js';
import { listUpcoming, replanReminders } from '../../src/store/reminders.js';
import type { Store } from '../../src/store/store.js';
import { DEADLINE, i18n, LEASE, SCHEDULER_DATABASES, useSchedulerWorld } from './scheduler-world.js';
import { DAY, MINUTE, openRound, type RecordingAdapter, seedCluster, TZ } from './fixtures.js';

describe.each(SCHEDULER_DATABASES)('on %s', (database) => {
  const { world, scheduler } = useSchedulerWorld(database);
  let store: Store;
  let clock: ManualClock;
  let adapter: RecordingAdapter;
  beforeEach(() => {
    ({ store, clock, adapter } = world);
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
