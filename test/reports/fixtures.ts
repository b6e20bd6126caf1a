import { parse } from 'csv-parse/sync';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildConsolidated, type UnitSheet } from '../../src/domain/consolidated.js';
import { criteriaFromRows, scorableRows, type CriteriaTable } from '../../src/domain/criteria.js';
import { DEFAULT_RULES } from '../../src/domain/rules.js';
import type { ScoreVersion } from '../../src/domain/sheet.js';
import { I18n } from '../../src/i18n/i18n.js';
import type { AuditEntry, ReportInput, UnitDetail } from '../../src/reports/types.js';
import { unitDetail } from '../../src/reports/unit-detail.js';

/**
 * Translators built from this area's own locale files only (copied to a temporary folder), so
 * these tests do not depend on the core `vi.ftl`/`en.ftl` being present or finished.
 */
export function reportsI18n(): I18n {
  const dir = mkdtempSync(join(tmpdir(), 'reports-locales-'));
  for (const file of ['vi.reports.ftl', 'en.reports.ftl']) copyFileSync(resolve('locales', file), join(dir, file));
  return new I18n(dir);
}

/** The sample criteria table of the Home Affairs clusters (examples/criteria-home-affairs.csv). */
export function sampleCriteria(): CriteriaTable {
  const text = readFileSync('examples/criteria-home-affairs.csv', 'utf8');
  return criteriaFromRows(parse(text, { relax_column_count: true }) as string[][]);
}

/**
 * The 13 Mekong Home Affairs departments (examples/units-mekong.txt), Cần Thơ renamed with the
 * characters CSV, XML and HTML must escape (a comma, quotes, `&`, `<`, `>`).
 */
export const MEKONG_UNITS: [string, string][] = readFileSync('examples/units-mekong.txt', 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line): [string, string] => {
    const code = line.split(' ')[0]!;
    return [code, code === 'CT' ? 'Sở Nội vụ thành phố Cần Thơ, "TP trực thuộc TW" & <Tây Đô>' : line.slice(code.length + 1)];
  });

/** A small deterministic generator, so every run scores the same. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** How well each unit (in MEKONG_UNITS order) scores itself: every classification band occurs. */
const LEVELS = [0.99, 0.97, 0.9, 0.85, 0.85, 0.82, 0.78, 0.7, 0.62, 0.55, 0.5, 0.4, 0.3];

/** Who did what, when: the fixture's audit entries are derived from the versions. */
const START = Date.UTC(2026, 10, 20, 2, 0);

/**
 * Score versions for one unit: a self-score for every scorable row (criteria around `level` of
 * their maximum, in quarter points; bonus and deductions sometimes), then reviews of a few
 * criteria to lower scores (later ids win).
 */
function versionsFor(table: CriteriaTable, seed: number, level: number): ScoreVersion[] {
  const next = random(seed);
  const versions: ScoreVersion[] = [];
  let id = 1;
  for (const row of scorableRows(table)) {
    let points: number;
    if (row.kind === 'criterion') points = Math.round((row.max * Math.min(1, level + 0.08 * (next() - 0.3))) / 25) * 25;
    else points = next() < 0.4 ? Math.round((row.max * next()) / 50) * 50 : 0;
    versions.push({ id: id++, criterionCode: row.code, kind: 'self', points, note: next() < 0.3 ? `Minh chứng số ${id}/BC-SNV` : null });
  }
  for (const row of scorableRows(table).filter((r) => r.kind === 'criterion')) {
    if (next() < 0.25) {
      const self = versions.find((v) => v.criterionCode === row.code)!;
      versions.push({
        id: id++,
        criterionCode: row.code,
        kind: 'review',
        points: Math.max(0, self.points - 50),
        note: 'Chưa đủ minh chứng',
      });
    }
  }
  return versions;
}

/** Options of `sampleInput`. */
export interface SampleOptions {
  provisional?: boolean;
  roundKind?: ReportInput['roundKind'];
  /** Units with no sheet (they must come last, with empty scores). */
  withoutSheet?: string[];
}

/**
 * A full report input for the 13 Mekong units on the sample criteria, built with the real
 * domain (`buildConsolidated`). CM and CT get identical sheets, so they tie and share a rank.
 */
export function sampleInput(options: SampleOptions = {}): {
  input: ReportInput;
  criteria: CriteriaTable;
  versions: Map<string, ScoreVersion[] | null>;
} {
  const criteria = sampleCriteria();
  const withoutSheet = new Set(options.withoutSheet ?? ['VL']);
  const versions = new Map<string, ScoreVersion[] | null>();
  MEKONG_UNITS.forEach(([code], i) => {
    const twin = code === 'CT' ? 3 : i;
    versions.set(code, withoutSheet.has(code) ? null : versionsFor(criteria, twin + 1, LEVELS[twin]!));
  });
  const sheets: UnitSheet[] = MEKONG_UNITS.map(([code, name]) => ({
    unitCode: code,
    unitName: name,
    sheetState: versions.get(code) ? (code === 'AG' ? 'confirmed' : 'reviewed') : null,
    versions: versions.get(code) ?? null,
  }));
  const table = buildConsolidated(criteria, sheets, DEFAULT_RULES);

  const units: UnitDetail[] = sheets.map((s) => unitDetail(s, criteria, s.versions ?? []));

  const audit: AuditEntry[] = [];
  for (const s of sheets) {
    for (const v of s.versions ?? []) {
      if (v.kind !== 'review') continue;
      const self = s.versions!.find((x) => x.kind === 'self' && x.criterionCode === v.criterionCode)!;
      // As `/review` writes it: points in hundredths, the reason with the new score.
      audit.push({
        at: new Date(START + audit.length * 37 * 60_000),
        actor: 'Nguyễn Thị Thu Hà (Thư ký cụm)',
        action: 'score.review',
        subject: s.unitCode,
        before: JSON.stringify({ code: v.criterionCode, points: self.points, state: 'submitted' }),
        after: JSON.stringify({ code: v.criterionCode, points: v.points, reason: v.note, state: 'reviewed' }),
      });
    }
  }
  // Recorded out of order on purpose: the sheet must list them oldest first.
  audit.reverse();
  audit.push({
    at: new Date(START - 86_400_000),
    actor: 'Trần Văn Bình',
    action: 'sheet.submit',
    subject: 'AG',
    before: JSON.stringify({ state: 'draft' }),
    after: JSON.stringify({ state: 'submitted', total: 9250 }),
  });

  const provisional = options.provisional ?? false;
  return {
    criteria,
    versions,
    input: {
      clusterName: 'Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ',
      termYear: 2026,
      roundKind: options.roundKind ?? 'yearend',
      roundState: provisional ? 'review' : 'closed',
      provisional,
      deadline: new Date(Date.UTC(2026, 11, 5, 16, 59)),
      exportedAt: new Date(Date.UTC(2026, 11, 10, 3, 30)),
      timezone: 'Asia/Ho_Chi_Minh',
      table,
      units,
      audit,
    },
  };
}

/** The consolidated table's header row as CONTRACT.md fixes it, in Vietnamese, for `table`'s criteria. */
export function contractHeaderVi(table: { criteria: { code: string }[] }): string[] {
  return ['Hạng', 'Mã đơn vị', 'Tên đơn vị', ...table.criteria.map((c) => c.code), 'Điểm thưởng', 'Điểm trừ', 'Tổng điểm', 'Xếp loại'];
}
