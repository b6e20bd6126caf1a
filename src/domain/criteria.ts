import { isScoringWord, parseScoringSpec, POINTS, type Scoring } from './criterion-kinds.js';
import { LineErrors, UserError, type LineProblem } from './errors.js';
import { parseScore, type Hundredths } from './score.js';

/** Whether a criterion asks for evidence (minh chứng): checked at `/submit` when required. */
export type EvidenceRule = 'none' | 'optional' | 'required';

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
  /** How the row is scored; absent = `points` (0..max). See `criterion-kinds.ts`. */
  scoring?: Scoring;
  /** Evidence asked for the row; absent = `optional`. */
  evidence?: EvidenceRule;
  /** Codes of the units the row does not apply to: left out of their maximum. */
  notAssigned?: string[];
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
  mục: 'section',
  bonus: 'bonus',
  thuong: 'bonus',
  thưởng: 'bonus',
  'điểm thưởng': 'bonus',
  deduction: 'deduction',
  tru: 'deduction',
  trừ: 'deduction',
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
  /** Extra cells: `evidence`/`minhchung`, `na BL LA`/`khongapdung BL LA`. */
  flags: string[];
  /** The CSV's evidence column, when it has one. */
  evidence?: string;
  /** The CSV's not-assigned column, when it has one. */
  notAssigned?: string;
}

/** Evidence words of a flag cell or the evidence column. */
const EVIDENCE_WORDS: Record<string, EvidenceRule> = {
  evidence: 'required',
  required: 'required',
  minhchung: 'required',
  'minh chứng': 'required',
  batbuoc: 'required',
  'bắt buộc': 'required',
  yes: 'required',
  x: 'required',
  có: 'required',
  co: 'required',
  optional: 'optional',
  tuychon: 'optional',
  'tùy chọn': 'optional',
  'tuỳ chọn': 'optional',
  '': 'optional',
  none: 'none',
  noevidence: 'none',
  khongminhchung: 'none',
  không: 'none',
  khong: 'none',
  no: 'none',
};

/** `na BL LA`, `khongapdung: BL, LA`, `không áp dụng BL`: the units named, or null for another flag. */
function notAssignedFlag(cell: string): string[] | null {
  const match = /^(?:na|n\/a|khongapdung|không áp dụng)\s*:?\s*(.*)$/i.exec(cell.trim());
  return match ? unitList(match[1]!) : null;
}

/** Flags that may stand where the kind is left out: not-assigned units, evidence required. */
function isFlagCell(cell: string): boolean {
  return (
    notAssignedFlag(cell) !== null ||
    ['evidence', 'minhchung', 'minh chứng', 'required', 'batbuoc', 'bắt buộc'].includes(cell.trim().toLowerCase())
  );
}

/** Unit codes separated by spaces, commas or semicolons, normalised. */
function unitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(normaliseCode);
}

/**
 * The row kind and scoring of a kind cell: `bonus`, `criterion passfail`, `passfail`,
 * `count 2`, `điểm thưởng count 10`… The row kind may be left out (a criterion).
 */
