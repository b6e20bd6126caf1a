import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileAttachment, Harness, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

/**
 * The commands of criterion kinds, evidence and the Excel score sheet, through the core on a
 * real store: importing a table with every kind from `.xlsx`, the `/template` round trip,
 * evidence limits and types by content, the "evidence required" check and who may read it.
 */
const CRITERIA: string[][] = [
  ['code', 'title', 'max', 'kind', 'evidence', 'not assigned'],
  ['I', 'Nhiệm vụ chuyên môn', '', 'section', '', ''],
  ['1.1', 'Tham mưu tổ chức bộ máy', '10', 'criterion', '', ''],
  ['1.2', 'Chỉ tiêu giải quyết hồ sơ', '20', 'target', '', ''],
  ['1.3', 'Ban hành kế hoạch thi đua', '10', 'passfail', 'bắt buộc', ''],
  ['1.4', 'Tỷ lệ số hóa', '10', 'linear', '', 'HGI'],
  ['2.1', 'Lớp tập huấn', '10', 'count 2', '', ''],
  ['2.2', 'Khen thưởng, kỷ luật', '10', 'tally 2 1', 'không', ''],
  ['T', 'Cờ thi đua', '20', 'bonus count 10', '', ''],
];

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a40000000049454e44ae426082',
  'hex',
);

