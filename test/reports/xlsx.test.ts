import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { consolidatedXlsx } from '../../src/reports/xlsx.js';
import type { ReportInput } from '../../src/reports/types.js';
import { contractHeaderVi, MEKONG_UNITS, reportsI18n, sampleInput } from './fixtures.js';

const i18n = reportsI18n();
const CLASS_VI = { excellent: 'Xuất sắc', good: 'Tốt', completed: 'Hoàn thành', 'not-completed': 'Chưa hoàn thành' } as const;

async function readBack(input: ReportInput, locale = 'vi'): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await consolidatedXlsx(input, i18n.translator(locale))) as unknown as ArrayBuffer);
  return workbook;
}

/** The expected number format of a score: as many decimals as it has. */
const format = (hundredths: number) => (hundredths % 100 === 0 ? '0' : hundredths % 10 === 0 ? '0.0' : '0.00');

describe('consolidatedXlsx', async () => {
  const { input } = sampleInput({ provisional: true });
  const book = await readBack(input);
  const table = book.worksheets[0]!;

  it('has the table first, then the information sheet, one sheet per unit in rank order, the audit trail last', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Bảng tổng hợp',
      'Thông tin',
      ...input.table.rows.map((r) => r.unitCode),
      'Nhật ký chấm điểm',
    ]);
  });

  it('puts only the contract table on the first sheet: a header row, no title rows, frozen header', () => {
    expect(table.rowCount).toBe(1 + MEKONG_UNITS.length);
    expect(table.getRow(1).values).toEqual([undefined, ...contractHeaderVi(input.table)]);
    expect(table.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 3 });
    table.getRow(1).eachCell((cell) => {
      expect(cell.font?.bold).toBe(true);
      expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    });
    expect(table.autoFilter).toBe(`A1:${table.getColumn(3 + input.table.criteria.length + 4).letter}1`);
  });

  it('holds the domain figures in every cell, numbers as numbers with a fitting format', () => {
    const columns = 3 + input.table.criteria.length + 4;
    input.table.rows.forEach((row, r) => {
      const line = table.getRow(r + 2);
      expect(line.getCell(1).value).toBe(row.rank);
      expect(line.getCell(2).value).toBe(row.unitCode);
      expect(line.getCell(3).value).toBe(row.unitName);
      const figures = [...row.scores, row.bonus, row.deductions, row.total];
      figures.forEach((value, i) => {
        const cell = line.getCell(4 + i);
        if (value === null) expect(cell.value).toBeNull();
        else {
          expect(typeof cell.value).toBe('number');
          expect(Math.round((cell.value as number) * 100)).toBe(value);
          expect(cell.numFmt).toBe(format(value));
        }
      });
      expect(line.getCell(columns).value).toBe(row.classification ? CLASS_VI[row.classification] : 'Không nộp');
    });
  });

  it('lists the unit that never submitted last, unranked, with empty scores', () => {
    const last = table.getRow(1 + MEKONG_UNITS.length);
    expect([last.getCell(1).value, last.getCell(2).value]).toEqual([null, 'VL']);
    for (let c = 4; c <= 3 + input.table.criteria.length + 3; c++) expect(last.getCell(c).value).toBeNull();
    expect(last.getCell(3 + input.table.criteria.length + 4).value).toBe('Không nộp');
  });

  it('sets column widths that fit the contents', () => {
    const name = table.getColumn(3);
    const longest = Math.max(...input.table.rows.map((r) => r.unitName.length));
    expect(name.width).toBeGreaterThanOrEqual(Math.min(45, longest));
    expect(table.getColumn(2).width).toBeGreaterThanOrEqual('Mã đơn vị'.length);
    expect(table.getColumn(4).width).toBeGreaterThanOrEqual(5);
  });

  it('describes the round on the information sheet, dates in the cluster time zone', () => {
    const info = book.getWorksheet('Thông tin')!;
    const facts = new Map<string, ExcelJS.CellValue>();
    info.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string') facts.set(label, row.getCell(2).value);
    });
    expect(info.getCell('A1').value).toBe('Kết quả chấm điểm thi đua năm 2026 – Tổng kết năm (tạm tính)');
    expect(facts.get('Cụm thi đua')).toBe('Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ');
    expect(facts.get('Năm thi đua')).toBe(2026);
    expect(facts.get('Đợt chấm điểm')).toBe('Tổng kết năm');
    expect(facts.get('Trạng thái đợt chấm')).toBe('Đang thẩm định');
    expect(facts.get('Số liệu')).toBe('Tạm tính (đợt chấm chưa chốt)');
    // 16:59 UTC is 23:59 in Hà Nội; Excel keeps the wall-clock time.
    expect(facts.get('Hạn chấm điểm')).toEqual(new Date(Date.UTC(2026, 11, 5, 23, 59)));
    expect(facts.get('Thời điểm xuất')).toEqual(new Date(Date.UTC(2026, 11, 10, 10, 30)));
    expect(facts.get('Múi giờ')).toBe('Asia/Ho_Chi_Minh');
    expect(facts.get('Số đơn vị')).toBe(13);
    expect(facts.get('Thang điểm')).toBe(100);
    let deadlineFormat: string | undefined;
    info.eachRow((row) => {
      if (row.getCell(1).value === 'Hạn chấm điểm') deadlineFormat = row.getCell(2).numFmt;
    });
    expect(deadlineFormat).toBe('dd/mm/yyyy hh:mm');
    // The criteria list explains the codes heading the first sheet.
    const listed: string[] = [];
    info.eachRow((row) => {
      const code = row.getCell(1).value;
      if (typeof code === 'string' && input.table.criteria.some((c) => c.code === code)) {
        const criterion = input.table.criteria.find((c) => c.code === code)!;
        expect(row.getCell(2).value).toBe(criterion.title);
        expect(row.getCell(3).value).toBe(criterion.max / 100);
        listed.push(code);
      }
    });
    expect(listed).toEqual(input.table.criteria.map((c) => c.code));
  });

  it('shows each unit’s self-scores, notes, reviewed scores and reasons beside the consolidated figures', () => {
    for (const row of input.table.rows.filter((r) => r.total !== null)) {
      const sheet = book.getWorksheet(row.unitCode)!;
      const detail = input.units.find((u) => u.unitCode === row.unitCode)!;
      expect(sheet.getCell('A1').value).toBe(`${row.unitCode} – ${row.unitName}`);
      expect(sheet.getCell('B3').value).toBe(row.rank);
      expect(Math.round((sheet.getCell('B4').value as number) * 100)).toBe(row.bonus);
      expect(Math.round((sheet.getCell('B5').value as number) * 100)).toBe(row.deductions);
      expect(Math.round((sheet.getCell('B6').value as number) * 100)).toBe(row.total);
      expect(sheet.getCell('B7').value).toBe(CLASS_VI[row.classification!]);
      expect(sheet.getRow(9).values).toEqual([
        undefined,
        'Mã tiêu chí',
        'Nội dung tiêu chí',
        'Loại',
        'Điểm tối đa',
        'Điểm tự chấm',
        'Ghi chú, minh chứng',
        'Điểm thẩm định',
        'Lý do điều chỉnh',
      ]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 9 });
      detail.rows.forEach((d, i) => {
        const line = sheet.getRow(10 + i);
        const points = (c: number) => (line.getCell(c).value === null ? null : Math.round((line.getCell(c).value as number) * 100));
        expect(line.getCell(1).value).toBe(d.code);
        expect(line.getCell(2).value).toBe(d.title);
        expect(line.getCell(3).value).toBe({ criterion: null, bonus: 'Điểm thưởng', deduction: 'Điểm trừ' }[d.kind]);
        expect(points(4)).toBe(d.max);
        expect(points(5)).toBe(d.self);
        expect(line.getCell(6).value).toBe(d.selfNote);
        expect(points(7)).toBe(d.reviewed);
        expect(line.getCell(8).value).toBe(d.reason);
      });
      expect(sheet.rowCount).toBe(9 + detail.rows.length);
    }
    const reviewedCount = input.units.flatMap((u) => u.rows).filter((r) => r.reviewed !== null).length;
    expect(reviewedCount).toBeGreaterThan(5);
  });

  it('gives the unit that never submitted its sheet too, marked not submitted, unranked', () => {
    const sheet = book.getWorksheet('VL')!;
    expect(sheet.getCell('B2').value).toBe('Không nộp');
    expect(sheet.getCell('B3').value).toBeNull();
    expect(sheet.getCell('B6').value).toBeNull();
    expect(sheet.getCell('B7').value).toBe('Không nộp');
  });

  it('ends with the audit trail as a person reads it, oldest first, times in the cluster time zone', () => {
    const audit = book.worksheets[book.worksheets.length - 1]!;
    expect(audit.getRow(1).values).toEqual([
      undefined,
      'Thời gian',
      'Người thực hiện',
      'Thao tác',
      'Đối tượng',
      'Nội dung thay đổi',
      'Lý do, ghi chú',
    ]);
    expect(audit.rowCount).toBe(1 + input.audit.length);
    const sorted = [...input.audit].sort((a, b) => a.at.getTime() - b.at.getTime());
    sorted.forEach((entry, i) => {
      const line = audit.getRow(2 + i);
      expect(line.getCell(1).value).toEqual(new Date(entry.at.getTime() + 7 * 3_600_000));
      expect(line.getCell(1).numFmt).toBe('dd/mm/yyyy hh:mm');
      expect(line.getCell(2).value).toBe(entry.actor);
      expect(line.getCell(4).value).toBe(entry.subject);
      if (entry.action !== 'score.review') return;
      // Points as points with a decimal comma, from the hundredths stored; the reason apart.
      const before = JSON.parse(entry.before!) as { code: string; points: number };
      const after = JSON.parse(entry.after!) as { points: number; reason: string };
      const vi = (h: number) => String(h / 100).replace('.', ',');
      expect(line.getCell(3).value).toBe('Thẩm định điểm');
      expect(line.getCell(5).value).toBe(`${before.code}: ${vi(before.points)} → ${vi(after.points)}`);
      expect(line.getCell(6).value).toBe(after.reason);
    });
    expect(audit.getRow(2).values).toEqual([
      undefined,
      new Date(sorted[0]!.at.getTime() + 7 * 3_600_000),
      'Trần Văn Bình',
      'Nộp phiếu chấm',
      'AG',
      'Đang tự chấm → Đã nộp; tổng điểm 92,5',
    ]);
    const text = JSON.stringify(audit.getSheetValues());
    expect(text).not.toMatch(/"points"|score\.review|\{/);
  });

  it('names sheets within Excel’s rules whatever the unit codes', async () => {
    const { input: odd } = sampleInput();
    const codes = ['A/B', 'A:B', 'History', "'Q'", 'X'.repeat(40), 'X'.repeat(35), 'thông tin', '[*?]', 'ab', 'AB', 'CT', 'DT', 'VL'];
    odd.table.rows.forEach((r, i) => (r.unitCode = codes[i]!));
    const names = (await readBack(odd)).worksheets.map((w) => w.name);
    expect(names).toHaveLength(16);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(16);
    for (const name of names) {
      expect(name.length).toBeGreaterThan(0);
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[\\/:*?[\]]|^'|'$/);
      expect(name.toLowerCase()).not.toBe('history');
    }
    expect(names.slice(2, 15)).toEqual([
      'A-B',
      'A-B (2)',
      'History (2)',
      'Q',
      'X'.repeat(31),
      'X'.repeat(27) + ' (2)',
      'thông tin (2)',
      '----',
      'ab',
      'AB (2)',
      'CT',
      'DT',
      'VL',
    ]);
  });

  it('speaks English to an English reader', async () => {
    const en = await readBack(input, 'en');
    expect(en.worksheets[0]!.name).toBe('Consolidated table');
    expect(en.worksheets[1]!.name).toBe('Information');
    const audit = en.worksheets[en.worksheets.length - 1]!;
    expect(audit.name).toBe('Audit trail');
    expect(audit.getRow(2).getCell(3).value).toBe('Submitted the sheet');
    expect(audit.getRow(2).getCell(5).value).toBe('Self-scoring → Submitted; total 92.5');
    expect(en.worksheets[0]!.getCell('A1').value).toBe('Rank');
    expect(en.worksheets[0]!.getCell('B2').value).toBe(table.getCell('B2').value);
  });

  it('marks final figures as final once the round is closed', async () => {
    const { input: closed } = sampleInput({ provisional: false });
    const info = (await readBack(closed)).getWorksheet('Thông tin')!;
    expect(info.getCell('A1').value).toBe('Kết quả chấm điểm thi đua năm 2026 – Tổng kết năm');
    const values: ExcelJS.CellValue[] = [];
    info.eachRow((row) => values.push(row.getCell(2).value));
    expect(values).toContain('Chính thức (đợt chấm đã chốt)');
    expect(values).toContain('Đã chốt kết quả');
  });
});
