import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import { Harness, i18n, type Said } from '../support/harness.js';
import { storeProviders } from '../support/store.js';
import { boxCounts, mekongYear, type Mekong } from './fixture.js';

/**
 * The Mekong cluster's year-end meeting end to end through the core, on SQLite and PostgreSQL:
 * closed ranking → attendance (a quorum first missed) → the secret ballot for the Government's
 * flag → a tie and its second round → the election of next year's leader and deputy → the
 * minutes as a .docx, opened again and read.
 */
const PROVIDERS = await storeProviders('the year-end meeting');

/** The ballot number a reply names ("Phiếu số 3: … (vòng 2"). */
function ballotId(said: Said, round = 1): number {
  const m = new RegExp(`Phiếu số (\\d+): [^\\n]*\\(vòng ${round}`).exec(said.text);
  expect(m, said.text).not.toBeNull();
  return Number(m![1]);
}

/** Notices rendered as text, per chat. */
function noticesText(said: Said): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of said.notices) out.set(n.chatKey, `${out.get(n.chatKey) ?? ''}\n${replyText(i18n, n.locale, n.reply)}`);
  return out;
}

const PRESENT = ['AG', 'BL', 'BT', 'CM', 'CT', 'DT', 'HG', 'KG', 'LA', 'ST', 'TG', 'TV'];
const ROUND1: Record<string, string> = {
  LA: 'BL',
  AG: 'BL',
  BT: 'BL',
  CM: 'BL',
  CT: 'BL',
  DT: 'BL',
  BL: 'LA',
  HG: 'LA',
  KG: 'LA',
  ST: 'LA',
  TG: 'LA',
  TV: 'LA',
};
const ROUND2: Record<string, string> = { ...ROUND1, KG: 'BL' };