async function xlsxOf(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tiêu chí');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const CASES = await storeProviders('the scoring commands');

for (const { name, open, skip } of CASES) {
  describe.skipIf(skip)(`criterion kinds, evidence and the template on ${name}`, () => {
    let h: Harness;
    let close: () => Promise<void>;
    const sec: Speaker = { key: 'test:sec', name: 'Thư ký' };
    const reps: Record<string, Speaker> = {};

    beforeEach(async () => {
      const fresh = await open();
      close = fresh.close;
      h = new Harness(fresh.store);
      await h.say(sec, '/setup Cụm thi đua biên giới');
      await h.say(sec, '/addunit\nLS Sở Nội vụ Lạng Sơn\nCB Sở Nội vụ Cao Bằng\nHGI Sở Nội vụ Hà Giang');
      for (const code of ['LS', 'CB', 'HGI']) {
        reps[code] = h.person(`Đại diện ${code}`);
        await h.say(reps[code]!, `/join ${code}`);
        await h.say(sec, `/approve ${code}`);
      }
      await h.say(sec, '/term 2026');
      await h.say(sec, '/leader LS');
      const set = await h.say(sec, '/criteria', { attachments: [fileAttachment('tieu-chi.xlsx', await xlsxOf(CRITERIA))] });
      expect(set.text).toContain('Đã cập nhật bảng tiêu chí năm 2026: 6 tiêu chí');
      await h.say(sec, '/round yearend 10/12/2026');
    });
    afterEach(async () => close());

    it('imports a table with every kind from .xlsx and shows what it understood', async () => {
      const shown = (await h.say(sec, '/criteria')).text;
      expect(shown).toMatch(/1\.2\s.*tiêu chí, theo chỉ tiêu \(công thức Cụm\)/);
      expect(shown).toMatch(/1\.3\s.*đạt\/không đạt, bắt buộc minh chứng/);
      expect(shown).toMatch(/1\.4\s.*tỷ lệ chỉ tiêu, không áp dụng: HGI/);
      expect(shown).toMatch(/2\.1\s.*2 điểm\/lần/);
      expect(shown).toMatch(/2\.2\s.*\+2\/−1 điểm mỗi lần, không cần/);
      expect(shown).toMatch(/T\s.*điểm thưởng, 10 điểm\/lần/);
      const rows = await h.store.db.criterion.findMany({ orderBy: { position: 'asc' } });
      expect(rows.find((r) => r.code === '1.4')).toMatchObject({ notAssigned: 'HGI', scoring: '{"type":"linear"}' });
    });

    it('refuses a table naming a unit the cluster does not have', async () => {
      const said = await h.say(sec, '/criteria\n1 | A | 10 | na XX');
      expect(said.text).toContain('Cụm không có đơn vị XX');
    });

    it('scores by kind from natural input and names the bad lines', async () => {
      const ls = reps.LS!;
      const bad = await h.say(ls, '/score 1.1 8\n1.3 maybe\n2.1 ba lần\n1.2 95\n1.4 50');
      expect(bad.text).toContain('Dòng 2: Tiêu chí 1.3 chấm đạt/không đạt');
      expect(bad.text).toContain('Dòng 3: Tiêu chí 2.1 chấm theo số lần');
      expect(bad.text).toContain('Dòng 4: Tiêu chí 1.2: chưa có chỉ tiêu');
      expect(bad.text).toContain('Dòng 5: Tiêu chí 1.4: chưa có chỉ tiêu');
      expect(await h.store.db.scoreEntry.count()).toBe(0);
      await h.say(sec, '/target 1.2 LS 100');
      expect((await h.say(ls, '/score 1.2 95/90')).text).toContain('thư ký đã giao chỉ tiêu 100');
      const good = await h.say(ls, '/score 1.1 8\n1.2 95\n1.3 không đạt Chưa ban hành\n1.4 9/10\n2.1 3 lần\n2.2 +2 -1\nT 1');
      expect(good.text).toContain('Đã ghi 7 điểm tự chấm của LS');
      const mine = (await h.say(ls, '/mine')).text;
      expect(mine).toMatch(/1\.3\s+10\s+không đạt → 0/);
      expect(mine).toMatch(/1\.4\s+10\s+9\/10 → 9/);
      expect(mine).toMatch(/2\.1\s+10\s+3 → 6/);
      expect(mine).toMatch(/2\.2\s+10\s+\+2 -1 → 3/);
      expect(mine).toMatch(/1\.2\s+20\s+95\/100 → 9,5 \(tạm tính\)/);
      expect((await h.say(reps.HGI!, '/score 1.4 5/10')).text).toContain('không áp dụng cho đơn vị HGI');
      expect((await h.say(sec, '/help score')).text).toContain('“+2 -1”');
    });

    it('sends the sheet as a protected .xlsx and records it back, all or nothing', async () => {
      const ls = reps.LS!;
      await h.say(sec, '/target 1.2 LS 100');
      await h.say(ls, '/score 1.1 7 Ghi chú cũ');
      const sent = await h.say(ls, '/mau');
      const file = sent.replies.find((r) => r.file)!.file!;
      expect(file.fileName).toBe('phieu-cham-ls-2026-tong-ket.xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('phieu-cham')!;
      expect(sheet.getCell('B2').value).toBe('LS');
      const rowOf = (code: string) => {
        for (let r = 6; r <= sheet.rowCount; r++) if (sheet.getCell(`A${r}`).value === code) return r;
        throw new Error(code);
      };
      // Current self-score and note, the kind and the maximum, validation, protection.
      expect(sheet.getCell(`C${rowOf('1.1')}`).value).toBe(7);
      expect(sheet.getCell(`D${rowOf('1.1')}`).value).toBe('Ghi chú cũ');
      expect(sheet.getCell(`E${rowOf('1.2')}`).value).toBe(20);
      expect(String(sheet.getCell(`F${rowOf('1.2')}`).value)).toContain('kết quả/chỉ tiêu');
      expect(sheet.getCell(`C${rowOf('1.1')}`).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 10] });
      expect(sheet.getCell(`C${rowOf('1.3')}`).dataValidation).toMatchObject({ type: 'list' });
      expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
      expect(sheet.getCell(`C${rowOf('1.1')}`).protection?.locked).toBe(false);
      expect(sheet.getCell(`A${rowOf('1.1')}`).protection?.locked).not.toBe(false);

      // One bad cell: nothing recorded, every bad cell named by its address.
      sheet.getCell(`C${rowOf('1.1')}`).value = 11;
      sheet.getCell(`C${rowOf('1.3')}`).value = 'đạt';
      sheet.getCell(`C${rowOf('2.1')}`).value = 'nhiều';
      const before = await h.store.db.scoreEntry.count();
      const refused = await h.say(ls, '/cham', {
        attachments: [fileAttachment('phieu.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))],
      });
      expect(refused.text).toContain(`Ô C${rowOf('1.1')}: Tiêu chí 1.1: 11 điểm vượt mức tối đa 10 điểm`);
      expect(refused.text).toContain(`Ô C${rowOf('2.1')}: Tiêu chí 2.1 chấm theo số lần`);
      expect(await h.store.db.scoreEntry.count()).toBe(before);

      sheet.getCell(`C${rowOf('1.1')}`).value = 9.5;
      sheet.getCell(`D${rowOf('1.1')}`).value = 'Đã sửa theo Excel';
      sheet.getCell(`C${rowOf('2.1')}`).value = 4;
      sheet.getCell(`C${rowOf('1.2')}`).value = '120';
      const recorded = await h.say(ls, '/cham', {
        attachments: [fileAttachment('phieu.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))],
      });
      expect(recorded.text).toContain('Đã ghi 4 điểm tự chấm của LS');
      const mine = (await h.say(ls, '/mine')).text;
      expect(mine).toMatch(/1\.1\s+10\s+9,5/);
      expect(mine).toMatch(/1\.3\s+10\s+đạt → 10/);
      expect(mine).toMatch(/2\.1\s+10\s+4 → 8/);
      const note = await h.store.db.scoreEntry.findFirst({ where: { criterion: { code: '1.1' } }, orderBy: { id: 'desc' } });
      expect(note?.note).toBe('Đã sửa theo Excel');

      // Another unit's sheet is refused.
      const cb = await h.say(reps.CB!, '/cham', {
        attachments: [fileAttachment('phieu.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()))],
      });
      expect(cb.text).toContain('Phiếu này của đơn vị LS, không phải của CB');
    });

    it('checks evidence by content and limits, and /submit names the criteria without it', async () => {
      const ls = reps.LS!;
      await h.say(sec, '/target 1.2 LS 100\n1.4 LS 10');
      await h.say(ls, '/score 1.1 8\n1.2 95\n1.3 đạt\n1.4 9\n2.1 3\n2.2 0');
      expect((await h.say(ls, '/submit')).text).toContain('Còn 1 tiêu chí bắt buộc minh chứng chưa có tệp: 1.3');
      // A text file named .pdf is refused by its content; docx and xlsx are told apart inside the zip.
      expect(
        (await h.say(ls, '/evidence 1.3', { attachments: [fileAttachment('ke-hoach.pdf', Buffer.from('not a pdf at all'))] })).text,
      ).toContain('không phải PDF, Word, Excel, JPG hay PNG');
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch thi đua 2026')] }] }));
      const xlsx = await xlsxOf([['a', 'b']]);
      const added = await h.say(ls, '/evidence 1.3', {
        attachments: [fileAttachment('ke-hoach.docx', docx), fileAttachment('so-lieu.xlsx', xlsx)],
      });
      expect(added.text).toContain('Đã lưu 2 tệp minh chứng cho LS, tiêu chí 1.3 (tổng cộng 2 tệp)');
      const stored = await h.store.db.evidence.findMany({ orderBy: { id: 'asc' } });
      expect(stored.map((e) => e.mimeType)).toEqual([
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ]);
      expect(stored[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0]!.size).toBe(docx.byteLength);
      // 2.2 takes no evidence.
      expect((await h.say(ls, '/evidence 2.2', { attachments: [fileAttachment('a.pdf', PDF)] })).text).toContain('không cần minh chứng');
      // Limits are the cluster's settings: 1 MB a file, 3 files a criterion.
      await h.say(sec, '/rules evidence 1 3');
      const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024)]);
      expect((await h.say(ls, '/evidence 1.3', { attachments: [fileAttachment('lon.pdf', big)] })).text).toContain('vượt quá 1 MB');
      const two = await h.say(ls, '/evidence 1.3', { attachments: [fileAttachment('a.pdf', PDF), fileAttachment('b.png', PNG)] });
      expect(two.text).toContain('Chưa lưu tệp nào: 1 tệp chưa hợp lệ. Tệp “b.png”: mỗi tiêu chí có tối đa 3 tệp minh chứng.');
      expect(await h.store.db.evidence.count()).toBe(2);
      expect((await h.say(ls, '/evidence 1.3', { attachments: [fileAttachment('b.png', PNG)] })).text).toContain('tổng cộng 3 tệp');
      expect((await h.say(ls, '/evidence 1.3')).text).toMatch(
        /Minh chứng của LS, tiêu chí 1\.3 \(3 tệp\)[\s\S]*ke-hoach\.docx[\s\S]*b\.png/,
      );
      expect((await h.say(ls, '/mine')).text).toContain('Minh chứng 1.3: ke-hoach.docx, so-lieu.xlsx, b.png.');
      expect((await h.say(ls, '/submit')).text).toContain('LS đã nộp phiếu tự chấm');

      // The export's unit sheet lists the files beside the scores.
      const exported = (await h.say(sec, '/export xlsx')).replies.find((r) => r.file)!.file!;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(exported.bytes) as unknown as ArrayBuffer);
      const unitSheet = workbook.getWorksheet('LS')!;
      const values: string[] = [];
      unitSheet.eachRow((row) => values.push(row.values ? (row.values as unknown[]).map(String).join('|') : ''));
      expect(values.join('\n')).toContain('Minh chứng');
      expect(values.find((v) => v.includes('|1.3|'))).toContain('ke-hoach.docx\nso-lieu.xlsx\nb.png');
      expect(values.find((v) => v.includes('|1.2|'))).toMatch(/\|20\|9\.5(\||$)/);
    });

    it('lets the unit, its reviewers, the secretary and the leader read evidence, never another unit', async () => {
      await h.say(reps.CB!, '/evidence 1.3', { attachments: [fileAttachment('cb.pdf', PDF)] });
      const refused = await h.say(reps.HGI!, '/evidence CB 1.3');
      expect(refused.text).toContain('Chỉ đơn vị CB, đơn vị chấm chéo, thư ký và Cụm trưởng mới xem được minh chứng của CB');
      expect(refused.replies.some((r) => r.file)).toBe(false);
      for (const reader of [sec, reps.CB!, reps.LS!]) {
        const read = await h.say(reader, '/evidence CB 1.3');
        const files = read.replies.filter((r) => r.file).map((r) => r.file!);
        expect(files.map((f) => [f.fileName, f.mimeType, Buffer.from(f.bytes).equals(PDF)])).toEqual([['cb.pdf', 'application/pdf', true]]);
      }
      await h.say(sec, '/reviewer CB HGI');
      expect((await h.say(reps.HGI!, '/evidence CB 1.3')).replies.filter((r) => r.file)).toHaveLength(1);
    });
  });
}
