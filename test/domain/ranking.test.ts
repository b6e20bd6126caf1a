import { describe, expect, it } from 'vitest';
import { buildConsolidated } from '../../src/domain/consolidated.js';
import { parseCriteriaText } from '../../src/domain/criteria.js';
import { rankUnits } from '../../src/domain/ranking.js';
import { classify, DEFAULT_RULES, parseRules } from '../../src/domain/rules.js';
import { currentScores, type ScoreVersion } from '../../src/domain/sheet.js';
import { computeTotals } from '../../src/domain/totals.js';

const TABLE = parseCriteriaText(`I | A
1 | one | 50
2 | two | 30
II | B
3 | three | 20
T | bonus | 5 | bonus
D | late | 5 | deduction`);

const scores = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('totals', () => {
  it('adds criteria, capped bonus, minus deductions', () => {
    const t = computeTotals(TABLE, scores({ '1': 4000, '2': 2500, '3': 1000, T: 500, D: 200 }));
    expect([t.base, t.bonus, t.deductions, t.total, t.deductionCount]).toEqual([7500, 500, 200, 7800, 1]);
    expect(t.bySection.get('I')).toBe(6500);
    expect(t.bySection.get('II')).toBe(1000);
    expect(computeTotals(TABLE, scores({ '1': 4000, T: 500 }), 300).bonus).toBe(300);
  });

  it('never goes below zero and treats missing scores as zero', () => {
    expect(computeTotals(TABLE, scores({ D: 500 })).total).toBe(0);
  });
});

describe('ranking', () => {
  const rank = (units: Record<string, Record<string, number> | null>) =>
    rankUnits(
      TABLE,
      Object.entries(units).map(([code, s]) => ({ unitCode: code, unitName: code, totals: s ? computeTotals(TABLE, scores(s)) : null })),
      DEFAULT_RULES,
      10000,
    ).map((r) => [r.rank, r.unitCode]);

  it('orders by total', () => {
    expect(rank({ A: { '1': 3000 }, B: { '1': 5000 }, C: { '1': 4000 } })).toEqual([
      [1, 'B'],
      [2, 'C'],
      [3, 'A'],
    ]);
  });

  it('breaks ties by the first section, then fewer deductions', () => {
    expect(rank({ A: { '1': 4000, '3': 2000 }, B: { '1': 5000, '3': 1000 } })).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
    // Same total (bonus offsets deduction), same first section: fewer deductions wins.
    expect(rank({ A: { '1': 5000, D: 100, T: 100 }, B: { '1': 5000 } })).toEqual([
      [1, 'B'],
      [2, 'A'],
    ]);
    expect(rank({ A: { '1': 4900, '3': 100, D: 100 }, B: { '1': 4900, '3': 200, D: 200 } })).toEqual([
      [1, 'A'],
      [2, 'B'],
    ]);
    // The first section outranks deductions.
    expect(rank({ A: { '1': 5000, '2': 100, D: 200 }, B: { '1': 5000, D: 100 } })).toEqual([
      [1, 'A'],
      [2, 'B'],
    ]);
  });

  it('keeps ties where every rule is equal, listed by code, and the next rank skips', () => {
    expect(rank({ C: { '1': 5000 }, A: { '1': 5000 }, B: { '1': 5000, '2': 1000 }, D: { '1': 1000 } })).toEqual([
      [1, 'B'],
      [2, 'A'],
      [2, 'C'],
      [4, 'D'],
    ]);
  });

  it('puts units with no sheet last, tied among themselves', () => {
    expect(rank({ X: null, A: { '1': 1000 }, W: null })).toEqual([
      [1, 'A'],
      [2, 'W'],
      [2, 'X'],
    ]);
  });

  it('follows a cluster that drops the first-section rule', () => {
    const rules = parseRules(JSON.stringify({ tieBreaks: ['fewer-deductions'] }));
    const ranked = rankUnits(
      TABLE,
      [
        { unitCode: 'A', unitName: 'A', totals: computeTotals(TABLE, scores({ '1': 4000, '3': 2000 })) },
        { unitCode: 'B', unitName: 'B', totals: computeTotals(TABLE, scores({ '1': 5000, '3': 1000 })) },
      ],
      rules,
      10000,
    );
    expect(ranked.map((r) => r.rank)).toEqual([1, 1]);
  });
});

describe('classification', () => {
  it('uses default bands as percent of the scale', () => {
    expect(classify(9500, 10000, DEFAULT_RULES.bands)).toBe('excellent');
    expect(classify(9499, 10000, DEFAULT_RULES.bands)).toBe('good');
    expect(classify(8000, 10000, DEFAULT_RULES.bands)).toBe('good');
    expect(classify(5000, 10000, DEFAULT_RULES.bands)).toBe('completed');
    expect(classify(4999, 10000, DEFAULT_RULES.bands)).toBe('not-completed');
    expect(classify(95000, 100000, DEFAULT_RULES.bands)).toBe('excellent');
  });

  it('takes per-cluster bands', () => {
    const rules = parseRules(
      JSON.stringify({
        bands: [
          { minPercent: 85, label: 'good' },
          { minPercent: 90, label: 'excellent' },
        ],
      }),
    );
    expect(classify(9000, 10000, rules.bands)).toBe('excellent');
    expect(classify(8600, 10000, rules.bands)).toBe('good');
    expect(classify(8400, 10000, rules.bands)).toBe('not-completed');
  });

  it('refuses stored rules it does not understand', () => {
    expect(() => parseRules(JSON.stringify({ bands: [{ minPercent: 120, label: 'good' }] }))).toThrow();
  });
});

describe('score versions and the consolidated table', () => {
  const v = (id: number, code: string, kind: 'self' | 'review', points: number): ScoreVersion => ({
    id,
    criterionCode: code,
    kind,
    points,
    note: null,
  });

  it('counts the latest version, reviewed over self', () => {
    const current = currentScores([v(3, '1', 'self', 4000), v(1, '1', 'self', 3000), v(5, '1', 'review', 3500), v(2, '2', 'self', 1000)]);
    expect(current.self.get('1')?.points).toBe(4000);
    expect(current.counted.get('1')).toBe(3500);
    expect(current.counted.get('2')).toBe(1000);
  });

  it('builds rows by rank with criterion columns and sums; a unit that never submitted is listed last, unranked', () => {
    const table = buildConsolidated(
      TABLE,
      [
        {
          unitCode: 'A',
          unitName: 'Alpha',
          sheetState: 'confirmed',
          versions: [v(1, '1', 'self', 5000), v(2, 'T', 'self', 300), v(3, 'D', 'self', 100)],
        },
        { unitCode: 'B', unitName: 'Beta', sheetState: null, versions: null },
        {
          unitCode: 'C',
          unitName: 'Gamma',
          sheetState: 'reviewed',
          versions: [v(4, '1', 'self', 5000), v(5, '2', 'self', 3000), v(6, '2', 'review', 2000)],
        },
      ],
      DEFAULT_RULES,
    );
    expect(table.criteria.map((c) => c.code)).toEqual(['1', '2', '3']);
    expect(table.maxTotal).toBe(10000);
    expect(table.rows.map((r) => [r.rank, r.unitCode, r.scores, r.bonus, r.deductions, r.total, r.classification])).toEqual([
      [1, 'C', [5000, 2000, 0], 0, 0, 7000, 'completed'],
      [2, 'A', [5000, 0, 0], 300, 100, 5200, 'completed'],
      [null, 'B', [null, null, null], null, null, null, null],
    ]);
  });
});
