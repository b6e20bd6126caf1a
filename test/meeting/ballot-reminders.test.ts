import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import { closeBallotAtDeadline } from '../../src/app/ballot-deadline.js';
import { claimDueReminders } from '../../src/store/reminder-claims.js';
import { recordDelivery } from '../../src/store/reminder-deliveries.js';
import type { Store } from '../../src/store/store.js';
import type { Sent } from '../reminders/fixtures.js';
import { Harness, i18n } from '../support/harness.js';
import { storeProviders } from '../support/store.js';
import { ballotNumber, smallMeeting, type SmallMeeting } from './ballot-fixture.js';

/**
 * Issue 12's missing parts: the units that have not voted in an open ballot are reminded (in the
 * group and privately, as the rules say, never how anyone voted), and the scheduler closes a
 * ballot at its closing time and publishes the count once, whoever else races it.
 */
const PROVIDERS = await storeProviders('the ballot reminder tests');

/** Opened 10/12 09:00, closing 12/12/2026 17:00 in Hà Nội: b1 11/12 08:00, b0 12/12 08:00, bh 12/12 15:00, bc 12/12 17:00. */
const B1 = new Date('2026-12-11T01:00:00Z');
const B0 = new Date('2026-12-12T01:00:00Z');
const BH = new Date('2026-12-12T08:00:00Z');
const CLOSES = new Date('2026-12-12T10:00:00Z');
const OPEN = '/ballot open Đề nghị tặng Cờ thi đua của Bộ Nội vụ | candidates=BL,LA';
/** The only arguments a ballot reminder carries: nothing about a paper. */
const REMINDER_ARGS = new Set(['id', 'question', 'round', 'closes', 'opened', 'days', 'count', 'issued', 'code', 'name']);

