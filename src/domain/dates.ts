import { DateTime } from 'luxon';
import { UserError } from './errors.js';

/** The default time of day when only a date is given. */
export interface DefaultTime {
  hour: number;
  minute: number;
}

/** A deadline given as a date means the end of that day. */
export const END_OF_DAY: DefaultTime = { hour: 23, minute: 59 };
/** A meeting or handover given as a date starts at 08:00. */
export const MORNING: DefaultTime = { hour: 8, minute: 0 };

const FORMAT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?$/;

/**
 * Parses `dd/mm/yyyy` or `dd/mm/yyyy HH:MM` in the cluster's IANA time zone.
 *
 * @throws UserError `error-date-format` or `error-date-invalid`
 */
export function parseLocalDate(text: string, timezone: string, fallback: DefaultTime): Date {
  const input = text.trim();
  const m = FORMAT.exec(input);
  if (!m) throw new UserError('error-date-format', { input });
  const dt = DateTime.fromObject(
    {
      day: Number(m[1]),
      month: Number(m[2]),
      year: Number(m[3]),
      hour: m[4] ? Number(m[4]) : fallback.hour,
      minute: m[5] ? Number(m[5]) : fallback.minute,
    },
    { zone: timezone },
  );
  if (!dt.isValid) throw new UserError('error-date-invalid', { input });
  return dt.toJSDate();
}

/** The same, refusing a moment that is not in the future. */
export function parseFutureDate(text: string, timezone: string, fallback: DefaultTime, now: Date): Date {
  const at = parseLocalDate(text, timezone, fallback);
  if (at.getTime() <= now.getTime()) throw new UserError('error-date-past', { input: text.trim() });
  return at;
}

/** `dd/mm/yyyy` in the given zone. */
export function formatDate(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat('dd/MM/yyyy');
}

/** `dd/mm/yyyy HH:mm` in the given zone. */
export function formatDateTime(at: Date, timezone: string): string {
  return DateTime.fromJSDate(at, { zone: timezone }).toFormat('dd/MM/yyyy HH:mm');
}
