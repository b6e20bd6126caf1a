import { FluentResource } from '@fluent/bundle';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportsI18n } from './fixtures.js';

const dir = resolve('locales');
const ids = (file: string) => new FluentResource(readFileSync(join(dir, file), 'utf8')).body.map((entry) => entry.id);

/** Every message id the reports code asks for, with the families built from a variable. */
function usedIds(): Set<string> {
  const used = new Set<string>();
  const src = resolve('src/reports');
  for (const file of readdirSync(src).filter((f) => f.endsWith('.ts'))) {
    for (const m of readFileSync(join(src, file), 'utf8').matchAll(/'(report-[a-z0-9-]+)'/g)) used.add(m[1]!);
  }
  const families: Record<string, string[]> = {
    'report-class-': ['excellent', 'good', 'completed', 'not-completed'],
    'report-round-': ['midyear', 'yearend'],
    'report-round-state-': ['open', 'review', 'closed'],
    'report-sheet-state-': ['draft', 'submitted', 'reviewed', 'confirmed', 'disputed'],
    'report-kind-': ['criterion', 'bonus', 'deduction'],
    'report-audit-action-': [
      'score-self',
      'score-review',
      'sheet-submit',
      'sheet-confirm',
      'sheet-explain',
      'round-open',
      'round-deadline',
      'round-close',
      'review-assign',
    ],
  };
  for (const [prefix, values] of Object.entries(families)) for (const v of values) used.add(prefix + v);
  return used;
}

describe('reports locales', () => {
  const vi = ids('vi.reports.ftl');
  const en = ids('en.reports.ftl');

  it('defines the same ids in Vietnamese and English, each once', () => {
    expect(new Set(vi).size).toBe(vi.length);
    expect(new Set(en).size).toBe(en.length);
    expect([...vi].sort()).toEqual([...en].sort());
  });

  it('defines every id the reports use, and only report-* ids', () => {
    for (const id of usedIds()) expect(vi, id).toContain(id);
    for (const id of vi) expect(id).toMatch(/^report-/);
  });

  it('formats every message in both languages', () => {
    const i18n = reportsI18n();
    const args = {
      ...{ year: '2026', round: 'Tổng kết năm', max: 100, at: '10/12/2026 10:30', code: '1.1', points: 8.5, before: 9.5, after: 8 },
      ...{ total: 92.25, deadline: '10/12/2026 23:59', units: 13, reviewer: 'LA', unit: 'BL' },
    };
    for (const locale of ['vi', 'en'] as const) for (const id of vi) expect(i18n.format(locale, id, args)).not.toBe('');
    expect(i18n.format('vi', 'report-scale', { max: 1000.5 })).toBe('Thang điểm 1000,5');
    expect(i18n.format('vi', 'report-audit-score', { code: '1.1', before: 9.5, after: 8 })).toBe('1.1: 9,5 → 8');
    expect(i18n.format('en', 'report-audit-score', { code: '1.1', before: 9.5, after: 8 })).toBe('1.1: 9.5 → 8');
  });

  it('writes Vietnamese with its diacritics and sheet names Excel accepts', () => {
    const i18n = reportsI18n();
    expect(i18n.format('vi', 'report-col-class')).toBe('Xếp loại');
    expect(i18n.format('vi', 'report-class-excellent')).toBe('Xuất sắc');
    for (const locale of ['vi', 'en'] as const) {
      for (const id of ['report-sheet-table', 'report-sheet-info', 'report-sheet-audit']) {
        const name = i18n.format(locale, id);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[\\/:*?[\]]/);
      }
    }
  });

  it('does not clash with ids of the other locale files', () => {
    for (const locale of ['vi', 'en']) {
      const others = readdirSync(dir).filter(
        (f) => f.endsWith('.ftl') && (f === `${locale}.ftl` || f.startsWith(`${locale}.`)) && f !== `${locale}.reports.ftl`,
      );
      const mine = new Set(ids(`${locale}.reports.ftl`));
      for (const file of others)
        if (existsSync(join(dir, file))) for (const id of ids(file)) expect(mine.has(id), `${id} in ${file}`).toBe(false);
    }
  });
});