function readKindCell(cell: string): { kind: CriterionKind | undefined; scoring: Scoring } {
  const words = cell.trim().split(/\s+/).filter(Boolean);
  for (const n of [2, 1]) {
    const kind = KIND_WORDS[words.slice(0, n).join(' ').toLowerCase()];
    if (kind && words.length >= n) return { kind, scoring: parseScoringSpec(words.slice(n)) };
  }
  if (words.length && !isScoringWord(words)) return { kind: undefined, scoring: POINTS };
  return { kind: words.length ? 'criterion' : undefined, scoring: parseScoringSpec(words) };
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
    const [code = '', title = '', max = '', ...after] = cells;
    // The kind may be left out before the flags: `1 | A | 10 | na CB` is a criterion.
    const kind = after[0] !== undefined && isFlagCell(after[0]) ? '' : (after.shift() ?? '');
    const flags = after;
    raw.push({ line: index + 1, code, title, max, kind: cells.length === 2 ? 'section' : kind || 'criterion', flags });
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
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/^\ufeff/, ''),
  );
  const col = (...aliases: string[]) => names.findIndex((n) => aliases.includes(n));
  const at = {
    code: col('code', 'mã', 'ma'),
    title: col('title', 'tên', 'ten', 'nội dung'),
    max: col('max', 'điểm tối đa', 'diem toi da', 'tối đa'),
    kind: col('kind', 'loại', 'loai'),
    evidence: col('evidence', 'minh chứng', 'minhchung'),
    notAssigned: col('not assigned', 'not_assigned', 'na', 'không áp dụng', 'khongapdung'),
  };
  if (at.code < 0 || at.title < 0 || at.max < 0) throw new UserError('error-criteria-header');
  const raw: RawRow[] = [];
  data.forEach((cells, index) => {
    const get = (i: number) => (i >= 0 ? String(cells[i] ?? '').trim() : '');
    if (cells.every((c) => !String(c ?? '').trim())) return;
    const max = get(at.max);
    raw.push({
      line: index + 2,
      code: get(at.code),
      title: get(at.title),
      max,
      kind: get(at.kind) || (max ? 'criterion' : 'section'),
      flags: [],
      evidence: at.evidence >= 0 ? get(at.evidence) : undefined,
      notAssigned: at.notAssigned >= 0 ? get(at.notAssigned) : undefined,
    });
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
    const problem = (key: string, args: Record<string, string | number> = {}) =>
      problems.push({ line: r.line, key, args: { code: r.code, ...args } });
    let read: ReturnType<typeof readKindCell>;
    try {
      read = readKindCell(r.kind);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problem(error.key, error.args);
      continue;
    }
    const { kind, scoring } = read;
    if (!code || /\s/.test(code)) {
      problem('error-criteria-code');
      continue;
    }
    if (!r.title) {
      problem('error-criteria-title');
      continue;
    }
    if (!kind) {
      problem('error-criteria-kind', { kind: r.kind });
      continue;
    }
    if (kind !== 'criterion' && !['points', 'passfail', 'count'].includes(scoring.type)) {
      problem('error-criteria-scoring-row', { kind: r.kind });
      continue;
    }
    const extras = readFlags(r);
    if (typeof extras === 'string') {
      problem('error-criteria-flag', { flag: extras });
      continue;
    }
    if (seen.has(code)) {
      problem('error-criteria-duplicate');
      continue;
    }
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
    if (max <= 0) {
      problem('error-criteria-max', { max: r.max });
      continue;
    }
    rows.push({
      code,
      title: r.title,
      kind,
      max,
      sectionCode: kind === 'criterion' ? section : null,
      ...(scoring.type !== POINTS.type ? { scoring } : {}),
      ...(extras.evidence !== 'optional' ? { evidence: extras.evidence } : {}),
      ...(extras.notAssigned.length ? { notAssigned: extras.notAssigned } : {}),
    });
  }
  if (problems.length) throw new LineErrors(problems);
  if (!rows.some((r) => r.kind === 'criterion')) throw new UserError('error-criteria-none');
  return { rows };
}

/** The evidence rule and not-assigned units of a raw row, or the first cell not understood. */
function readFlags(r: RawRow): { evidence: EvidenceRule; notAssigned: string[] } | string {
  let evidence: EvidenceRule = 'optional';
  const notAssigned: string[] = [];
  if (r.evidence !== undefined) {
    const rule = EVIDENCE_WORDS[r.evidence.toLowerCase()];
    if (!rule) return r.evidence;
    evidence = rule;
  }
  if (r.notAssigned) notAssigned.push(...unitList(r.notAssigned));
  for (const cell of r.flags.filter(Boolean)) {
    const units = notAssignedFlag(cell);
    if (units) {
      notAssigned.push(...units);
      continue;
    }
    const rule = EVIDENCE_WORDS[cell.toLowerCase()];
    if (!rule || cell === '') return cell;
    evidence = rule;
  }
  return { evidence, notAssigned: [...new Set(notAssigned)] };
}

/** True when the row applies to the unit (it is not among the row's not-assigned units). */
export function assignedTo(row: Pick<CriterionRow, 'notAssigned'>, unitCode: string): boolean {
  return !row.notAssigned?.includes(normaliseCode(unitCode));
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
