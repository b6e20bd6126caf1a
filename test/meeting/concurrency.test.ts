import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import { Harness, i18n } from '../support/harness.js';
import { storeProviders } from '../support/store.js';
import { MEKONG, mekongYear, type Mekong } from './fixture.js';

/**
 * Thirteen representatives voting at the same moment (as they do when the chair says "vote now"),
 * some pressing twice: every paper lands once, nothing is lost to a concurrent rewrite of the box,
 * the ballot closes once.
 */
const PROVIDERS = await storeProviders('concurrent votes');

for (const { name, open, skip } of PROVIDERS) {
  describe.skipIf(skip)(`concurrent votes on ${name}`, () => {
    let m: Mekong;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await open();
      close = fresh.close;
      m = await mekongYear(new Harness(fresh.store));
    });
    afterAll(async () => close());

    it('keeps every paper once and closes the ballot once', async () => {
      const { h, sec, reps, ok } = m;
      await ok(sec, '/diemdanh all', /13\/13/);
      const opened = await ok(sec, '/bophieu open Đề nghị tặng Cờ thi đua của Chính phủ | candidates=BL,LA', /Đã mở phiếu/);
      const id = Number(/Phiếu số (\d+)/.exec(opened.text)![1]);
      const choice = (i: number) => (i < 8 ? 'BL' : 'LA');
      // Each representative has opened the private chat once (its first message creates the chat row).
      for (const [code] of MEKONG) await ok(reps.get(code)!, '/vote', /Phiếu số/, { private: true });
      const sends = MEKONG.map(([code], i) => h.core.handle(h.incoming(reps.get(code)!, `/vote ${id} ${choice(i)}`, { private: true })));
      const again = MEKONG.slice(0, 3).map(([code], i) =>
        h.core.handle(h.incoming(reps.get(code)!, `/vote ${id} ${choice(i)}`, { private: true })),
      );
      const results = await Promise.all([...sends, ...again]);
      const texts = results.map((r) => r.replies.map((x) => replyText(i18n, r.locale, x)).join('\n'));
      expect(texts.filter((t) => t.includes('Đã nhận phiếu'))).toHaveLength(13);
      // A second press is refused: the unit has voted, or (when it comes after the last paper) the box is closed.
      expect(texts.filter((t) => !t.includes('Đã nhận phiếu')).map((t) => /đã bỏ phiếu số|đã đóng; không nhận thêm phiếu/.test(t))).toEqual(
        [true, true, true],
      );
      expect(texts.filter((t) => t.includes('Tất cả đơn vị đã bỏ phiếu'))).toHaveLength(1);
      expect(await h.store.db.ballotPaper.count({ where: { ballotId: id } })).toBe(13);
      expect(await h.store.db.ballotVoter.count({ where: { ballotId: id } })).toBe(13);
      const result = await ok(sec, `/bophieu ${id}`, /Số phiếu phát ra: 13; số phiếu thu về: 13; hợp lệ: 13; không hợp lệ: 0./);
      expect(result.text).toContain('BL – Sở Nội vụ Bạc Liêu: 8/13 phiếu đồng ý, đạt 61,54% – đủ ngưỡng, trúng.');
      expect(result.text).toContain('LA – Sở Nội vụ Long An: 5/13 phiếu đồng ý, đạt 38,46%');
      expect(await h.store.db.auditLog.count({ where: { action: 'ballot.close', subjectId: id } })).toBe(1);
    });
  });
}
