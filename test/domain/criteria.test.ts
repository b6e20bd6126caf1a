import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { criteriaFromRows, parseCriteriaText, summariseCriteria } from '../../src/domain/criteria.js';
import { LineErrors, UserError } from '../../src/domain/errors.js';

const SAMPLE = readFileSync('examples/criteria-home-affairs.csv', 'utf8');

describe('criteria from the /criteria body', () => {
  it('reads sections, criteria, bonus and deduction rows', () => {
    const table = parseCriteriaText(`I | Chuyên môn
1.1 | Tham mưu | 10
1.2 | Cải cách hành chính | 8,5
II | Tham gia hoạt động Cụm
2.1 | Dự hội nghị | 5
T1 | Sáng kiến | 5 | bonus
D1 | Chậm báo cáo | 3 | deduction`);
    expect(table.rows.map((r) => [r.code, r.kind, r.max, r.sectionCode])).toEqual([
      ['I', 'section', 0, null],
      ['1.1', 'criterion', 1000, 'I'],
      ['1.2', 'criterion', 850, 'I'],
      ['II', 'section', 0, null],
      ['2.1', 'criterion', 500, 'II'],
      ['T1', 'bonus', 500, null],
      ['D1', 'deduction', 300, null],
    ]);
    const summary = summariseCriteria(table);
    expect(summary.maxTotal).toBe(2350);
    expect(summary.bonusCap).toBe(500);
    expect(summary.deductionCap).toBe(300);
    expect(summary.sections).toEqual([
      { code: 'I', title: 'Chuyên môn', max: 1850, count: 2 },
      { code: 'II', title: 'Tham gia hoạt động Cụm', max: 500, count: 1 },
    ]);
  });

  it('reports every bad line at once, with line numbers', () => {
    try {
      parseCriteriaText(`1.1 | A | 10
1.1 | B | 5
1.2 | C | abc
1.3 | D | 5 | extra
1.4 |  | 5`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LineErrors);
      expect((error as LineErrors).problems.map((p) => [p.line, p.key])).toEqual([
        [2, 'error-criteria-duplicate'],
        [3, 'error-criteria-max'],
        [4, 'error-criteria-kind'],
        [5, 'error-criteria-title'],
      ]);
    }
  });

  it('refuses a table with no scored criterion', () => {
    expect(() => parseCriteriaText('I | Mục')).toThrow(UserError);
  });
});

describe('criteria from CSV', () => {
  it('imports the shared Home Affairs sample as is', () => {
    const table = criteriaFromRows(parse(SAMPLE) as string[][]);
    const summary = summariseCriteria(table);
    expect(summary.criterionCount).toBe(14);
    expect(summary.maxTotal).toBe(10000);
    expect(summary.sections.map((s) => [s.code, s.max])).toEqual([
      ['I', 7000],
      ['II', 2000],
      ['III', 1000],
    ]);
    expect(summary.bonusCap).toBe(500);
    expect(summary.deductionCap).toBe(1000);
    expect(table.rows.find((r) => r.code === '1.1')?.title).toBe('Tham mưu tổ chức bộ máy, biên chế, vị trí việc làm');
  });

  it('needs the header columns', () => {
    expect(() =>
      criteriaFromRows([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toThrow(UserError);
  });
});
