import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { formatPointsPlain, parseScore, toPoints } from '../../src/domain/score.js';

describe('parseScore', () => {
  it.each([
    ['8,5', 850],
    ['8.5', 850],
    ['10', 1000],
    ['0', 0],
    ['0,25', 25],
    [' 7.05 ', 705],
    ['100', 10000],
  ])('reads %s as %i hundredths', (text, expected) => {
    expect(parseScore(text)).toBe(expected);
  });

  it.each([
    ['8,555', 'error-score-decimals'],
    ['abc', 'error-score-format'],
    ['8,', 'error-score-format'],
    ['1.000,5', 'error-score-format'],
    ['', 'error-score-format'],
    ['-1', 'error-score-negative'],
    ['8 5', 'error-score-format'],
  ])('refuses %s with %s', (text, key) => {
    const attempt = () => parseScore(text);
    expect(attempt).toThrow(UserError);
    try {
      attempt();
    } catch (error) {
      expect((error as UserError).key).toBe(key);
    }
  });

  it('converts hundredths back to points and plain text', () => {
    expect(toPoints(850)).toBe(8.5);
    expect(formatPointsPlain(1005)).toBe('10.05');
    expect(formatPointsPlain(1000)).toBe('10');
  });
});
