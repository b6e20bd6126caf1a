import { describe, expect, it } from 'vitest';
import { buildConsolidated } from '../../src/domain/consolidated.js';
import { criteriaFromRows, parseCriteriaText, type CriteriaTable } from '../../src/domain/criteria.js';
import {
  inputPoints,
  inputText,
  parseScoreInput,
  parseScoringSpec,
  relativeTargetPoints,
  roundHalfUp,
  type Scoring,
} from '../../src/domain/criterion-kinds.js';
import { type LineErrors, type UserError } from '../../src/domain/errors.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { ScoreVersion } from '../../src/domain/sheet.js';
import { computeTotals } from '../../src/domain/totals.js';

const key = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as UserError).key;
  }
  return 'no error';
};

describe('rounding', () => {
  it('rounds halves up, exactly, for positive and negative values', () => {
    expect(roundHalfUp(625n, 10n)).toBe(63);
    expect(roundHalfUp(624n, 10n)).toBe(62);
    expect(roundHalfUp(1000n, 3n)).toBe(333);
    expect(roundHalfUp(2000n, 3n)).toBe(667);
    expect(roundHalfUp(-625n, 10n)).toBe(-62);
    expect(roundHalfUp(-626n, 10n)).toBe(-63);
  });
});

describe('each kind on its own', () => {
  const max = 1000;
  it('points: the score given, at most max', () => {
    expect(inputPoints({ type: 'points' }, { type: 'points', points: 850 }, max, '1')).toBe(850);
    expect(key(() => inputPoints({ type: 'points' }, { type: 'points', points: 1100 }, max, '1'))).toBe('error-score-above-max');
  });

  it('pass/fail: met → max, else 0', () => {
    expect(inputPoints({ type: 'passfail' }, { type: 'passfail', met: true }, max, '1')).toBe(1000);
    expect(inputPoints({ type: 'passfail' }, { type: 'passfail', met: false }, max, '1')).toBe(0);
  });

  it('per occurrence: count × points each, capped at max', () => {
    const s: Scoring = { type: 'count', each: 200 };
    expect(inputPoints(s, { type: 'count', count: 3 }, max, '1')).toBe(600);
    expect(inputPoints(s, { type: 'count', count: 7 }, max, '1')).toBe(1000);
    expect(inputPoints(s, { type: 'count', count: 0 }, max, '1')).toBe(0);
  });

  it('bonus/penalty counts: + each bonus, − each penalty, clamped to [min, max]', () => {
    const s: Scoring = { type: 'tally', plus: 200, minus: 100, min: -500 };
    expect(inputPoints(s, { type: 'tally', plus: 2, minus: 1 }, max, '1')).toBe(300);
    expect(inputPoints(s, { type: 'tally', plus: 0, minus: 10 }, max, '1')).toBe(-500);
    expect(inputPoints(s, { type: 'tally', plus: 8, minus: 0 }, max, '1')).toBe(1000);
    expect(inputPoints({ type: 'tally', plus: 200, minus: 100, min: 0 }, { type: 'tally', plus: 0, minus: 3 }, max, '1')).toBe(0);
  });

  it('linear: max·actual/target, capped at max, rounded half up', () => {
    const s: Scoring = { type: 'linear' };
    expect(inputPoints(s, { type: 'ratio', actual: 9500, target: 10000 }, max, '1')).toBe(950);
    expect(inputPoints(s, { type: 'ratio', actual: 12000, target: 10000 }, max, '1')).toBe(1000);
    expect(inputPoints(s, { type: 'ratio', actual: 200, target: 300 }, max, '1')).toBe(667);
    // The secretary's target wins over a missing written one.
    expect(inputPoints(s, { type: 'ratio', actual: 4500, target: null }, max, '1', 5000)).toBe(900);
    expect(key(() => inputPoints(s, { type: 'ratio', actual: 4500, target: null }, max, '1'))).toBe('error-input-no-target');
  });

  it('refuses an input of another kind', () => {
    expect(key(() => inputPoints({ type: 'passfail' }, { type: 'count', count: 1 }, max, '1'))).toBe('error-input-kind');
  });
});

