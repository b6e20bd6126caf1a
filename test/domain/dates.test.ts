import { describe, expect, it } from 'vitest';
import { END_OF_DAY, formatDate, formatDateTime, MORNING, parseFutureDate, parseLocalDate } from '../../src/domain/dates.js';
import { UserError } from '../../src/domain/errors.js';
import {
  assertRoundInProgress,
  assertSheetEditable,
  roundAfterReview,
  sheetAfterConfirm,
  sheetAfterExplain,
  sheetAfterReview,
} from '../../src/domain/lifecycle.js';

const TZ = 'Asia/Ho_Chi_Minh';

describe('dates in the cluster time zone', () => {
  it('reads dd/mm/yyyy as the end of that local day for deadlines', () => {
    expect(parseLocalDate('10/12/2026', TZ, END_OF_DAY).toISOString()).toBe('2026-12-10T16:59:00.000Z');
  });

  it('reads a time and defaults meetings to 08:00', () => {
    expect(parseLocalDate('5/1/2027 14:30', TZ, MORNING).toISOString()).toBe('2027-01-05T07:30:00.000Z');
    expect(parseLocalDate('05/01/2027', TZ, MORNING).toISOString()).toBe('2027-01-05T01:00:00.000Z');
  });

  it('refuses wrong shapes, impossible dates and the past', () => {
    expect(() => parseLocalDate('2026-12-10', TZ, MORNING)).toThrow(UserError);
    expect(() => parseLocalDate('31/02/2026', TZ, MORNING)).toThrow(/error-date-invalid/);
    expect(() => parseFutureDate('01/01/2020', TZ, MORNING, new Date('2026-11-23T00:00:00Z'))).toThrow(/error-date-past/);
  });

  it('formats dd/mm/yyyy in local time', () => {
    expect(formatDate(new Date('2026-12-10T16:59:00Z'), TZ)).toBe('10/12/2026');
    expect(formatDateTime(new Date('2026-12-10T16:59:00Z'), TZ)).toBe('10/12/2026 23:59');
  });
});

describe('round state machine', () => {
  it('goes open → review on the first review, and nothing happens once closed', () => {
    expect(roundAfterReview('open')).toBe('review');
    expect(roundAfterReview('review')).toBe('review');
    expect(() => roundAfterReview('closed')).toThrow(/error-round-closed/);
    expect(() => assertRoundInProgress('closed')).toThrow(UserError);
    expect(() => assertRoundInProgress('open')).not.toThrow();
  });
});

describe('sheet state machine', () => {
  it('goes draft → submitted → reviewed → confirmed, or disputed and back', () => {
    expect(() => assertSheetEditable('draft')).not.toThrow();
    expect(() => assertSheetEditable('submitted')).toThrow(/error-sheet-submitted/);
    expect(() => sheetAfterReview('draft')).toThrow(UserError);
    expect(sheetAfterReview('submitted')).toBe('reviewed');
    expect(sheetAfterExplain('reviewed')).toBe('disputed');
    expect(sheetAfterReview('disputed')).toBe('reviewed');
    expect(sheetAfterConfirm('reviewed')).toBe('confirmed');
    expect(() => sheetAfterConfirm('submitted')).toThrow(/error-confirm-not-reviewed/);
    expect(() => sheetAfterConfirm('disputed')).toThrow(/error-confirm-not-reviewed/);
    expect(() => sheetAfterConfirm('confirmed')).toThrow(/error-already-confirmed/);
    expect(() => sheetAfterExplain('submitted')).toThrow(UserError);
  });
});
