import { DateTime } from 'luxon';

/** The number format of date-time cells: `dd/mm/yyyy HH:mm` (Excel's `mm` after `hh` is minutes). */
export const EXCEL_DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';

const QUARTER_HOUR = 15 * 60_000;

/**
 * Excel stores a date and time with no time zone: what the cell shows is a wall-clock time.
 * ExcelJS writes a `Date` by its UTC value, so a moment is shifted to a `Date` whose UTC fields
 * are the cluster's local wall-clock time; the cell then shows `05/12/2026 23:59` in Hà Nội
 * time on every computer and stays a real, sortable date. One converter per export: offsets are
 * looked up once per quarter hour (zone transitions fall on quarter hours), since an audit trail
 * can hold thousands of entries.
 */
export function excelWallClock(timezone: string): (at: Date) => Date {
  const offsets = new Map<number, number>();
  return (at) => {
    const bucket = Math.floor(at.getTime() / QUARTER_HOUR);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = DateTime.fromJSDate(at, { zone: timezone }).offset;
      offsets.set(bucket, offset);
    }
    return new Date(at.getTime() + offset * 60_000);
  };
}
