import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

const CRITERIA = `I | Chuyên môn
1.1 | Tham mưu tổ chức bộ máy | 10
1.2 | Cải cách hành chính | 10
II | Tham gia hoạt động Cụm
2.1 | Dự hội nghị | 5
T1 | Sáng kiến | 5 | bonus
D1 | Chậm báo cáo | 5 | deduction`;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

/**
 * The reports as `/export` and `/results` send them, from a round played through the commands on
 * a real store: the file `/export` attaches (name, type, bytes), the rule for a unit that never
 * submitted read the same way by the text ranking, the CSV and the workbook, and the audit trail
 * the workbook ends with, written from the real audit log.
 */
for (const provider of await storeProviders('the export tests')) {
  describe.skipIf(provider.skip)(`/export and /results on ${provider.name}`, () => {
    let h: Harness;
    let close: () => Promise<void>;
    let sec: Speaker;
    let bl: Speaker;
    let la: Speaker;

    beforeAll(async () => {
      const fresh = await provider.open();
      close = fresh.close;
      h = new Harness(fresh.store);
      sec = h.person('Thư ký Lan');
      bl = h.person('Đại diện Bạc Liêu');
      la = h.person('Đại diện Long An');
      const steps: [Speaker, string, RegExp][] = [
        [sec, '/setup Cụm thi đua Sở Nội vụ miền Tây Nam Bộ', /^Đã lập/],
        [sec, '/addunit\nBL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An\nVL Sở Nội vụ Vĩnh Long', /^Đã thêm 3 đơn vị/],
        [bl, '/join BL', /đề nghị làm đại diện/],
        [la, '/join LA', /đề nghị làm đại diện/],
        [sec, '/approve BL', /^Đã duyệt/],
        [sec, '/approve LA', /^Đã duyệt/],
        [sec, '/term 2026 Đoàn kết, kỷ cương', /^Đã mở năm thi đua 2026/],
        [sec, '/leader BL', /là Cụm trưởng/],
        [sec, `/criteria\n${CRITERIA}`, /^Đã cập nhật bảng tiêu chí/],
        [sec, '/round yearend 10/12/2026', /^Đã mở đợt chấm điểm/],
        [bl, '/score\n1.1 9,5 Báo cáo số 12/BC-SNV\n1.2 9\n2.1 5', /^Đã ghi 3 điểm/],
        [bl, '/submit', /đã nộp phiếu/],
        [la, '/score\n1.1 8\n1.2 7\n2.1 4', /^Đã ghi 3 điểm/],
        [la, '/submit', /đã nộp phiếu/],
        [sec, '/review BL 1.1 8 Thiếu minh chứng sắp xếp bộ máy', /^Đã thẩm định BL/],
        [sec, '/close', /xếp hạng 2 đơn vị\. 1 đơn vị không nộp phiếu nên không được xếp hạng\./],
      ];
      for (const [who, text, expected] of steps) expect((await h.say(who, text)).text, text).toMatch(expected);
    });
    afterAll(async () => close());

    it('sends the workbook by default, named for the round, as an .xlsx', async () => {
      const said = await h.say(sec, '/xuat');
      const file = said.replies[0]!.file!;
      expect(file.fileName).toBe('bang-tong-hop-2026-tong-ket.xlsx');
      expect(file.mimeType).toBe(XLSX);
      const table = (await workbook(file.bytes)).worksheets[0]!;
      expect(table.getRow(2).values).toEqual([undefined, 1, 'BL', 'Sở Nội vụ Bạc Liêu', 8, 9, 5, 0, 0, 22, 'Tốt']);
    });

    it('sends the CSV on request, to the leader unit too, and refuses other representatives', async () => {
      const said = await h.say(bl, '/export csv');
      const file = said.replies[0]!.file!;
      expect(file.fileName).toBe('bang-tong-hop-2026-tong-ket.csv');
      expect(file.mimeType).toBe('text/csv');
      expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect((await h.say(la, '/export csv')).text).toMatch(/Chỉ thư ký và Cụm trưởng/);
    });

    it('lists /export in /help exactly to those /export serves', async () => {
      const listed = async (who: Speaker) => (await h.say(who, '/help')).text.includes('/export');
      expect([await listed(sec), await listed(bl), await listed(la)]).toEqual([true, true, false]);
    });

    it('writes a unit that never submitted the same way in the text ranking, the CSV and the workbook', async () => {
      const text = (await h.say(la, '/ketqua')).text;
      const line = text.split('\n').find((l) => l.includes('VL'))!;
      expect(line.trim()).toMatch(/^–\s+VL\s+Sở Nội vụ Vĩnh Long\s.*Không nộp$/);
      expect(text.split('\n').filter((l) => /^\s*3\s/.test(l))).toEqual([]);

      const csv = parse(new TextDecoder().decode((await h.say(sec, '/export csv')).replies[0]!.file!.bytes).slice(1)) as string[][];
      const vl = csv.find((r) => r[1] === 'VL')!;
      expect([vl[0], vl[vl.length - 1]]).toEqual(['', 'Không nộp']);
      expect(csv[csv.length - 1]).toBe(vl);

      const table = (await workbook((await h.say(sec, '/export')).replies[0]!.file!.bytes)).worksheets[0]!;
      const last = table.getRow(table.rowCount);
      expect([last.getCell(1).value, last.getCell(2).value, last.getCell(last.cellCount).value]).toEqual([null, 'VL', 'Không nộp']);
    });

    it('ends the workbook with the audit trail in words, points with a decimal comma and reasons apart', async () => {
      const book = await workbook((await h.say(sec, '/export')).replies[0]!.file!.bytes);
      const audit = book.worksheets[book.worksheets.length - 1]!;
      const rows: unknown[][] = [];
      audit.eachRow((row) => rows.push((row.values as unknown[]).slice(2)));
      expect(rows).toContainEqual(['Thư ký Lan', 'Mở đợt chấm điểm', 'Tổng kết năm', 'Hạn chấm điểm 10/12/2026 23:59']);
      expect(rows).toContainEqual(['Đại diện Bạc Liêu', 'Tự chấm điểm', 'BL', '1.1: 9,5; 1.2: 9; 2.1: 5', '1.1: Báo cáo số 12/BC-SNV']);
      expect(rows).toContainEqual(['Đại diện Bạc Liêu', 'Nộp phiếu chấm', 'BL', 'Đang tự chấm → Đã nộp; tổng điểm 23,5']);
      expect(rows).toContainEqual(['Thư ký Lan', 'Thẩm định điểm', 'BL', '1.1: 9,5 → 8', 'Thiếu minh chứng sắp xếp bộ máy']);
      expect(rows).toContainEqual(['Thư ký Lan', 'Khóa sổ, xếp hạng', 'Tổng kết năm', 'Xếp hạng 2 đơn vị']);
      expect(JSON.stringify(rows)).not.toMatch(/[{}]|score\.|sheet\.|round\./);
    });
  });
}
