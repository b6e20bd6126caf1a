import type { ConsolidatedTable } from '../domain/consolidated.js';
import type { Hundredths } from '../domain/score.js';

/**
 * Everything a report needs about one round, gathered once by the store/command side and
 * handed to every renderer (CSV, XLSX, text, chart). Renderers never query anything else and
 * never recompute a figure: totals, ranks and classifications come from `table`, which the
 * domain's `buildConsolidated` made, so all outputs agree to the hundredth.
 */
export interface ReportInput {
  clusterName: string;
  termYear: number;
  roundKind: 'midyear' | 'yearend';
  roundState: 'open' | 'review' | 'closed';
  /** True while the round is not closed: the figures may still change (file names say `tam-tinh`). */
  provisional: boolean;
  deadline: Date;
  exportedAt: Date;
  /** The cluster's IANA time zone: every date in a report is shown in it. */
  timezone: string;
  table: ConsolidatedTable;
  /** Per-unit detail for the unit sheets of the workbook (any order; matched by unit code). */
  units: UnitDetail[];
  /** The round's audit trail (who changed what, when, why), any order. */
  audit: AuditEntry[];
}

/**
 * One unit's sheet as the unit sheets of the workbook show it: self-scores and reviewed scores
 * side by side, with the unit's notes and the reviewers' reasons.
 */
export interface UnitDetail {
  unitCode: string;
  unitName: string;
  /** The sheet's state (`draft`, `submitted`, `reviewed`, `confirmed`, `disputed`), null = no sheet. */
  sheetState: string | null;
  rows: UnitDetailRow[];
}

/** One scorable row of a unit's sheet (criteria, bonus and deduction rows, in table order). */
export interface UnitDetailRow {
  code: string;
  title: string;
  kind: 'criterion' | 'bonus' | 'deduction';
  max: Hundredths;
  self: Hundredths | null;
  selfNote: string | null;
  reviewed: Hundredths | null;
  reason: string | null;
  /** Names of the evidence files attached to the row (minh chứng), when any. */
  evidence?: string[];
}

/**
 * One official record of the round (a self-score, a review, a confirmation…) as the audit log
 * stores it; the workbook's audit sheet puts it in words (`describeAudit`).
 */
export interface AuditEntry {
  at: Date;
  /** Who did it, by name (`–` for the bot itself). */
  actor: string;
  /** The stored action code: `score.review`, `sheet.submit`, `round.close`… */
  action: string;
  /** The unit whose sheet the record is about; null for the round itself. */
  subject: string | null;
  /** The stored JSON of the state before and after (points in hundredths), null when absent. */
  before: string | null;
  after: string | null;
}
