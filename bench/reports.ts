import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildConsolidated, type UnitSheet } from '../src/domain/consolidated.js';
import { parseCriteriaText, scorableRows } from '../src/domain/criteria.js';
import { DEFAULT_RULES } from '../src/domain/rules.js';
import type { ScoreVersion } from '../src/domain/sheet.js';
import { I18n } from '../src/i18n/i18n.js';
import { rankingChartPng } from '../src/reports/chart.js';
import { consolidatedCsv } from '../src/reports/csv.js';
import type { AuditEntry, ReportInput, UnitDetail } from '../src/reports/types.js';
import { unitDetail } from '../src/reports/unit-detail.js';
import { consolidatedXlsx } from '../src/reports/xlsx.js';

const UNITS = 50;
const SECTIONS = 10;
const PER_SECTION = 20;

/** A round of 50 units on 200 criteria (10 sections of 20, 0,5 point each), reviewed in part. */
function bigInput(): ReportInput {
  const lines: string[] = [];
  for (let s = 1; s <= SECTIONS; s++) {
    lines.push(`S${s} | Lĩnh vực công tác số ${s}`);
    for (let c = 1; c <= PER_SECTION; c++)
      lines.push(`${s}.${c} | Tiêu chí ${s}.${c}: thực hiện đầy đủ, đúng hạn nhiệm vụ được giao | 0,5`);
  }
  lines.push('T1 | Sáng kiến được công nhận | 5 | bonus', 'D1 | Chậm báo cáo | 5 | deduction');
  const criteria = parseCriteriaText(lines.join('\n'));
  const rows = scorableRows(criteria);
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const sheets: UnitSheet[] = [];
  const audit: AuditEntry[] = [];
  const start = Date.UTC(2026, 10, 1);
  for (let u = 0; u < UNITS; u++) {
    const code = `U${String(u + 1).padStart(2, '0')}`;
    const versions: ScoreVersion[] | null =
      u === UNITS - 1
        ? null
        : rows.map((r, i) => ({
            id: i + 1,
            criterionCode: r.code,
            kind: 'self',
            points: Math.round((r.max * next()) / 25) * 25,
            note: i % 7 ? null : 'Báo cáo số 12/BC-SNV',
          }));
    if (versions) {
      for (let k = 0; k < 20; k++) {
        const row = rows[Math.floor(next() * PER_SECTION * SECTIONS)]!;
        versions.push({ id: versions.length + 1, criterionCode: row.code, kind: 'review', points: 25, note: 'Chưa đủ minh chứng' });
        audit.push({
          at: new Date(start + audit.length * 60_000),
          actor: 'Thư ký cụm',
          action: 'score.review',
          subject: code,
          before: JSON.stringify({ code: row.code, points: 50, state: 'submitted' }),
          after: JSON.stringify({ code: row.code, points: 25, reason: 'Chưa đủ minh chứng', state: 'reviewed' }),
        });
      }
    }
    sheets.push({ unitCode: code, unitName: `Sở Nội vụ tỉnh số ${u + 1}`, sheetState: versions ? 'reviewed' : null, versions });
  }
  const units: UnitDetail[] = sheets.map((s) => unitDetail(s, criteria, s.versions ?? []));
  return {
    clusterName: 'Cụm thi đua Sở Nội vụ các tỉnh, thành phố (bench)',
    termYear: 2026,
    roundKind: 'yearend',
    roundState: 'closed',
    provisional: false,
    deadline: new Date(Date.UTC(2026, 11, 5, 16, 59)),
    exportedAt: new Date(Date.UTC(2026, 11, 10, 3, 30)),
    timezone: 'Asia/Ho_Chi_Minh',
    table: buildConsolidated(criteria, sheets, DEFAULT_RULES),
    units,
    audit,
  };
}

interface Figures {
  median: number;
  min: number;
  cpu: number;
  bytes: number;
}

/** Runs `work` once to warm up, then `runs` times: wall-clock median and minimum, median CPU time. */
async function measure(runs: number, work: () => unknown): Promise<Figures> {
  const first = await work();
  const bytes = first instanceof Uint8Array ? first.byteLength : 0;
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const usage = process.cpuUsage();
    const started = performance.now();
    await work();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { median: median(wall), min: Math.min(...wall), cpu: median(cpu), bytes };
}

/**
 * Times the reports for 50 units × 200 criteria (the targets: `.xlsx` ≤ 500 ms, chart
 * ≤ 200 ms) and prints one line per output: median and best wall-clock time and median CPU
 * time (user + system, all threads) of several runs after a warm-up, and the size of the result. The `.csv` is timed too.
 */
export async function benchReports(): Promise<void> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const i18n = new I18n(join(root, 'locales'));
  const t = i18n.translator('vi');
  const input = bigInput();
  const cases: [string, number | null, number, () => unknown][] = [
    ['reports: xlsx', 500, 5, () => consolidatedXlsx(input, t)],
    ['reports: chart png', 200, 10, () => rankingChartPng(input, t, 'vi')],
    ['reports: csv', null, 20, () => consolidatedCsv(input, t)],
  ];
  console.log(`reports: ${UNITS} units × ${SECTIONS * PER_SECTION} criteria, ${input.audit.length} audit entries`);
  for (const [name, target, runs, work] of cases) {
    const r = await measure(runs, work);
    const size = r.bytes ? `, ${(r.bytes / 1024).toFixed(0)} KiB` : '';
    const verdict = target === null ? '' : ` (target ≤ ${target} ms: ${r.median <= target ? 'ok' : 'MISSED'})`;
    console.log(
      `${name}: median ${r.median.toFixed(1)} ms, best ${r.min.toFixed(1)} ms, CPU ${r.cpu.toFixed(1)} ms over ${runs} runs${size}${verdict}`,
    );
  }
}
