import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chartImage, exportFile, isExportFormat } from '../../src/reports/export.js';
import { reportsI18n, sampleInput } from './fixtures.js';

const i18n = reportsI18n();
const vi = i18n.translator('vi');

describe('exportFile', () => {
  it('sends the workbook by default, named and captioned as provisional while the round is open', async () => {
    const { input } = sampleInput({ provisional: true });
    const file = await exportFile(input, vi);
    expect(file.fileName).toBe('bang-tong-hop-2026-tong-ket-tam-tinh.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getCell('B2').value).toBe(input.table.rows[0]!.unitCode);
    expect(vi(file.caption!.key, file.caption!.args)).toBe(
      'Bảng tổng hợp kết quả chấm điểm thi đua năm 2026 – tổng kết năm (số liệu tạm tính, đợt chấm chưa chốt).',
    );
  });

  it('sends the CSV on request, final once the round is closed', async () => {
    const { input } = sampleInput({ provisional: false, roundKind: 'midyear' });
    const file = await exportFile(input, vi, 'csv');
    expect(file.fileName).toBe('bang-tong-hop-2026-so-ket.csv');
    expect(file.mimeType).toBe('text/csv; charset=utf-8');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(i18n.translator('en')(file.caption!.key, file.caption!.args)).toBe('Consolidated emulation scores 2026 – mid-year review.');
  });

  it('recognises the formats /export accepts', () => {
    expect(['xlsx', 'csv', 'pdf', 'XLSX'].map(isExportFormat)).toEqual([true, true, false, false]);
  });
});

describe('chartImage', () => {
  it('is a PNG file ready for Reply.image', () => {
    const { input } = sampleInput({ provisional: true });
    const image = chartImage(input, vi, 'vi');
    expect(image.fileName).toBe('xep-hang-2026-tong-ket-tam-tinh.png');
    expect(image.mimeType).toBe('image/png');
    expect([...image.bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(vi(image.caption!.key, image.caption!.args)).toBe('Biểu đồ xếp hạng năm 2026 – tổng kết năm (tạm tính).');
  });
});