describe('the police formula for a quantitative criterion', () => {
  it('scores a worked example with a tie for the best ratio', () => {
    // max 10 points. A and B share the best ratio 1,2 (excess 0,2): both get 10.
    // C 1,1: 5 + (0,1 ÷ 0,2)·5 = 7,5.  G 1,07: 5 + 0,35·5 = 6,75.  D at target: 5.
    // E 0,8: 0,5·10·0,8 = 4.  F 0,33: 1,65.  H 1/8: 0,625 → 0,63 (half up).  I 1/3: 1,666… → 1,67.
    const points = relativeTargetPoints(1000, [
      { unitCode: 'A', actual: 12000, target: 10000 },
      { unitCode: 'B', actual: 6000, target: 5000 },
      { unitCode: 'C', actual: 11000, target: 10000 },
      { unitCode: 'G', actual: 10700, target: 10000 },
      { unitCode: 'D', actual: 10000, target: 10000 },
      { unitCode: 'E', actual: 8000, target: 10000 },
      { unitCode: 'F', actual: 3300, target: 10000 },
      { unitCode: 'H', actual: 100, target: 800 },
      { unitCode: 'I', actual: 100, target: 300 },
    ]);
    expect(Object.fromEntries(points)).toEqual({ A: 1000, B: 1000, C: 750, G: 675, D: 500, E: 400, F: 165, H: 63, I: 167 });
  });

  it('gives nobody max when nobody exceeds the target', () => {
    const points = relativeTargetPoints(2000, [
      { unitCode: 'A', actual: 9000, target: 10000 },
      { unitCode: 'B', actual: 100, target: 100 },
    ]);
    expect(Object.fromEntries(points)).toEqual({ A: 900, B: 1000 });
  });
});

describe('natural input for /score', () => {
  it('reads pass/fail words, with a note after them', () => {
    const s: Scoring = { type: 'passfail' };
    for (const word of ['đạt', 'Đạt', 'dat', 'đ', 'x', '1', 'pass'])
      expect(parseScoreInput(s, word, '1').input).toEqual({ type: 'passfail', met: true });
    for (const word of ['không đạt', 'khong dat', 'kđ', '0', 'fail'])
      expect(parseScoreInput(s, word, '1').input).toEqual({ type: 'passfail', met: false });
    expect(parseScoreInput(s, 'không đạt Chưa ban hành kế hoạch', '1')).toEqual({
      input: { type: 'passfail', met: false },
      note: 'Chưa ban hành kế hoạch',
    });
    expect(key(() => parseScoreInput(s, 'maybe', '1'))).toBe('error-input-passfail');
  });

  it('reads counts with or without the word lần', () => {
    const s: Scoring = { type: 'count', each: 100 };
    expect(parseScoreInput(s, '3 lần Ba lớp tập huấn', '2.1')).toEqual({ input: { type: 'count', count: 3 }, note: 'Ba lớp tập huấn' });
    expect(parseScoreInput(s, '3lần', '2.1').input).toEqual({ type: 'count', count: 3 });
    expect(parseScoreInput(s, '4', '2.1').input).toEqual({ type: 'count', count: 4 });
    expect(key(() => parseScoreInput(s, 'ba', '2.1'))).toBe('error-input-count');
  });

  it('reads bonus and penalty counts', () => {
    const s: Scoring = { type: 'tally', plus: 1000, minus: 500, min: 0 };
    expect(parseScoreInput(s, '+2 -1 Hai cờ, một lần chậm', 'T')).toEqual({
      input: { type: 'tally', plus: 2, minus: 1 },
      note: 'Hai cờ, một lần chậm',
    });
    expect(parseScoreInput(s, '+2-1', 'T').input).toEqual({ type: 'tally', plus: 2, minus: 1 });
    expect(parseScoreInput(s, '-3', 'T').input).toEqual({ type: 'tally', plus: 0, minus: 3 });
    expect(parseScoreInput(s, '0', 'T').input).toEqual({ type: 'tally', plus: 0, minus: 0 });
    expect(key(() => parseScoreInput(s, '2', 'T'))).toBe('error-input-tally');
  });

  it('reads actual/target with decimal commas, or the actual alone', () => {
    const s: Scoring = { type: 'target' };
    expect(parseScoreInput(s, '95/100 Kế hoạch giao', '1.2')).toEqual({
      input: { type: 'ratio', actual: 9500, target: 10000 },
      note: 'Kế hoạch giao',
    });
    expect(parseScoreInput(s, '95,5/100', '1.2').input).toEqual({ type: 'ratio', actual: 9550, target: 10000 });
    expect(parseScoreInput(s, '95', '1.2').input).toEqual({ type: 'ratio', actual: 9500, target: null });
    expect(key(() => parseScoreInput(s, '95/0', '1.2'))).toBe('error-input-ratio');
  });

  it('writes every input back in a form it reads again', () => {
    const cases: [Scoring, string][] = [
      [{ type: 'points' }, '8,5'],
      [{ type: 'passfail' }, 'không đạt'],
      [{ type: 'count', each: 100 }, '3'],
      [{ type: 'tally', plus: 100, minus: 100, min: 0 }, '+2 -1'],
      [{ type: 'target' }, '95,5/100'],
    ];
    for (const [scoring, text] of cases) expect(inputText(parseScoreInput(scoring, text, 'X').input)).toBe(text);
  });
});