for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`ballot reminders and closing on ${provider.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let m: SmallMeeting;

    beforeEach(async () => {
      ({ store, close } = await provider.open());
      m = await smallMeeting(new Harness(store));
    });
    afterEach(async () => close());

    /** What one chat got, each reply as its message keys. */
    const keysTo = (chatKey: string) =>
      m.adapter.sent.filter((s) => s.chatKey === chatKey).map((s) => s.reply.text!.map((t) => t.key).join(' '));
    const text = (s: Sent) => replyText(i18n, s.locale, s.reply);
    /** Sends the ballots' reminders due up to `at` (the last call; earlier ones superseded) and forgets them. */
    const remindersUpTo = async (at: Date) => {
      m.h.clock.set(at);
      expect((await m.scheduler('earlier').tick()).sent).toBe(1);
      m.adapter.clear();
    };
    const open = async (options = ' | closes=12/12/2026 17:00') => ballotNumber((await m.ok(m.sec, OPEN + options, /Đã mở phiếu/)).text);

    it('reminds the units that have not voted in the group and privately, then closes at the closing time and publishes the count once', async () => {
      const { h, sec, reps, adapter, ok, privateKey } = m;
      const id = await open();
      const rows = await store.db.reminder.findMany({ where: { subjectType: 'ballot', subjectId: id }, orderBy: { dueAt: 'asc' } });
      expect(rows.map((r) => [r.slot, r.dueAt.toISOString(), r.eventAt.toISOString()])).toEqual([
        ['b1', B1.toISOString(), CLOSES.toISOString()],
        ['b0', B0.toISOString(), CLOSES.toISOString()],
        ['bh', BH.toISOString(), CLOSES.toISOString()],
        ['bc', CLOSES.toISOString(), CLOSES.toISOString()],
      ]);
      const upcoming = await ok(sec, '/reminders', /11\/12\/2026 08:00: nhắc các đơn vị chưa bỏ phiếu số/);
      expect(upcoming.text).toContain(
        `12/12/2026 17:00: đóng hòm phiếu số ${id} (Đề nghị tặng Cờ thi đua của Bộ Nội vụ) và công bố kết quả kiểm phiếu`,
      );
      await ok(reps.LA, `/vote ${id} BL`, /Đã nhận phiếu/, { private: true });
      const s = m.scheduler();

      h.clock.set(B1);
      expect((await s.tick()).sent).toBe(1);
      const unitKeys = 'reminder-ballot-closes reminder-ballot-missing reminder-ballot-unit reminder-ballot-unit reminder-ballot-how';
      expect(keysTo(h.chatKey)).toEqual([unitKeys]);
      const group = adapter.sent.find((x) => x.chatKey === h.chatKey)!;
      expect(text(group)).toContain(
        `phiếu số ${id} “Đề nghị tặng Cờ thi đua của Bộ Nội vụ” (vòng 1) đóng hòm phiếu lúc 12/12/2026 17:00 (ngày mai)`,
      );
      expect(text(group)).toContain('Các đơn vị chưa bỏ phiếu (2/3):\n• BL – Sở Nội vụ Bạc Liêu\n• CT – Sở Nội vụ Cần Thơ');
      expect(text(group)).toContain(`bỏ phiếu trong tin nhắn riêng với bot: /vote ${id}`);
      const privateKeys = 'reminder-ballot-closes reminder-ballot-private reminder-ballot-how';
      expect(keysTo(privateKey(reps.BL))).toEqual([privateKeys]);
      expect(keysTo(privateKey(reps.CT))).toEqual([privateKeys]);
      expect(keysTo(privateKey(reps.LA))).toEqual([]);
      expect(text(adapter.sent.find((x) => x.chatKey === privateKey(reps.CT))!)).toContain(
        'Đơn vị CT – Sở Nội vụ Cần Thơ của Bạn chưa bỏ phiếu.',
      );
      for (const sent of adapter.sent)
        for (const msg of sent.reply.text!) for (const arg of Object.keys(msg.args ?? {})) expect(REMINDER_ARGS).toContain(arg);
      adapter.clear();
      expect((await s.tick()).claimed).toBe(0);

      // Bạc Liêu votes; the closing day's reminders name Cần Thơ only.
      h.clock.set(new Date(B0.getTime() - 3_600_000));
      await ok(reps.BL, `/vote ${id} none`, /Đã nhận phiếu/, { private: true });
      h.clock.set(B0);
      await s.tick();
      h.clock.set(BH);
      await s.tick();
      expect(keysTo(h.chatKey)).toEqual([
        'reminder-ballot-closes reminder-ballot-missing reminder-ballot-unit reminder-ballot-how',
        'reminder-ballot-closes reminder-ballot-missing reminder-ballot-unit reminder-ballot-how',
      ]);
      expect(text(adapter.sent.find((x) => x.chatKey === h.chatKey)!)).toContain('(hôm nay)');
      expect(keysTo(privateKey(reps.CT))).toEqual([privateKeys, privateKeys]);
      expect(keysTo(privateKey(reps.BL))).toEqual([]);
      adapter.clear();

      // The closing time: the scheduler closes the box and the group gets the count, once.
      h.clock.set(new Date(CLOSES.getTime() - 1));
      expect((await s.tick()).claimed).toBe(0);
      h.clock.set(CLOSES);
      const report = await s.tick();
      expect(report).toMatchObject({ claimed: 1, sent: 1, ballotsClosed: 1, deliveries: 1, privateDeliveries: 0 });
      expect(adapter.sent.map((x) => x.chatKey)).toEqual([h.chatKey]);
      const count = text(adapter.sent[0]!);
      expect(adapter.sent[0]!.reply.text![0]!.key).toBe('ballot-closed-at-time');
      expect(count).toContain(`Đã đến thời hạn đóng hòm phiếu số ${id} (12/12/2026 17:00)`);
      expect(count).toContain('Số phiếu phát ra: 3; số phiếu thu về: 2; hợp lệ: 2; không hợp lệ: 0.');
      expect(count).toContain('BL – Sở Nội vụ Bạc Liêu: 1/3 phiếu đồng ý, đạt 33,33% – không đủ ngưỡng.');
      const ballot = await store.db.ballot.findUniqueOrThrow({ where: { id } });
      expect([ballot.state, ballot.closedAt?.toISOString()]).toEqual(['closed', CLOSES.toISOString()]);
      const audits = await store.db.auditLog.findMany({ where: { action: 'ballot.close', subjectId: id } });
      expect(audits.map((a) => a.actorId)).toEqual([null]);
      adapter.clear();
      expect((await m.scheduler('two').tick()).claimed).toBe(0);
      expect((await s.tick()).claimed).toBe(0);
      expect(adapter.sent).toEqual([]);
      await ok(reps.CT, `/vote ${id} BL`, new RegExp(`Phiếu số ${id} đã đóng`), { private: true });
      await ok(sec, '/ballot', /Hiện không có phiếu nào đang mở \(1 phiếu đã đóng/);
    });

    it('a ballot the secretary closes first gets no more reminders and no second count', async () => {
      const { h, sec, adapter, ok } = m;
      const id = await open();
      h.clock.set(new Date(B1.getTime() - 60_000));
      await ok(sec, `/ballot close ${id}`, /Kết quả kiểm phiếu số/);
      expect(await store.db.reminder.count({ where: { subjectType: 'ballot', subjectId: id, state: 'cancelled' } })).toBe(4);
      const s = m.scheduler();
      for (const at of [B1, B0, BH, CLOSES]) {
        h.clock.set(at);
        expect((await s.tick()).claimed).toBe(0);
      }
      expect(adapter.sent).toEqual([]);
      expect(await store.db.auditLog.count({ where: { action: 'ballot.close', subjectId: id } })).toBe(1);
    });

    it('a command read after the closing time closes it first: the scheduler then publishes nothing', async () => {
      const { h, reps, adapter, ok } = m;
      const id = await open();
      h.clock.set(new Date(CLOSES.getTime() + 30_000));
      const late = await ok(reps.CT, `/vote ${id} BL`, new RegExp(`Phiếu số ${id} đã đóng`), { private: true });
      expect(late.notices.map((n) => n.chatKey)).toContain(h.chatKey);
      const report = await m.scheduler().tick();
      expect(report.ballotsClosed).toBe(0);
      expect(adapter.sent).toEqual([]);
      expect(await store.db.reminder.findFirst({ where: { subjectType: 'ballot', subjectId: id, slot: 'bc' } })).toMatchObject({
        state: 'cancelled',
      });
      expect(await store.db.auditLog.count({ where: { action: 'ballot.close', subjectId: id } })).toBe(1);
    });

    it('a command that closes it while an instance holds the closing reminder leaves that instance nothing to publish', async () => {
      const { h, sec, ok } = m;
      const id = await open();
      await remindersUpTo(BH);
      h.clock.set(CLOSES);
      const [bc, ...others] = await store.atomic(CLOSES, (tx) => claimDueReminders(tx, { instanceId: 'slow', limit: 10, leaseMs: 20_000 }));
      expect(others).toEqual([]);
      expect(bc!.slot).toBe('bc');
      await ok(sec, `/ballot close ${id}`, /Kết quả kiểm phiếu số/);
      const cluster = await store.db.cluster.findFirstOrThrow();
      const outcome = await closeBallotAtDeadline(store, { ballotId: id, clusterId: cluster.id, reminderId: bc!.id, now: CLOSES });
      expect(outcome).toEqual({ state: 'published-elsewhere', closedNow: false, reply: null });
    });

    it('an instance that closed the ballot and died mid-send: another sends the count to the chats that lack it', async () => {
      const { h, adapter } = m;
      const cluster = await store.db.cluster.findFirstOrThrow();
      const first = await store.db.chat.findFirstOrThrow({ where: { key: h.chatKey } });
      const second = await store.db.chat.create({ data: { key: 'test:group-2', platform: 'console', clusterId: cluster.id } });
      const id = await open();
      await remindersUpTo(BH);
      h.clock.set(CLOSES);
      const [bc, ...others] = await store.atomic(CLOSES, (tx) => claimDueReminders(tx, { instanceId: 'dead', limit: 10, leaseMs: 20_000 }));
      expect([bc!.slot, others]).toEqual(['bc', []]);
      const closed = await closeBallotAtDeadline(store, { ballotId: id, clusterId: cluster.id, reminderId: bc!.id, now: CLOSES });
      expect([closed.state, closed.closedNow]).toEqual(['closed', true]);
      await store.atomic(CLOSES, (tx) => recordDelivery(tx, { reminderId: bc!.id, chatId: first.id, state: 'sent' }));
      // The dead instance's lease lapses; a live one takes the reminder over.
      h.clock.set(new Date(CLOSES.getTime() + 60_000));
      const report = await m.scheduler().tick();
      expect(report).toMatchObject({ claimed: 1, sent: 1, ballotsClosed: 0, deliveries: 1 });
      expect(adapter.sent.map((x) => x.chatKey)).toEqual([second.key]);
      expect(adapter.sent[0]!.reply).toEqual(closed.reply);
      expect(await store.db.auditLog.count({ where: { action: 'ballot.close', subjectId: id } })).toBe(1);
    });

    it('a ballot without a closing time is reminded at 08:00 each day while it stays open', async () => {
      const { h, sec, reps, adapter, ok, privateKey } = m;
      const id = await open('');
      const rows = await store.db.reminder.findMany({ where: { subjectType: 'ballot', subjectId: id }, orderBy: { dueAt: 'asc' } });
      expect(rows.map((r) => r.slot)).toEqual(['bd1', 'bd2', 'bd3', 'bd4', 'bd5', 'bd6', 'bd7']);
      expect(rows[0]!.dueAt.toISOString()).toBe(B1.toISOString());
      const s = m.scheduler();
      // Down for two days: on restart only the latest due reminder goes out.
      h.clock.set(new Date(B0.getTime() + 3_600_000));
      const report = await s.tick();
      expect(report).toMatchObject({ claimed: 2, sent: 1, skippedBy: { superseded: 1 } });
      expect(keysTo(h.chatKey)).toEqual([
        'reminder-ballot-open reminder-ballot-missing reminder-ballot-unit reminder-ballot-unit reminder-ballot-unit reminder-ballot-how',
      ]);
      expect(text(adapter.sent.find((x) => x.chatKey === h.chatKey)!)).toContain('mở lúc 10/12/2026 09:00, vẫn đang chờ phiếu');
      expect(keysTo(privateKey(reps.LA))).toHaveLength(1);
      adapter.clear();
      await ok(sec, `/ballot close ${id}`, /Kết quả kiểm phiếu số/);
      h.clock.set(new Date('2026-12-13T01:00:00Z'));
      expect((await s.tick()).claimed).toBe(0);
      expect(adapter.sent).toEqual([]);
    });

    it('a tie at the closing time opens the second round, announced with the count; it is reminded daily', async () => {
      const { h, sec, reps, adapter, ok } = m;
      await ok(sec, '/rules threshold >=50% valid', /từ 50% số phiếu hợp lệ/);
      const opened = await ok(sec, '/ballot open Đề nghị tặng Bằng khen | candidates=BL,LA | closes=12/12/2026 17:00', /Đã mở phiếu/);
      const id = ballotNumber(opened.text);
      // Half the valid papers each: both pass, tied at the one seat.
      await ok(reps.BL, `/vote ${id} LA`, /Đã nhận phiếu/, { private: true });
      await ok(reps.LA, `/vote ${id} BL`, /Đã nhận phiếu/, { private: true });
      h.clock.set(CLOSES);
      const report = await m.scheduler().tick();
      expect(report.ballotsClosed).toBe(1);
      const count = adapter.sent.find((x) => x.reply.text![0]!.key === 'ballot-closed-at-time')!;
      const keys = count.reply.text!.map((t) => t.key);
      expect(keys).toContain('ballot-second-round');
      const next = await store.db.ballot.findFirstOrThrow({ where: { parentId: id } });
      expect([next.state, next.round, next.closesAt]).toEqual(['open', 2, null]);
      expect(text(count)).toContain(`/vote ${next.id}`);
      const rows = await store.db.reminder.findMany({ where: { subjectType: 'ballot', subjectId: next.id }, orderBy: { dueAt: 'asc' } });
      expect([rows.length, rows[0]!.slot, rows[0]!.dueAt.toISOString()]).toEqual([7, 'bd1', '2026-12-13T01:00:00.000Z']);
      await ok(
        sec,
        '/help ballot',
        /nhắc các đơn vị chưa bỏ phiếu lúc 08:00 ngày trước hạn và ngày hết hạn, nhắc lần cuối 2 giờ trước hạn/,
      );
    });

    it('with reminders private only, the group gets no reminder but still gets the count', async () => {
      const { h, sec, reps, adapter, ok, privateKey } = m;
      await ok(sec, '/rules reminders private', /riêng cho đại diện/);
      await open();
      const s = m.scheduler();
      h.clock.set(B1);
      await s.tick();
      expect(keysTo(h.chatKey)).toEqual([]);
      expect(keysTo(privateKey(reps.BL))).toHaveLength(1);
      adapter.clear();
      h.clock.set(CLOSES);
      await s.tick();
      expect(adapter.sent.map((x) => x.chatKey)).toEqual([h.chatKey]);
      expect(adapter.sent[0]!.reply.text![0]!.key).toBe('ballot-closed-at-time');
    });
  });
}
