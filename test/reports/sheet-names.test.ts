import { describe, expect, it } from 'vitest';
import { SheetNames } from '../../src/reports/sheet-names.js';

describe('SheetNames', () => {
  it('keeps a valid name as it is', () => {
    expect(new SheetNames().take('Bảng tổng hợp')).toBe('Bảng tổng hợp');
  });

  it('replaces forbidden characters, trims apostrophes and cuts to 31 characters', () => {
    const names = new SheetNames();
    expect(names.take('a[b]c:d*e?f/g\\h')).toBe('a-b-c-d-e-f-g-h');
    expect(names.take("'quoted'")).toBe('quoted');
    expect(names.take('Sở Nội vụ tỉnh Bà Rịa – Vũng Tàu và nhiều chữ nữa')).toHaveLength(31);
  });

  it('makes names unique ignoring case, avoids History and falls back when nothing is left', () => {
    const names = new SheetNames();
    expect(names.take('BL')).toBe('BL');
    expect(names.take('bl')).toBe('bl (2)');
    expect(names.take('Bl')).toBe('Bl (3)');
    expect(names.take('history')).toBe('history (2)');
    expect(names.take("''", 'U5')).toBe('U5');
  });

  it('composes Vietnamese typed with combining marks', () => {
    expect(new SheetNames().take('Thông tin'.normalize('NFD'))).toBe('Thông tin'.normalize('NFC'));
  });
});
