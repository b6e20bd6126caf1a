import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../src/reports/file-name.js';

describe('reportFileName', () => {
  it('names the final table after the year and round', () => {
    expect(reportFileName({ termYear: 2026, roundKind: 'yearend', provisional: false }, 'xlsx')).toBe('bang-tong-hop-2026-tong-ket.xlsx');
    expect(reportFileName({ termYear: 2026, roundKind: 'midyear', provisional: false }, 'csv')).toBe('bang-tong-hop-2026-so-ket.csv');
  });

  it('marks provisional figures in the name', () => {
    expect(reportFileName({ termYear: 2026, roundKind: 'yearend', provisional: true }, 'xlsx')).toBe(
      'bang-tong-hop-2026-tong-ket-tam-tinh.xlsx',
    );
    expect(reportFileName({ termYear: 2025, roundKind: 'midyear', provisional: true }, 'png', 'xep-hang')).toBe(
      'xep-hang-2025-so-ket-tam-tinh.png',
    );
  });

  it('is plain ASCII, safe for every platform', () => {
    for (const provisional of [true, false]) {
      for (const roundKind of ['midyear', 'yearend'] as const) {
        expect(reportFileName({ termYear: 2026, roundKind, provisional }, 'csv')).toMatch(/^[a-z0-9-]+\.csv$/);
      }
    }
  });
});