describe('a criteria table with every kind', () => {
  const TEXT = `I | Nhiệm vụ chuyên môn
1.1 | Tham mưu tổ chức bộ máy | 10
1.2 | Chỉ tiêu giải quyết hồ sơ | 20 | target | evidence
1.3 | Ban hành kế hoạch thi đua | 5 | passfail
1.4 | Tỷ lệ số hóa hồ sơ | 10 | linear | na LS CB
II | Tham gia hoạt động Cụm
2.1 | Lớp tập huấn tổ chức | 10 | count 2,5
2.2 | Kỷ luật, khen thưởng trong năm | 10 | tally 2 1 -5 | none
T | Cờ thi đua | 25 | bonus count 10
D | Chậm báo cáo | 5 | deduction count 1`;

  it('reads kinds, parameters, evidence rules and units not assigned from the body', () => {
    const table = parseCriteriaText(TEXT);
    const by = new Map(table.rows.map((r) => [r.code, r]));
    expect(by.get('1.1')!.scoring).toBeUndefined();
    expect(by.get('1.2')).toMatchObject({
      kind: 'criterion',
      max: 2000,
      scoring: { type: 'target' },
      evidence: 'required',
      sectionCode: 'I',
    });
    expect(by.get('1.3')!.scoring).toEqual({ type: 'passfail' });
    expect(by.get('1.4')).toMatchObject({ scoring: { type: 'linear' }, notAssigned: ['LS', 'CB'] });
    expect(by.get('2.1')!.scoring).toEqual({ type: 'count', each: 250 });
    expect(by.get('2.2')).toMatchObject({ scoring: { type: 'tally', plus: 200, minus: 100, min: -500 }, evidence: 'none' });
    expect(by.get('T')).toMatchObject({ kind: 'bonus', scoring: { type: 'count', each: 1000 } });
    expect(by.get('D')).toMatchObject({ kind: 'deduction', scoring: { type: 'count', each: 100 } });
  });

  it('reads the same table from spreadsheet rows, with evidence and not-assigned columns', () => {
    const rows = [
      ['code', 'title', 'max', 'kind', 'evidence', 'not assigned'],
      ['I', 'Nhiệm vụ chuyên môn', '', 'section', '', ''],
      ['1.1', 'Tham mưu tổ chức bộ máy', '10', 'criterion', '', ''],
      ['1.2', 'Chỉ tiêu giải quyết hồ sơ', '20', 'target', 'bắt buộc', ''],
      ['1.3', 'Ban hành kế hoạch thi đua', '5', 'criterion passfail', '', ''],
      ['1.4', 'Tỷ lệ số hóa hồ sơ', '10', 'linear', '', 'LS, CB'],
      ['2.1', 'Lớp tập huấn tổ chức', '10', 'count 2,5', '', ''],
      ['2.2', 'Kỷ luật, khen thưởng', '10', 'tally 2 1 -5', 'không', ''],
      ['T', 'Cờ thi đua', '25', 'bonus count 10', '', ''],
    ];
    const table = criteriaFromRows(rows);
    const text = parseCriteriaText(TEXT);
    const strip = (t: CriteriaTable) =>
      t.rows.filter((r) => r.code !== 'D' && r.code !== 'II').map(({ title: _t, sectionCode: _s, ...r }) => r);
    expect(strip(table)).toEqual(strip(text));
  });

  it('keeps reading the sample table as it is (no kind parameters)', () => {
    const table = criteriaFromRows([
      ['code', 'title', 'max', 'kind'],
      ['I', 'Thực hiện nhiệm vụ chuyên môn', '', 'section'],
      ['1.1', 'Tham mưu tổ chức bộ máy, biên chế, vị trí việc làm', '10', 'criterion'],
      ['T1', 'Sáng kiến, mô hình mới', '5', 'bonus'],
      ['D1', 'Chậm hoặc thiếu báo cáo', '5', 'deduction'],
    ]);
    expect(table.rows.map((r) => Object.keys(r).sort().join(','))).toEqual(Array(4).fill('code,kind,max,sectionCode,title'));
  });

  it('names every bad kind, parameter and flag by line', () => {
    try {
      parseCriteriaText(`1 | A | 10 | count
2 | B | 10 | tally 2
3 | C | 10 | bonus target
4 | D | 10 | passfail | maybe
5 | E | 10 | guess`);
      expect.unreachable();
    } catch (error) {
      expect((error as LineErrors).problems.map((p) => [p.line, p.key])).toEqual([
        [1, 'error-criteria-scoring'],
        [2, 'error-criteria-scoring'],
        [3, 'error-criteria-scoring-row'],
        [4, 'error-criteria-flag'],
        [5, 'error-criteria-kind'],
      ]);
    }
  });

  it('rejects an unknown scoring word', () => {
    expect(key(() => parseScoringSpec(['weighted']))).toBe('error-criteria-scoring');
    expect(key(() => parseCriteriaText('1 | A | 10 | weighted'))).toBe('error-lines');
  });
});

