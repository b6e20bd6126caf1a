import type { ReportInput } from './types.js';

/** The file types reports are sent as. */
export type ReportExtension = 'xlsx' | 'csv' | 'png';

const ROUND_SLUG: Record<ReportInput['roundKind'], string> = { midyear: 'so-ket', yearend: 'tong-ket' };

/**
 * A file name people recognise and every platform and mail system accepts: Vietnamese words
 * without diacritics, ASCII only, e.g. `bang-tong-hop-2026-tong-ket.xlsx`, and
 * `bang-tong-hop-2026-so-ket-tam-tinh.csv` while the round is not closed, so a provisional
 * table is never forwarded as final by mistake. `base` names other documents (the chart is
 * `xep-hang`).
 */
export function reportFileName(
  input: Pick<ReportInput, 'termYear' | 'roundKind' | 'provisional'>,
  ext: ReportExtension,
  base = 'bang-tong-hop',
): string {
  const parts = [base, String(input.termYear), ROUND_SLUG[input.roundKind]];
  if (input.provisional) parts.push('tam-tinh');
  return `${parts.join('-')}.${ext}`;
}
