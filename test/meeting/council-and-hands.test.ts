import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import type { Store } from '../../src/store/store.js';
import { Harness, i18n } from '../support/harness.js';
import { storeProviders } from '../support/store.js';
import { ballotNumber, smallMeeting, type SmallMeeting } from './ballot-fixture.js';

/**
 * DOMAIN.md's other voters and method: a council of listed persons votes instead of the units
 * (secretly, one ballot each, counted over the council), and a show of hands, whose count and
 * minutes say who voted how; both printed in the ballot and the minutes.
 */
const PROVIDERS = await storeProviders('the council and show-of-hands tests');

/** The text of the minutes the secretary asks for. */
async function minutesText(m: SmallMeeting): Promise<string> {
  const minutes = await m.h.core.handle(m.h.incoming(m.sec, '/bienban'));
  const file = minutes.replies.find((r) => r.file)!.file!;
  const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('\n');
}

for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`council and show of hands on ${provider.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let m: SmallMeeting;

    beforeEach(async () => {
      ({ store, close } = await provider.open());
      m = await smallMeeting(new Harness(store));
    });
    afterEach(async () => close());

    it('lets a listed council vote secretly, one ballot each, counted over the council, and says so in the ballot and the minutes', async () => {
      const { h, sec, reps, ok, adapter } = m;
      await ok(sec, '/rules voters council', /chưa lập Hội đồng/);
      await ok(sec, '/rules council @nobody', /Không tìm thấy “@nobody”/);
      const set = await ok(sec, '/quyche council @thu_ky_lan LA CT', /Đã cập nhật|Người bỏ phiếu/);
      expect(set.text).toContain(
        'Người bỏ phiếu: các thành viên Hội đồng được liệt kê, mỗi người một phiếu: Thư ký Lan (@thu_ky_lan); Đại diện Long An (@dai_dien_long_an) – LA; Đại diện Cần Thơ (@dai_dien_can_tho) – CT.',
      );
      expect(set.text).toContain('Điều kiện tiến hành: từ 2/3 số thành viên Hội đồng bỏ phiếu trở lên (tính khi đóng hòm phiếu).');
      expect(set.text).toContain('trên 1/2 tổng số thành viên Hội đồng');
      expect(set.text).toContain('Hình thức: bỏ phiếu kín.');
      const opened = await ok(
        sec,
        '/ballot open Đề nghị tặng Bằng khen | candidates=BL,LA | closes=12/12/2026 17:00',
        /Đã mở phiếu bỏ phiếu kín/,
      );
      expect(opened.text).toContain('Thư ký Lan (@thu_ky_lan); Đại diện Long An (@dai_dien_long_an) – LA');
      expect(opened.text).toContain('Mỗi thành viên Hội đồng bỏ phiếu trong tin nhắn riêng với bot');
      const id = ballotNumber(opened.text);
      await ok(reps.BL, `/vote ${id} LA`, /không có tên trong Hội đồng/, { private: true });
      await ok(sec, `/vote ${id} BL`, /Không bỏ phiếu trong nhóm chung/);
      await ok(sec, `/vote ${id} BL`, /Đã nhận phiếu của Thư ký Lan \(@thu_ky_lan\) cho phiếu số \d+ \(1\/3 thành viên Hội đồng/, {
        private: true,
      });
      await ok(sec, `/vote ${id} LA`, /đã bỏ phiếu số/, { private: true });
      await ok(reps.LA, `/vote ${id} BL`, /\(2\/3 thành viên Hội đồng/, { private: true });
      await ok(sec, '/ballot', /Đã bỏ phiếu 2\/3 thành viên Hội đồng: .*Chưa bỏ phiếu: Đại diện Cần Thơ \(@dai_dien_can_tho\) – CT\./);
      // Secrecy as before: the voters list names persons, no unit; a paper names nobody.
      const voters = await store.db.ballotVoter.findMany({ where: { ballotId: id } });
      expect(voters.map((v) => v.unitId)).toEqual([null, null]);
      const papers = await store.db.ballotPaper.findMany({ where: { ballotId: id } });
      expect(papers.map((p) => Object.keys(p).sort())).toEqual([
        ['agreed', 'ballotId', 'id'],
        ['agreed', 'ballotId', 'id'],
      ]);
      expect(await store.db.ballotOpenVote.count()).toBe(0);
      // The reminder names the council members who have not voted in the group, and tells each privately.
      h.clock.set(new Date('2026-12-11T01:00:00Z'));
      expect((await m.scheduler().tick()).sent).toBe(1);
      const sent = adapter.sent.map((s) => ({ chat: s.chatKey, text: replyText(i18n, s.locale, s.reply) }));
      expect(sent.map((s) => s.chat)).toEqual(['test:group', m.privateKey(reps.CT)]);
      expect(sent[0]!.text).toContain('Các thành viên Hội đồng chưa bỏ phiếu (1/3):\n• Đại diện Cần Thơ (@dai_dien_can_tho) – CT');
      expect(sent[1]!.text).toContain(`Bạn là thành viên Hội đồng bỏ phiếu và chưa bỏ phiếu số ${id}.`);
      const last = await ok(reps.CT, `/vote ${id} BL`, /Tất cả/, { private: true });
      expect(last.text).toContain('BL – Sở Nội vụ Bạc Liêu: 3/3 phiếu đồng ý, đạt 100,00% – đủ ngưỡng, trúng.');
      expect(last.text).not.toContain('từng người biểu quyết');
      const minutes = await minutesText(m);
      expect(minutes).toContain(
        'Thư ký Lan (@thu_ky_lan); Đại diện Long An (@dai_dien_long_an) – LA; Đại diện Cần Thơ (@dai_dien_can_tho) – CT',
      );
      expect(minutes).toContain('Hình thức: bỏ phiếu kín.');
      await ok(sec, '/rules council none', /mỗi đơn vị thành viên một phiếu/);
    });

    it('counts self-vote exclusion over the council members of a candidate unit', async () => {
      const { sec, reps, ok } = m;
      await ok(sec, '/rules council @thu_ky_lan LA CT', /Hội đồng/);
      await ok(sec, '/rules selfvote excluded', /không được/);
      const id = ballotNumber((await ok(sec, '/ballot open Đề nghị | candidates=BL,LA', /Đã mở phiếu/)).text);
      await ok(reps.LA, `/vote ${id} LA`, /không tự bỏ phiếu cho mình/, { private: true });
      await ok(reps.LA, `/vote ${id} BL`, /Đã nhận phiếu/, { private: true });
      await ok(sec, `/vote ${id} LA`, /Đã nhận phiếu/, { private: true });
      const done = await ok(reps.CT, `/vote ${id} LA`, /Tất cả/, { private: true });
      // LA's base is the council less its own member (2); BL has no member on the council (3).
      expect(done.text).toContain('LA – Sở Nội vụ Long An: 2/2 phiếu đồng ý');
      expect(done.text).toContain('BL – Sở Nội vụ Bạc Liêu: 1/3 phiếu đồng ý');
    });

    it('takes a show of hands in the group too, and lists who voted how in the count and the minutes', async () => {
      const { sec, reps, ok } = m;
      const opened = await ok(
        sec,
        '/ballot open Đề nghị tặng Cờ thi đua | candidates=BL,LA | method=hands | closes=12/12/2026 17:00',
        /Đã mở biểu quyết giơ tay/,
      );
      expect(opened.text).toContain('Hình thức: biểu quyết giơ tay (công khai)');
      expect(opened.text).toContain('trong nhóm của Cụm hoặc tin nhắn riêng với bot');
      const id = ballotNumber(opened.text);
      await ok(reps.BL, `/vote ${id} LA`, /Đã ghi nhận biểu quyết công khai của BL cho phiếu số \d+ \(1\/3/);
      await ok(reps.LA, `/vote ${id} BL`, /\(2\/3/, { private: true });
      m.h.clock.set(new Date('2026-12-11T01:00:00Z'));
      expect((await m.scheduler().tick()).sent).toBe(1);
      const reminded = m.adapter.sent.map((x) => replyText(i18n, x.locale, x.reply));
      expect(reminded[0]).toContain('✋ Nhắc biểu quyết giơ tay');
      expect(reminded[0]).toContain('trong nhóm của Cụm hoặc tin nhắn riêng với bot');
      const done = await ok(reps.CT, `/vote ${id} none`, /Tất cả/);
      expect(done.text).toContain('Biểu quyết công khai, từng người biểu quyết:');
      expect(done.text).toContain('– BL – Sở Nội vụ Bạc Liêu (Đại diện Bạc Liêu (@dai_dien_bac_lieu)): đồng ý LA.');
      expect(done.text).toContain('– LA – Sở Nội vụ Long An (Đại diện Long An (@dai_dien_long_an)): đồng ý BL.');
      expect(done.text).toContain('– CT – Sở Nội vụ Cần Thơ (Đại diện Cần Thơ (@dai_dien_can_tho)): đồng ý –.');
      expect(await store.db.ballotOpenVote.count({ where: { ballotId: id } })).toBe(3);
      const minutes = await minutesText(m);
      expect(minutes).toContain('Hình thức: biểu quyết giơ tay (công khai): kết quả kiểm phiếu và biên bản ghi rõ ai biểu quyết thế nào.');
      expect(minutes).toContain('– BL – Sở Nội vụ Bạc Liêu (Đại diện Bạc Liêu (@dai_dien_bac_lieu)): đồng ý LA.');
    });

    it('keeps a secret ballot out of the group, and sets the method per cluster', async () => {
      const { sec, reps, ok } = m;
      const id = ballotNumber((await ok(sec, '/ballot open Đề nghị | candidates=BL,LA', /Đã mở phiếu bỏ phiếu kín/)).text);
      await ok(reps.BL, `/vote ${id} LA`, /Không bỏ phiếu trong nhóm chung/);
      await ok(reps.BL, '/vote', /Không bỏ phiếu trong nhóm chung/);
      await ok(sec, '/rules method giotay', /Hình thức: biểu quyết giơ tay/);
      await ok(sec, '/rules method nope', /secret \(bỏ phiếu kín\) hoặc hands/);
      await ok(sec, '/ballot close', /Kết quả kiểm phiếu/);
      const second = ballotNumber((await ok(sec, '/ballot open Đề nghị khác | candidates=BL,LA', /Đã mở biểu quyết giơ tay/)).text);
      await ok(reps.BL, `/vote ${second} LA`, /Đã ghi nhận biểu quyết công khai/);
    });
  });
}
