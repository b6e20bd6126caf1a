import { LineErrors, UserError, type LineProblem } from './errors.js';
import { parseScore, type Hundredths } from './score.js';

/** What a row of the criteria table is. */
export type CriterionKind = 'section' | 'criterion' | 'bonus' | 'deduction';

/** One row of a criteria table (bảng tiêu chí chấm điểm). */
export interface CriterionRow {
  code: string;
  title: string;
  kind: CriterionKind;
  /** Maximum in hundredths; the cap for bonus and deduction rows; 0 for sections. */
  max: Hundredths;
  /** The section the row belongs to, if any. */
  sectionCode: string | null;
}

/** A year's criteria table, rows in their written order. */
export interface CriteriaTable {
  rows: CriterionRow[];
}

/** Figures shown back to the secretary after a table is set. */
export interface CriteriaSummary {
  sections: { code: string; title: string; max: Hundredths; count: number }[];
  criterionCount: number;
  /** Σ of criterion maxima: the scale (usually 100). */
  maxTotal: Hundredths;
  bonusCap: Hundredths;
  deductionCap: Hundredths;
}

const KIND_WORDS: Record<string, CriterionKind> = {
  criterion: 'criterion',
  tieuchi: 'criterion',
  'tiêu chí': 'criterion',
  section: 'section',
  muc: 'section',
  'mục': 'section',
  bonus: 'bonus',
  thuong: 'bonus',
  'thưởng': 'bonus',
  'điểm thưởng': 'bonus',
  deduction: 'deduction',
  tru: 'deduction',
  'trừ': 'deduction',
  'điểm trừ': 'deduction',
};

/** Normalises a criterion or unit code for comparison: trimmed, upper-case. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

interface RawRow {
  line: number;
  code: string;
  title: string;
  max: string;
  kind: string;
}

/**
 * Parses the `/criteria` body: one row a line, `CODE | TITLE | MAX [| bonus|deduction]`, or
 * `CODE | TITLE` for a section heading. Blank lines and lines starting with `#` are skipped.
 *
 * @throws LineErrors listing every bad line
 */
export function parseCriteriaText(body: string): CriteriaTable {
  const raw: RawRow[] = [];
  body.split(/\r?\n/).forEach((text, index) => {
    const line = text.trim();
    if (!line || line.startsWith('#')) return;
    const cells = line.split('|').map((c) => c.trim());
    const [code = '', title = '', max = '', kind = ''] = cells;
    raw.push({ line: index + 1, code, title, max, kind: cells.length === 2 ? 'section' : kind || 'criterion' });
  });
  return buildTable(raw);
}

/**
 * Builds a table from spreadsheet rows (CSV or the first sheet of an `.xlsx`): a header row
 * naming `code`, `title`, `max` and `kind` columns (in any order), then one row a criterion.
 * `examples/criteria-home-affairs.csv` is the reference shape.
 *
 * @throws LineErrors listing every bad row (numbered as in the file, header = 1)
 */
export function criteriaFromRows(rows: string[][]): CriteriaTable {
  const [header, ...data] = rows;
  if (!header) throw new UserError('error-criteria-empty');
  const names = header.map((h) => h.trim().toLowerCase().replace(/^\ufeff/, ''));
  const col = (...aliases: string[]) => names.findIndex((n) => aliases.includes(n));
  const at = { code: col('code', 'mã', 'ma'), title: col('title', 'tên', 'ten', 'nội dung'), max: col('max', 'điểm tối đa', 'diem toi da', 'tối đa'), kind: col('kind', 'loại', 'loai') };
  if (at.code < 0 || at.title < 0 || at.max < 0) throw new UserError('error-criteria-header');
  const raw: RawRow[] = [];
  data.forEach((cells, index) => {
    const get = (i: number) => (i >= 0 ? String(cells[i] ?? '').trim() : '');
    if (cells.every((c) => !String(c ?? '').trim())) return;
    const max = get(at.max);
    raw.push({ line: index + 2, code: get(at.code), title: get(at.title), max, kind: get(at.kind) || (max ? 'criterion' : 'section') });
  });
  return buildTable(raw);
}

function buildTable(raw: RawRow[]): CriteriaTable {
  const problems: LineProblem[] = [];
  const rows: CriterionRow[] = [];
  const seen = new Set<string>();
  let section: string | null = null;
  for (const r of raw) {
    const code = normaliseCode(r.code);
    const kind = KIND_WORDS[r.kind.toLowerCase()];
    const problem = (key: string, args: Record<string, string | number> = {}) =>
      problems.push({ line: r.line, key, args: { code: r.code, ...args } });
    if (!code || /\s/.test(code)) { problem('error-criteria-code'); continue; }
    if (!r.title) { problem('error-criteria-title'); continue; }
    if (!kind) { problem('error-criteria-kind', { kind: r.kind }); continue; }
    if (seen.has(code)) { problem('error-criteria-duplicate'); continue; }
    seen.add(code);
    if (kind === 'section') {
      section = code;
      rows.push({ code, title: r.title, kind, max: 0, sectionCode: null });
      continue;
    }
    let max: number;
    try {
      max = parseScore(r.max);
    } catch {
      problem('error-criteria-max', { max: r.max });
      continue;
    }
    if (max <= 0) { problem('error-criteria-max', { max: r.max }); continue; }
    rows.push({ code, title: r.title, kind, max, sectionCode: kind === 'criterion' ? section : null });
  }
  if (problems.length) throw new LineErrors(problems);
  if (!rows.some((r) => r.kind === 'criterion')) throw new UserError('error-criteria-none');
  return { rows };
}

/** Totals of a table, as shown back to the secretary. */
export function summariseCriteria(table: CriteriaTable): CriteriaSummary {
  const sum = (kind: CriterionKind) => table.rows.filter((r) => r.kind === kind).reduce((s, r) => s + r.max, 0);
  const sections = table.rows
    .filter((r) => r.kind === 'section')
    .map((s) => {
      const members = table.rows.filter((r) => r.sectionCode === s.code);
      return { code: s.code, title: s.title, max: members.reduce((t, r) => t + r.max, 0), count: members.length };
    });
  return {
    sections,
    criterionCount: table.rows.filter((r) => r.kind === 'criterion').length,
    maxTotal: sum('criterion'),
    bonusCap: sum('bonus'),
    deductionCap: sum('deduction'),
  };
}

/** The rows a unit scores (everything but section headings). */
export function scorableRows(table: CriteriaTable): CriterionRow[] {
  return table.rows.filter((r) => r.kind !== 'section');
}