describe('criteria not assigned to a unit', () => {
  const table = parseCriteriaText(`1 | A | 60
2 | B | 40 | na CB`);

  it('are left out of the unit maximum, and it is classified by its own maximum', () => {
    const cb = computeTotals(
      table,
      new Map([
        ['1', 5700],
        ['2', 4000],
      ]),
      null,
      'CB',
    );
    expect(cb).toMatchObject({ base: 5700, total: 5700, max: 6000 });
    const v = (id: number, code: string, points: number): ScoreVersion => ({ id, criterionCode: code, kind: 'self', points, note: null });
    const result = buildConsolidated(
      table,
      [
        { unitCode: 'CB', unitName: 'Cao Bằng', sheetState: 'submitted', versions: [v(1, '1', 5700)] },
        { unitCode: 'LS', unitName: 'Lạng Sơn', sheetState: 'submitted', versions: [v(2, '1', 5700), v(3, '2', 3000)] },
      ],
      DEFAULT_RULES,
    );
    const by = new Map(result.rows.map((r) => [r.unitCode, r]));
    // CB: 57/60 = 95 % → excellent; LS: 87/100 = 87 % → good, though LS ranks first on total.
    expect(by.get('CB')).toMatchObject({ total: 5700, max: 6000, classification: 'excellent', scores: [5700, null], rank: 2 });
    expect(by.get('LS')).toMatchObject({ total: 8700, max: 10000, classification: 'good', scores: [5700, 3000], rank: 1 });
  });
});
