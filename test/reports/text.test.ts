import { describe, expect, it } from 'vitest';
import { tableText } from '../../src/adapters/render.js';
import { rankingTable, rankingText } from '../../src/reports/text.js';
import { reportsI18n, sampleInput } from './fixtures.js';

const i18n = reportsI18n();
const width = (line: string) => [...line].length;

describe('rankingText', () => {
  const { input } = sampleInput({ provisional: true });
  const text = rankingText(input, i18n, 'vi');
  const lines = text.split('\n');
  const tableLines = lines.slice(lines.findIndex((l) => l.startsWith('Hạng')) + 2, lines.findIndex((l) => l.startsWith('Hạng')) + 15);

  it('fits 80 columns and opens with the cluster, year, round and provisional mark', () => {
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(80);
    expect(lines[0]).toBe('Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ');
    expect(lines[1]).toBe('Kết quả chấm điểm thi đua năm 2026 – Tổng kết năm (tạm tính)');
    expect(text).toContain('Số liệu tạm tính: đợt chấm chưa chốt');
    expect(text).toContain('Thang điểm 100 · Số liệu lúc 10/12/2026 10:30');
  });

  it('lists every unit in rank order with totals in Vietnamese style, aligned', () => {
    expect(tableLines).toHaveLength(13);
    input.table.rows.forEach((row, i) => {
      const line = tableLines[i]!;
      expect(line.trimStart().startsWith(`${row.rank}  ${row.unitCode}`)).toBe(true);
      if (row.total !== null) expect(line).toContain(` ${i18n.points('vi', row.total / 100)}  `);
    });
    expect(text).toContain('97,5');
    expect(text).not.toMatch(/\d\.\d/);
    // The totals column ends in the same place on every line.
    const ends = tableLines.map((l) => {
      const m = /(\d+(,\d+)?|–)\s{2}\S/.exec(l.slice(40))!;
      return 40 + m.index + m[1]!.length;
    });
    expect(new Set(ends).size).toBe(1);
  });

  it('cuts long names with an ellipsis and shows the unit with no sheet last', () => {
    expect(tableLines.find((l) => l.includes(' CT '))).toMatch(/Cần Thơ, "TP t[^ ]*…/);
    expect(tableLines[12]).toMatch(/^\s*13\s+VL\s+Sở Nội vụ Vĩnh Long\s+–\s+Chưa chấm điểm$/);
  });

  it('has a compact layout for phones: no names, short headers, narrow lines', () => {
    const compact = rankingText(input, i18n, 'vi', { width: 36 }).split('\n');
    for (const line of compact) expect(width(line)).toBeLessThanOrEqual(36);
    expect(compact).toContain('Hạng Mã  Điểm Xếp loại');
    const rows = compact.slice(compact.indexOf('Hạng Mã  Điểm Xếp loại') + 2).filter((l) => /^\s+\d+ /.test(l));
    expect(rows).toHaveLength(13);
    for (const row of rows) expect(row).not.toContain('Sở Nội vụ');
    expect(compact.some((l) => /^\s+1 BL\s+97,5 Xuất sắc$/.test(l))).toBe(true);
  });

  it('writes English with a decimal point', () => {
    const en = rankingText(input, i18n, 'en');
    expect(en).toContain('Emulation scores 2026 – Year-end review (provisional)');
    expect(en).toContain('97.5');
    expect(en).toContain('Not scored');
  });

  it('reads the same with names typed in decomposed Unicode', () => {
    const { input: nfd } = sampleInput({ provisional: true });
    for (const row of nfd.table.rows) row.unitName = row.unitName.normalize('NFD');
    expect(rankingText(nfd, i18n, 'vi')).toBe(text);
  });
});

describe('rankingTable', () => {
  it('gives adapters the ranking with points as numbers and translated classifications', () => {
    const { input } = sampleInput();
    const table = rankingTable(input, i18n.translator('vi'));
    expect(table.headers.map((h) => h.key)).toEqual(['report-col-rank', 'report-col-unit-code', 'report-col-unit-name', 'report-col-total', 'report-col-class']);
    expect(table.numeric).toEqual([0, 3]);
    expect(table.rows).toHaveLength(13);
    table.rows.forEach((cells, i) => {
      const row = input.table.rows[i]!;
      expect(cells).toEqual([String(row.rank), row.unitCode, row.unitName, row.total === null ? null : row.total / 100, expect.any(String)]);
    });
    expect(table.rows[0]![4]).toBe('Xuất sắc');
    expect(table.rows[12]![4]).toBe('Chưa chấm điểm');
    const rendered = tableText(i18n, 'vi', table);
    expect(rendered.split('\n')[0]).toMatch(/^Hạng\s+Mã đơn vị\s+Tên đơn vị\s+Tổng điểm\s+Xếp loại$/);
    expect(rendered).toContain('97,5');
  });
});
