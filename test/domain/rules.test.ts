import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { classify, DEFAULT_RULES, parseRules, serializeRules, withBands, withBonusCap, withTieBreaks } from '../../src/domain/rules.js';

function errorKey(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof UserError ? error.key : 'not a UserError';
  }
  return undefined;
}

describe('cluster rules', () => {
  it('default to ≥ 95 / 80 / 50 % of the scale, first section then fewer deductions, no overall cap', () => {
    expect(parseRules('{}')).toEqual(DEFAULT_RULES);
    expect(classify(9500, 10000, DEFAULT_RULES.bands)).toBe('excellent');
    expect(classify(9499, 10000, DEFAULT_RULES.bands)).toBe('good');
    expect(classify(4999, 10000, DEFAULT_RULES.bands)).toBe('not-completed');
  });

  it('take new bands that fall strictly within (0, 100], and refuse anything else', () => {
    const rules = withBands(DEFAULT_RULES, [90, 75, 50.5]);
    expect(classify(9000, 10000, rules.bands)).toBe('excellent');
    expect(classify(5049, 10000, rules.bands)).toBe('not-completed');
    for (const bad of [
      [90, 90, 50],
      [80, 90, 50],
      [100, 80],
      [101, 80, 50],
      [95, 80, 0],
      [95, 80, Number.NaN],
    ]) {
      expect(errorKey(() => withBands(DEFAULT_RULES, bad))).toBe('error-rules-bands');
    }
  });

  it('take tie-breaks in English or Vietnamese words, none, and refuse repeats or unknown words', () => {
    expect(withTieBreaks(DEFAULT_RULES, ['ittru', 'MUCDAU']).tieBreaks).toEqual(['fewer-deductions', 'first-section']);
    expect(withTieBreaks(DEFAULT_RULES, ['none']).tieBreaks).toEqual([]);
    expect(errorKey(() => withTieBreaks(DEFAULT_RULES, ['ittru', 'fewer-deductions']))).toBe('error-rules-tiebreak');
    expect(errorKey(() => withTieBreaks(DEFAULT_RULES, ['code']))).toBe('error-rules-tiebreak');
    expect(errorKey(() => withTieBreaks(DEFAULT_RULES, []))).toBe('error-rules-tiebreak');
  });

  it('read back what they stored', () => {
    const rules = withBonusCap(withTieBreaks(withBands(DEFAULT_RULES, [92.5, 80, 60]), ['none']), 1000);
    expect(parseRules(serializeRules(rules))).toEqual(rules);
  });
});