for (const { name, open, skip } of PROVIDERS) {
  describe.skipIf(skip)(`the Mekong cluster's year-end meeting on ${name}`, () => {
    let m: Mekong;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await open();
      close = fresh.close;
      m = await mekongYear(new Harness(fresh.store));
    });
    afterAll(async () => close());

    it('holds the vote, the second round, the election, and writes the minutes', async () => {
      const { h, sec, reps, ok } = m;
      const rep = (code: string) => reps.get(code)!;
      const privately = { private: true };

      // The cluster's regulation: units present vote, at least 50 % of valid ballots, no self-vote, rotation order.
      await ok(sec, '/quyche voters present', /Người bỏ phiếu: mỗi đơn vị có mặt/);
      await ok(sec, '/quyche threshold >=50% valid', /số phiếu đồng ý từ 50% số phiếu hợp lệ/);
      await ok(sec, '/quyche selfvote excluded', /không được/);
      await ok(sec, '/quyche rotation BL LA CT AG BT CM DT HG KG ST TG TV VL', /luân phiên theo thứ tự BL, LA, CT/);
      await ok(sec, '/quyche threshold 50% everyone', /Ngưỡng cần ghi dạng/);

      // Attendance: 5 units first, no quorum (needs 9 of 13); then the rest but Vĩnh Long.
      await ok(sec, '/bophieu open Đề nghị tặng Cờ thi đua của Chính phủ', /Chưa điểm danh/);
      await ok(sec, '/diemdanh AG BL BT CM CT', /có mặt 5\/13 đơn vị/);
      await ok(
        sec,
        '/bophieu open Đề nghị tặng Cờ thi đua của Chính phủ',
        /chưa đủ điều kiện bỏ phiếu: có mặt 5\/13 đơn vị, cần ít nhất 9/,
      );
      expect(await boxCounts(h)).toEqual({ voters: 0, papers: 0, ballots: 0 });
      await ok(sec, '/diemdanh DT HG KG LA ST TG TV XX', /Không có đơn vị|XX/);
      await ok(sec, '/diemdanh DT HG KG LA ST TG TV', /có mặt 12\/13 đơn vị .*Vắng mặt: VL/);
      await ok(sec, '/tinhhinh', /Hội nghị lúc 10\/12\/2026 08:00: có mặt 12\/13 đơn vị. Vắng mặt: VL./);

      // The Government's flag: candidates from the closed ranking (BL, LA, CT, … frozen), one seat.
      const opened = await ok(sec, '/bophieu open Đề nghị tặng Cờ thi đua của Chính phủ | candidates=BL,LA,CT', /Đã mở phiếu bỏ phiếu kín/);
      expect(opened.text).toContain('Ứng viên: BL – Sở Nội vụ Bạc Liêu; LA – Sở Nội vụ Long An; CT – Sở Nội vụ Cần Thơ.');
      expect(opened.text).toMatch(/không được \(số đơn vị làm căn cứ/);
      const r1 = ballotId(opened);

      // Voting is private: buttons for a one-seat ballot, every one ≤ 64 bytes.
      const shown = await h.core.handle(h.incoming(rep('AG'), '/bieuquyet', privately));
      const buttons = shown.replies.flatMap((r) => r.buttons ?? []).flat();
      expect(buttons.map((b) => b.data)).toEqual([`/vote ${r1} BL`, `/vote ${r1} LA`, `/vote ${r1} CT`, `/vote ${r1} none`]);
      for (const b of buttons) expect(Buffer.byteLength(b.data)).toBeLessThanOrEqual(64);

      let last: Said | null = null;
      for (const code of PRESENT) {
        const choice = ROUND1[code]!;
        last =
          code === 'AG'
            ? await ok(rep(code), '', /Đã nhận phiếu của đơn vị AG/, { private: true, action: `/vote ${r1} ${choice}` })
            : await ok(rep(code), `/bieuquyet ${r1} ${choice}`, new RegExp(`Đã nhận phiếu của đơn vị ${code}`), privately);
        if (code === 'DT')
          await ok(sec, '/bophieu', /Đã bỏ phiếu 6\/12 đơn vị: AG, BL, BT, CM, CT, DT. Chưa bỏ phiếu: HG, KG, LA, ST, TG, TV./);
        expect(last.text).not.toMatch(new RegExp(`đồng ý.*${choice}`));
      }
      // Everyone present voted: the count (6 and 6 of 11 each: 54,55 %, both over 50 %) and a second round.
      expect(last!.text).toContain('Số phiếu phát ra: 12; số phiếu thu về: 12; hợp lệ: 12; không hợp lệ: 0.');
      expect(last!.text).toContain('BL – Sở Nội vụ Bạc Liêu: 6/11 phiếu đồng ý, đạt 54,55% – đủ ngưỡng.');
      expect(last!.text).toContain('LA – Sở Nội vụ Long An: 6/11 phiếu đồng ý, đạt 54,55% – đủ ngưỡng.');
      expect(last!.text).toContain('CT – Sở Nội vụ Cần Thơ: 0/11 phiếu đồng ý, đạt 0,00% – không đủ ngưỡng.');
      expect(last!.text).toMatch(/Bằng phiếu ở suất cuối cùng giữa BL, LA: bỏ phiếu vòng hai cho 1 suất/);
      const group = noticesText(last!).get('test:group') ?? '';
      expect(group).toContain('Kết quả kiểm phiếu số');
      expect(group).toContain('54,55%');
      const r2 = ballotId(last!, 2);

      // Refusals on the second round: nothing changes.
      const before = await boxCounts(h);
      await ok(rep('AG'), `/bieuquyet ${r2} BL`, /Không bỏ phiếu trong nhóm chung/);
      await ok(sec, `/bieuquyet ${r2} BL`, /chưa là đại diện/, privately);
      await ok(rep('BT'), `/bieuquyet ${r2} CT`, /“CT” không phải ứng viên của phiếu số/, privately);
      await ok(rep('BT'), `/bieuquyet ${r2} BL LA`, /chỉ chọn tối đa 1 ứng viên/, privately);
      await ok(rep('BL'), `/bieuquyet ${r2} BL`, /đơn vị BL không tự bỏ phiếu cho mình/, privately);
      await ok(rep('VL'), `/bieuquyet ${r2} BL`, /Đơn vị VL không thuộc danh sách bỏ phiếu/, privately);
      await ok(rep('AG'), `/bieuquyet ${r1} BL`, new RegExp(`Phiếu số ${r1} đã đóng`), privately);
      expect(await boxCounts(h)).toEqual(before);
      await ok(rep('AG'), `/bieuquyet ${r2} BL`, /Đã nhận phiếu của đơn vị AG/, privately);
      const once = await boxCounts(h);
      await ok(rep('AG'), `/bieuquyet ${r2} LA`, /Đơn vị AG đã bỏ phiếu số/, privately);
      expect(await boxCounts(h)).toEqual(once);

      for (const code of PRESENT.filter((c) => c !== 'AG'))
        last = await ok(rep(code), `/bieuquyet ${r2} ${ROUND2[code]}`, /Đã nhận phiếu/, privately);
      expect(last!.text).toContain('BL – Sở Nội vụ Bạc Liêu: 7/11 phiếu đồng ý, đạt 63,64% – đủ ngưỡng, trúng.');
      expect(last!.text).toContain('LA – Sở Nội vụ Long An: 5/11 phiếu đồng ý, đạt 45,45% – không đủ ngưỡng.');
      expect(last!.text).toContain('Đơn vị được đề nghị: BL.');

      // Next year's leader and deputy by rotation after BL: LA and CT, confirmed by more than half of 13.
      const elect = await ok(sec, '/baucumtruong', /đề xuất Cụm trưởng năm 2027: LA; Cụm phó: CT/);
      const leaderBallot = ballotId(elect);
      const deputyBallot = Number(/Phiếu số (\d+): Bầu Cụm phó/.exec(elect.text)![1]);
      for (const [i, code] of PRESENT.entries()) {
        await ok(rep(code), `/bieuquyet ${leaderBallot} ${i < 10 ? 'LA' : 'none'}`, /Đã nhận phiếu/, privately);
      }
      for (const [i, code] of PRESENT.entries())
        last = await ok(rep(code), `/bieuquyet ${deputyBallot} ${i < 8 ? 'CT' : 'none'}`, /Đã nhận phiếu/, privately);
      expect(last!.text).toContain('CT – Sở Nội vụ Cần Thơ trúng cử Cụm phó năm 2027.');
      const leaderResult = await ok(
        sec,
        `/bophieu ${leaderBallot}`,
        /LA – Sở Nội vụ Long An: 10\/13 phiếu đồng ý, đạt 76,92% – đủ ngưỡng, trúng/,
      );
      expect(leaderResult.text).toContain('Số phiếu phát ra: 12');

      // The minutes.
      await ok(rep('CT'), '/bienban', /Chỉ thư ký Cụm và đại diện đơn vị Cụm trưởng/);
      h.clock.set(new Date('2026-12-10T04:15:00Z'));
      const minutes = await h.core.handle(h.incoming(sec, '/bienban'));
      const file = minutes.replies.find((r) => r.file)!.file!;
      expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(file.fileName).toBe('bien-ban-tong-ket-2026.docx');
      const zip = await JSZip.loadAsync(file.bytes);
      const xml = await zip.file('word/document.xml')!.async('string');
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('\n');
      expect(text).toBe(text.normalize('NFC'));
      for (const expected of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'BIÊN BẢN',
        'Họp tổng kết, bình xét thi đua năm 2026 và bầu Cụm trưởng, Cụm phó năm 2027',
        'Hội trường Sở Nội vụ Bạc Liêu, ngày 10 tháng 12 năm 2026',
        'Thời gian: 08 giờ 00 phút, ngày 10/12/2026.',
        'Có mặt 12/13 đơn vị thành viên.',
        'Đơn vị vắng mặt: Sở Nội vụ Vĩnh Long.',
        'Số phiếu phát ra: 12; số phiếu thu về: 12; hợp lệ: 12; không hợp lệ: 0.',
        'BL – Sở Nội vụ Bạc Liêu: 6/11 phiếu đồng ý, đạt 54,55% – đủ ngưỡng.',
        'BL – Sở Nội vụ Bạc Liêu: 7/11 phiếu đồng ý, đạt 63,64% – đủ ngưỡng, trúng.',
        'Đề nghị tặng Cờ thi đua của Chính phủ: Sở Nội vụ Bạc Liêu.',
        'Hội nghị thống nhất: Cụm trưởng năm 2027: Sở Nội vụ Long An; Cụm phó năm 2027: Sở Nội vụ Cần Thơ.',
        'Hội nghị kết thúc lúc 11 giờ 15 phút ngày 10/12/2026.',
        'BIÊN BẢN KIỂM PHIẾU',
        'THƯ KÝ',
        'CHỦ TRÌ',
        'Nguyễn Thị Thư Ký',
        '63,64%',
        '76,92%',
      ])
        expect(text).toContain(expected);
      // The ranking table: BL first with 96, AG's appraised 91 (self 93), decimal comma.
      const rows = text.split('\n');
      const at = rows.indexOf('BL – Sở Nội vụ Bạc Liêu');
      expect(rows.slice(at - 1, at + 5)).toEqual(['1', 'BL – Sở Nội vụ Bạc Liêu', '96', '–', '96', 'Xuất sắc']);
      const la = rows.indexOf('LA – Sở Nội vụ Long An');
      expect(rows.slice(la - 1, la + 4)).toEqual(['2', 'LA – Sở Nội vụ Long An', '95,75', '–', '95,75']);
      const ag = rows.indexOf('AG – Sở Nội vụ An Giang');
      expect(rows.slice(ag + 1, ag + 4)).toEqual(['93', '91', '91']);
      // A4 portrait, margins 20/20/30/15 mm, Times New Roman 14 pt.
      expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      const styles = await zip.file('word/styles.xml')!.async('string');
      expect(styles).toContain('Times New Roman');
      expect(styles).toMatch(/<w:sz w:val="28"\/>/);

      // The next year opens with the leader and deputy the meeting elected (no handover held yet).
      const next = await ok(sec, '/namthidua 2027', /Đã mở năm thi đua 2027/);
      expect(next.text).toContain('Cụm trưởng năm nay theo kết quả bầu tại hội nghị tổng kết năm trước: LA – Sở Nội vụ Long An.');
      expect(next.text).toContain('Cụm phó năm nay theo kết quả bầu tại hội nghị tổng kết năm trước: CT – Sở Nội vụ Cần Thơ.');
      const year2027 = await h.store.db.term.findFirstOrThrow({ where: { year: 2027 } });
      const codeOf = async (id: number | null) => (id === null ? null : (await h.store.db.unit.findUniqueOrThrow({ where: { id } })).code);
      expect([await codeOf(year2027.leaderUnitId), await codeOf(year2027.deputyUnitId)]).toEqual(['LA', 'CT']);
    });
  });
}
