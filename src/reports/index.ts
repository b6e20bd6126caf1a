/**
 * Reports on a round, for the commands: the consolidated table as `.xlsx` and `.csv`, the
 * ranking as text or a table, and the ranking chart. Everything renders one `ReportInput`.
 */
export type { AuditEntry, ReportInput, UnitDetail, UnitDetailRow } from './types.js';
export { consolidatedCsv } from './csv.js';
export { consolidatedXlsx, XLSX_MIME } from './xlsx.js';
export { reportFileName, type ReportExtension } from './file-name.js';
export { rankingText, rankingTable, type RankingTextOptions } from './text.js';
export { rankingChartPng } from './chart.js';
export { rankingChartSvg } from './chart-svg.js';
export { exportFile, chartImage, isExportFormat, type ExportFormat } from './export.js';
