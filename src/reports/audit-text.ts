import { formatDateTime } from '../domain/dates.js';
import type { Translate } from '../i18n/i18n.js';
import { roundLabel, sheetStateLabel } from './labels.js';
import type { AuditEntry, ReportInput } from './types.js';

/** One audit record as a person reads it: what was done, to what, the change and the reason. */
export interface AuditLine {
  action: string;
  subject: string;
  change: string;
  reason: string;
}

/** The actions the audit sheet names in words (`report-audit-action-<action with - for .>`). */
const ACTIONS = new Set([
  'score.self',
  'score.review',
  'sheet.submit',
  'sheet.confirm',
  'sheet.explain',
  'round.open',
  'round.deadline',
  'round.close',
  'review.assign',
]);

type Json = Record<string, unknown>;

/** The stored JSON of an audit column; text that is not JSON stays text. */
function parse(value: string | null): unknown {
  if (value === null || value === '') return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

const record = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const hundredths = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Reads one audit record the way the secretary's reader would: the action in words in the
 * reader's language, the unit (or the round itself), the change with points as points written
 * the reader's way (`1.1: 9,5 → 8`, from the hundredths stored), states in words, dates in the
 * cluster's time zone, and the reason (a reviewer's reason, a unit's explanation, the notes of
 * self-scores) on its own. An action this module does not know yet is shown by its code with
 * its stored values, rather than hidden.
 */
export function describeAudit(entry: AuditEntry, t: Translate, input: Pick<ReportInput, 'roundKind' | 'timezone'>): AuditLine {
  const before = parse(entry.before);
  const after = parse(entry.after);
  const b = record(before);
  const a = record(after);
  const subject = entry.subject ?? roundLabel(t, input.roundKind);
  const points = (value: unknown) => {
    const h = hundredths(value);
    return h === null ? '–' : h / 100;
  };
  const state = (value: unknown) => sheetStateLabel(t, text(value) || null);
  const date = (value: unknown) => {
    const at = new Date(text(value));
    return Number.isNaN(at.getTime()) ? text(value) : formatDateTime(at, input.timezone);
  };
  const stateChange = () => t('report-audit-state', { before: state(b.state), after: state(a.state) });
  const withTotal = (change: string) =>
    hundredths(a.total) === null ? change : `${change}; ${t('report-audit-total', { total: points(a.total) })}`;

  const line = (change: string, reason = ''): AuditLine => ({
    action: ACTIONS.has(entry.action) ? t(`report-audit-action-${entry.action.replace('.', '-')}`) : entry.action,
    subject,
    change,
    reason,
  });
  switch (entry.action) {
    case 'score.self': {
      const rows = (Array.isArray(after) ? after : []).map(record);
      return line(
        rows.map((r) => t('report-audit-points', { code: text(r.code), points: points(r.points) })).join('; '),
        rows
          .filter((r) => text(r.note))
          .map((r) => `${text(r.code)}: ${text(r.note)}`)
          .join('; '),
      );
    }
    case 'score.review':
      return line(t('report-audit-score', { code: text(a.code), before: points(b.points), after: points(a.points) }), text(a.reason));
    case 'sheet.submit':
    case 'sheet.confirm':
      return line(withTotal(stateChange()));
    case 'sheet.explain':
      return line(`${text(a.code)}: ${stateChange()}`, text(a.text));
    case 'round.open':
      return line(t('report-audit-deadline', { deadline: date(a.deadline) }));
    case 'round.deadline':
      return line(t('report-audit-state', { before: date(b.deadline), after: date(a.deadline) }));
    case 'round.close':
      // The ranking stored at closing: [rank, unit, total] per unit, rank null when not submitted.
      return line(
        t('report-audit-round-closed', {
          units: (Array.isArray(a.ranking) ? a.ranking : []).filter((r) => Array.isArray(r) && r[0] !== null).length,
        }),
      );
    case 'review.assign':
      return line(t('report-audit-assign', { reviewer: text(a.reviewer), unit: text(a.unit) }));
    default:
      return line([entry.before, entry.after].filter(Boolean).join(' → '));
  }
}
