import { describe, expect, it } from 'vitest';
import { secretMatches } from '../../../src/adapters/kit/webhook-secret.js';

describe('webhook secret check', () => {
  it('accepts the exact secret only, whatever the lengths', () => {
    expect(secretMatches('right-secret_42', 'right-secret_42')).toBe(true);
    expect(secretMatches('right-secret_43', 'right-secret_42')).toBe(false);
    expect(secretMatches('right', 'right-secret_42')).toBe(false);
    expect(secretMatches('right-secret_42-and-more', 'right-secret_42')).toBe(false);
    expect(secretMatches('', 'right-secret_42')).toBe(false);
    expect(secretMatches(undefined, 'right-secret_42')).toBe(false);
    expect(secretMatches(['right-secret_42'], 'right-secret_42')).toBe(false);
    expect(secretMatches('', '')).toBe(false);
  });
});
