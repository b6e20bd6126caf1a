import type { FileOut } from '../reply.js';
import type { Translate } from '../i18n/i18n.js';
import { rankingChartPng } from './chart.js';
import { consolidatedCsv } from './csv.js';
import { reportFileName } from './file-name.js';
import type { ReportInput } from './types.js';
import { XLSX_MIME, consolidatedXlsx } from './xlsx.js';

/** The formats `/export` offers; `xlsx` is the default. */
export type ExportFormat = 'xlsx' | 'csv';

/** True when `value` names an export format (`/export csv`). */
export function isExportFormat(value: string): value is ExportFormat {
  return value === 'xlsx' || value === 'csv';
}

function captionArgs(input: ReportInput): Record<string, string> {
  return { year: String(input.termYear), round: input.roundKind, provisional: input.provisional ? 'yes' : 'no' };
}

/**
 * The consolidated table as a file ready to send (`/export`): bytes, MIME type, a file name
 * marked `tam-tinh` while the round is open, and a caption the adapter translates for the chat.
 * `t` is the language of the file's headings (Vietnamese for files sent up to the board).
 */
export async function exportFile(input: ReportInput, t: Translate, format: ExportFormat = 'xlsx'): Promise<FileOut> {
  const caption = { key: 'report-file-caption', args: captionArgs(input) };
  if (format === 'csv') {
    return { fileName: reportFileName(input, 'csv'), mimeType: 'text/csv; charset=utf-8', bytes: consolidatedCsv(input, t), caption };
  }
  return { fileName: reportFileName(input, 'xlsx'), mimeType: XLSX_MIME, bytes: await consolidatedXlsx(input, t), caption };
}

/** The ranking chart as an image ready to send with `/results` (`Reply.image`). */
export function chartImage(input: ReportInput, t: Translate, locale: string): FileOut {
  return {
    fileName: reportFileName(input, 'png', 'xep-hang'),
    mimeType: 'image/png',
    bytes: rankingChartPng(input, t, locale),
    caption: { key: 'report-chart-caption', args: captionArgs(input) },
  };
}
