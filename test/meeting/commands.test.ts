import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness } from '../support/harness.js';
import { storeProviders } from '../support/store.js';
import { boxCounts, mekongYear, type Mekong } from './fixture.js';

/** The meeting commands' help, rules, defaults, closing time, roles and modes, on both databases. */
const PROVIDERS = await storeProviders('the meeting commands');

for (const { name, open, skip } of PROVIDERS) {
  describe.skipIf(skip)(`meeting commands on ${name}`, () => {
    let m: Mekong;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await open();
      close = fresh.close;
      m = await mekongYear(new Harness(fresh.store));
    });
    afterAll(async () => close());

    it('document the sub-syntax, the private vote and that a vote is final', async () => {
      const { sec, reps, ok } = m;
      await ok(sec, '/help ballot', /\/ballot open NỘI_DUNG \| seats=1 \| candidates=BL,LA \| closes=dd\/mm\/yyyy HH:MM/);
      await ok(sec, '/trogiup bieuquyet', /chỉ trong tin nhắn riêng với bot.*phiếu đã bỏ không thể sửa hoặc rút lại/s);
      await ok(
        sec,
        '/help',
        /\/attend \(\/diemdanh\)[\s\S]*\/ballot \(\/bophieu\)[\s\S]*\/elect \(\/baucumtruong\)[\s\S]*\/minutes \(\/bienban\)/,
      );
      await ok(reps.get('BL')!, '/help', /\/vote \(\/bieuquyet\)/);
      const rules = await ok(sec, '/quyche', /Người bỏ phiếu: mỗi đơn vị thành viên một phiếu/);
      expect(rules.text).toContain('Điều kiện tiến hành: có mặt từ 2/3 số đơn vị thành viên trở lên.');
      expect(rules.text).toContain('Ứng viên đạt khi số phiếu đồng ý trên 1/2 tổng số đơn vị thành viên.');
      expect(rules.text).toContain('bầu luân phiên theo thứ tự –');
      await ok(reps.get('BL')!, '/quyche quorum 1/2', /chỉ thư ký|thư ký/i);
    });

    it('takes candidates from the ranking, closes at its closing time and refuses late papers', async () => {
      const { h, sec, reps, ok } = m;
      await ok(sec, '/diemdanh all', /có mặt 13\/13/);
      const opened = await ok(sec, '/bophieu open Đề nghị tặng Cờ thi đua của Bộ Nội vụ | closes=10/12/2026 10:00', /Đã mở phiếu/);
      expect(opened.text).toMatch(/Ứng viên: BL – Sở Nội vụ Bạc Liêu; LA – Sở Nội vụ Long An; CT – Sở Nội vụ Cần Thơ; AG – /);
      const id = Number(/Phiếu số (\d+)/.exec(opened.text)![1]);
      const group = opened.notices.length;
      expect(group).toBe(0); // one chat only: the reply is the announcement
      await ok(reps.get('CT')!, '/bophieu close', /chỉ thư ký|thư ký/i);
      await ok(reps.get('LA')!, `/vote ${id} BL`, /Đã nhận phiếu/, { private: true });
      await ok(reps.get('CT')!, `/vote ${id} bl`, /Đã nhận phiếu/, { private: true });
      await ok(reps.get('AG')!, '/vote none', /Đã nhận phiếu/, { private: true });
      h.clock.set(new Date('2026-12-10T03:01:00Z'));
      const late = await ok(reps.get('BT')!, `/vote ${id} BL`, new RegExp(`Phiếu số ${id} đã đóng`), { private: true });
      expect(late.text).toContain('Số phiếu phát ra: 13; số phiếu thu về: 3; hợp lệ: 3; không hợp lệ: 0.');
      expect(late.text).toContain('BL – Sở Nội vụ Bạc Liêu: 2/13 phiếu đồng ý, đạt 15,38% – không đủ ngưỡng.');
      expect(late.text).toContain('Không có đơn vị nào đạt ở vòng này.');
      expect(late.notices.map((n) => n.chatKey)).toContain('test:group');
      expect((await boxCounts(h)).voters).toBe(3);
      await ok(sec, '/bophieu', /Hiện không có phiếu nào đang mở \(1 phiếu đã đóng/);
    });

    it('answers in English, and records an appointment when the rules say so', async () => {
      const { h, sec, ok } = m;
      const en = h.person('Đại diện Sở Nội vụ Bạc Liêu', 'en');
      await ok({ ...en, key: m.reps.get('BL')!.key }, '/lang en', /English/);
      await ok(m.reps.get('BL')!, '/vote 1 BL', /Votes are not cast in the group/);
      await ok(sec, '/quyche election appointed', /do cấp có thẩm quyền chỉ định/);
      await ok(sec, '/baucumtruong', /Cụm trưởng, Cụm phó do cấp có thẩm quyền chỉ định/);
      await ok(sec, '/baucumtruong LA LA', /hai đơn vị khác nhau/);
      const appointed = await ok(
        sec,
        '/baucumtruong LA CT',
        /Đã ghi nhận quyết định chỉ định Cụm trưởng năm 2027: LA; Cụm phó: CT[\s\S]*\/handover LA dd\/mm\/yyyy/,
      );
      const offer = appointed.replies.flatMap((r) => r.buttons ?? []).flat();
      expect(offer.map((b) => b.data)).toEqual(['/handover LA']);
      await ok(sec, '', /Cách dùng: \/handover MÃ_ĐƠN_VỊ dd\/mm\/yyyy/, { action: offer[0]!.data });
      await ok(sec, '/bangiao LA 20/12/2026', /Đã lên lịch bàn giao Cụm trưởng và Cờ luân lưu từ BL cho LA/);
      await ok(sec, '/quyche election free', /bầu tự do/);
      const free = await ok(sec, '/baucumtruong', /Bầu Cụm trưởng năm 2027 \(ứng viên: AG, BL, BT/);
      expect(free.text).toMatch(/Phiếu số \d+: Bầu Cụm phó năm 2027/);
    });
  });
}
