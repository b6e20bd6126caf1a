import type { Band } from '../domain/rules.js';
import type { Translate } from '../i18n/i18n.js';
import type { ReportInput, UnitDetailRow } from './types.js';

/**
 * Locale ids of the report column headers, shared by the CSV, the workbook and the chart so a
 * heading reads the same everywhere (`locales/*.reports.ftl`).
 */
export const COLUMN = {
  rank: 'report-col-rank',
  unitCode: 'report-col-unit-code',
  unitName: 'report-col-unit-name',
  bonus: 'report-col-bonus',
  deductions: 'report-col-deductions',
  total: 'report-col-total',
  classification: 'report-col-class',
  criterionCode: 'report-col-criterion-code',
  criterionTitle: 'report-col-criterion-title',
  kind: 'report-col-kind',
  max: 'report-col-max',
  self: 'report-col-self',
  note: 'report-col-note',
  reviewed: 'report-col-reviewed',
  reason: 'report-col-reason',
  at: 'report-col-at',
  actor: 'report-col-actor',
  action: 'report-col-action',
  subject: 'report-col-subject',
  change: 'report-col-change',
  auditReason: 'report-col-audit-reason',
} as const;

/** A classification band's label (`Xuất sắc`), or "not submitted" for a unit that never submitted. */
export function classLabel(t: Translate, label: Band['label'] | null): string {
  return label ? t(`report-class-${label}`) : t('report-no-sheet');
}

/** The round's name as people say it: `Sơ kết 6 tháng`, `Tổng kết năm`. */
export function roundLabel(t: Translate, kind: ReportInput['roundKind']): string {
  return t(`report-round-${kind}`);
}

/** The round's state: scoring, under review, closed. */
export function roundStateLabel(t: Translate, state: ReportInput['roundState']): string {
  return t(`report-round-state-${state}`);
}

const SHEET_STATES = new Set(['draft', 'submitted', 'reviewed', 'confirmed', 'disputed']);

/**
 * A unit sheet's state in words; null (no sheet) reads "not scored". A state this module does
 * not know yet is shown as stored rather than failing the whole export.
 */
export function sheetStateLabel(t: Translate, state: string | null): string {
  if (state === null) return t('report-no-sheet');
  return SHEET_STATES.has(state) ? t(`report-sheet-state-${state}`) : state;
}

/** What a scorable row is: criterion, bonus or deduction. */
export function kindLabel(t: Translate, kind: UnitDetailRow['kind']): string {
  return t(`report-kind-${kind}`);
}

/**
 * The one-line heading of every report: "Kết quả chấm điểm thi đua năm 2026 – Tổng kết năm",
 * with the provisional mark when the round is not closed.
 */
export function reportHeading(t: Translate, input: ReportInput): string {
  const heading = t('report-heading', { year: String(input.termYear), round: roundLabel(t, input.roundKind) });
  return input.provisional ? `${heading} (${t('report-provisional-mark')})` : heading;
}
