/**
 * The northern border cluster's figures for its Zalo year (`year.e2e.test.ts`): the criteria
 * table, the self-scores, the reviews, and the ranking computed here, independently of the
 * domain code (Σ criteria + bonus − deductions; ties by the first section, then fewer
 * deductions; units equal on every rule share a rank and are listed by code).
 */

/** The cluster's criteria: three sections, a bonus and a deduction row; 5 asks for evidence. */
export const BORDER_CRITERIA = `I | Công tác tổ chức bộ máy, cán bộ
1 | Tổ chức bộ máy, biên chế | 20
2 | Quản lý cán bộ, công chức | 20
II | Công tác cải cách hành chính
3 | Cải cách thủ tục hành chính | 15
4 | Chính quyền địa phương | 15
III | Thi đua, khen thưởng; tôn giáo; văn thư lưu trữ
5 | Thi đua, khen thưởng | 10 | evidence
6 | Tôn giáo | 10
7 | Văn thư, lưu trữ | 10
T | Sáng kiến được công nhận | 3 | bonus
D | Chậm báo cáo | 5 | deduction`;

interface Row {
  code: string;
  max: number;
  kind: 'criterion' | 'bonus' | 'deduction';
  section: string | null;
}

const ROWS: Row[] = (() => {
  let section: string | null = null;
  const rows: Row[] = [];
  for (const line of BORDER_CRITERIA.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length === 2) {
      section = cells[0]!;
      continue;
    }
    const kind: Row['kind'] = cells[3] === 'bonus' || cells[3] === 'deduction' ? cells[3] : 'criterion';
    rows.push({ code: cells[0]!, max: Number(cells[2]), kind, section: kind === 'criterion' ? section : null });
  }
  return rows;
})();

/** The cross-reviewers' changes: the unit, the criterion, the new points and the reason. */
export const BORDER_REVIEWS = [
  { unit: 'DB', code: '3', points: 10, reason: 'Chưa hoàn thành chỉ tiêu cải cách thủ tục' },
  { unit: 'LCA', code: '6', points: 7.5, reason: 'Thiếu báo cáo chuyên đề về tôn giáo' },
];

/** Points as Vietnamese write them: `8,5`. */
export const vi = (n: number) => String(n).replace('.', ',');

/**
 * A unit's self-scores by criterion code: deterministic, between 60 % and 100 % of each
 * maximum in quarters; a bonus for every third unit, a deduction for every fourth from the
 * second. Unit 4 (LCH) scores exactly as unit 3 (LCA) so, LCA's review aside, they would tie.
 */
export function selfScores(unitIndex: number): Record<string, number> {
  const index = unitIndex === 4 ? 3 : unitIndex;
  const out: Record<string, number> = {};
  for (const [j, row] of ROWS.entries()) {
    if (row.kind === 'bonus') out[row.code] = index % 3 === 0 ? 2 : 0;
    else if (row.kind === 'deduction') out[row.code] = index % 4 === 1 ? 1 : 0;
    else {
      const x = Math.sin((index * 101 + j + 2010) * 9301 + 49297) * 233280;
      out[row.code] = Math.round(row.max * (0.6 + (x - Math.floor(x)) * 0.4) * 4) / 4;
    }
  }
  return out;
}

/** One unit's line of the consolidated table as computed here (points in hundredths). */
export interface RankedUnit {
  rank: number;
  code: string;
  name: string;
  /** Final points per criterion column (bonus and deduction rows left out). */
  points: Record<string, number>;
  bonus: number;
  deductions: number;
  total: number;
}

/** The final ranking: reviews over self-scores, ordered and ranked by the cluster's default rules. */
export function borderRanking(units: readonly [string, string][]): RankedUnit[] {
  const hundredths = (n: number) => Math.round(n * 100);
  const computed = units.map(([code, name], i) => {
    const scores = selfScores(i);
    for (const r of BORDER_REVIEWS) if (r.unit === code) scores[r.code] = r.points;
    let sum = 0;
    let first = 0;
    let bonus = 0;
    let deductions = 0;
    const points: Record<string, number> = {};
    for (const row of ROWS) {
      const p = hundredths(scores[row.code]!);
      if (row.kind === 'bonus') bonus += p;
      else if (row.kind === 'deduction') deductions += p;
      else {
        sum += p;
        points[row.code] = scores[row.code]!;
        if (row.section === ROWS[0]!.section) first += p;
      }
    }
    return { code, name, points, bonus, deductions, total: sum + bonus - deductions, first };
  });
  computed.sort((a, b) => b.total - a.total || b.first - a.first || a.deductions - b.deductions || a.code.localeCompare(b.code));
  return computed.map((u, i) => {
    let rank = i + 1;
    while (rank > 1) {
      const p = computed[rank - 2]!;
      if (p.total !== u.total || p.first !== u.first || p.deductions !== u.deductions) break;
      rank--;
    }
    return { rank, code: u.code, name: u.name, points: u.points, bonus: u.bonus, deductions: u.deductions, total: u.total };
  });
}
