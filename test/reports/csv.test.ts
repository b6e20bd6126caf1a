import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { consolidatedCsv } from '../../src/reports/csv.js';
import { contractHeaderVi, reportsI18n, sampleInput } from './fixtures.js';

const i18n = reportsI18n();
const vi = i18n.translator('vi');
const CLASS_VI = { excellent: 'Xuất sắc', good: 'Tốt', completed: 'Hoàn thành', 'not-completed': 'Chưa hoàn thành' } as const;

function parsed(bytes: Uint8Array): string[][] {
  return parse(Buffer.from(bytes), { bom: true, relax_column_count: false }) as string[][];
}

describe('consolidatedCsv', () => {
  const { input, versions } = sampleInput();
  const bytes = consolidatedCsv(input, vi);
  const [header, ...rows] = parsed(bytes);

  it('is UTF-8 with a byte-order mark, CRLF line ends and one record per unit', () => {
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.slice(3));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(14);
    expect(rows).toHaveLength(13);
  });

  it('has the contract columns in order, with Vietnamese headers and criterion codes', () => {
    expect(header).toEqual(contractHeaderVi(input.table));
    // The sample table: 14 criteria; bonus (T1) and deductions (D1, D2) are not criterion columns.
    expect(input.table.criteria.map((c) => c.code)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '1.5',
      '1.6',
      '1.7',
      '1.8',
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '3.1',
      '3.2',
    ]);
  });

  it('matches the domain figures in every cell, with a decimal point', () => {
    input.table.rows.forEach((row, r) => {
      const cells = rows[r]!;
      expect(cells[0]).toBe(row.rank === null ? '' : String(row.rank));
      expect(cells[1]).toBe(row.unitCode);
      expect(cells[2]).toBe(row.unitName);
      const figures = [...row.scores, row.bonus, row.deductions, row.total];
      figures.forEach((value, i) => {
        const cell = cells[3 + i]!;
        if (value === null) expect(cell).toBe('');
        else {
          expect(cell).toMatch(/^\d+(\.\d{1,2})?$/);
          expect(Math.round(Number(cell) * 100)).toBe(value);
        }
      });
      expect(cells[cells.length - 1]).toBe(row.classification ? CLASS_VI[row.classification] : 'Không nộp');
    });
    expect(rows.some((r) => r.some((c) => /^\d+\.\d+$/.test(c)))).toBe(true);
  });

  it('adds up: criteria + bonus − deductions = total, as counted from the score versions', () => {
    for (const cells of rows.slice(0, 12)) {
      const n = (s: string) => Math.round(Number(s) * 100);
      const criteria = cells.slice(3, 17).reduce((s, c) => s + n(c), 0);
      expect(criteria + n(cells[17]!) - n(cells[18]!)).toBe(n(cells[19]!));
    }
    // Independently of the domain: BL's total from its latest versions (reviews win).
    const latest = new Map<string, number>();
    for (const v of [...versions.get('BL')!].sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'self' ? -1 : 1)))
      latest.set(v.criterionCode, v.points);
    const sum = (codes: string[]) => codes.reduce((s, c) => s + (latest.get(c) ?? 0), 0);
    const criterionCodes = input.table.criteria.map((c) => c.code);
    const expected = sum(criterionCodes) + sum(['T1']) - sum(['D1', 'D2']);
    const bl = rows.find((r) => r[1] === 'BL')!;
    expect(Math.round(Number(bl[19]) * 100)).toBe(expected);
  });

  it('lists a unit that never submitted last, unranked, with empty scores and "Không nộp"', () => {
    const last = rows[rows.length - 1]!;
    expect(last.slice(0, 3)).toEqual(['', 'VL', 'Sở Nội vụ Vĩnh Long']);
    expect(last.slice(3, -1).every((c) => c === '')).toBe(true);
    expect(last[last.length - 1]).toBe('Không nộp');
  });

  it('quotes names with commas and quotes (RFC 4180) and they read back unchanged', () => {
    const ct = rows.find((r) => r[1] === 'CT')!;
    expect(ct[2]).toBe('Sở Nội vụ thành phố Cần Thơ, "TP trực thuộc TW" & <Tây Đô>');
    expect(new TextDecoder().decode(bytes)).toContain('"Sở Nội vụ thành phố Cần Thơ, ""TP trực thuộc TW"" & <Tây Đô>"');
  });

  it('keeps tied units on the same rank', () => {
    expect(rows.find((r) => r[1] === 'CM')![0]).toBe(rows.find((r) => r[1] === 'CT')![0]);
  });

  it('writes English headers and labels for an English reader, numbers unchanged', () => {
    const [enHeader, ...enRows] = parsed(consolidatedCsv(input, i18n.translator('en')));
    expect(enHeader!.slice(0, 3)).toEqual(['Rank', 'Unit code', 'Unit name']);
    expect(enHeader!.slice(-4)).toEqual(['Bonus', 'Deductions', 'Total', 'Classification']);
    expect(enRows.map((r) => r.slice(0, -1))).toEqual(rows.map((r) => r.slice(0, -1)));
    expect(enRows[0]![enRows[0]!.length - 1]).toBe('Excellent');
  });

  it('writes Vietnamese typed with combining marks in the precomposed form', () => {
    const { input: nfd } = sampleInput();
    nfd.table.rows[0]!.unitName = 'Sở Nội vụ Bạc Liêu'.normalize('NFD');
    const [, first] = parsed(consolidatedCsv(nfd, vi));
    expect(first![2]).toBe('Sở Nội vụ Bạc Liêu'.normalize('NFC'));
  });
});

describe('consolidatedCsv quoting', () => {
  it('quotes only when needed and doubles quotes', () => {
    const { input } = sampleInput();
    const names = ['BL', 'a,b', 'say "hi"', 'two\nlines'];
    names.forEach((name, i) => (input.table.rows[i]!.unitName = name));
    const text = new TextDecoder().decode(consolidatedCsv(input, vi));
    expect(text).toContain(',BL,');
    expect(text).toContain(',"a,b",');
    expect(text).toContain(',"say ""hi""",');
    expect(text).toContain(',"two\nlines",');
  });
});

describe('formula injection', () => {
  it('keeps a spreadsheet from running a unit name as a formula', () => {
    const { input } = sampleInput();
    const names = ['=HYPERLINK("http://x","Bấm")', '+1', '-1', '@1', '\t1', '\r1', 'Sở Nội vụ Bạc Liêu'];
    names.forEach((name, i) => (input.table.rows[i]!.unitName = name));
    const [, ...rows] = parsed(consolidatedCsv(input, vi));
    expect(rows.slice(0, names.length).map((r) => r[2])).toEqual([...names.slice(0, 6).map((n) => `'${n}`), 'Sở Nội vụ Bạc Liêu']);
  });

  it('applies to names in the file but never to numbers', () => {
    const { input } = sampleInput();
    input.table.rows[0]!.unitName = '=1+2';
    const [, ...rows] = parsed(consolidatedCsv(input, vi));
    expect(rows[0]![2]).toBe("'=1+2");
    expect(rows.every((r) => !r[r.length - 2]!.startsWith("'"))).toBe(true);
  });
});
