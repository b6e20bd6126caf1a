import { expect } from 'vitest';
import { type Harness, type Speaker } from '../support/harness.js';

/**
 * The 13-member Mekong cluster (DOMAIN.md's first seed) played through the core up to its closed
 * year-end ranking and a scheduled year-end meeting: the state every year-end meeting test starts
 * from. Bạc Liêu leads in 2026; scores are fixed so the ranking is known: BL 96, LA 95,75, CT 95,
 * then the rest lower; AG's sheet is appraised down by 2 points.
 */
export const MEKONG: [string, string][] =
  'AG An Giang,BL Bạc Liêu,BT Bến Tre,CM Cà Mau,CT Cần Thơ,DT Đồng Tháp,HG Hậu Giang,KG Kiên Giang,LA Long An,ST Sóc Trăng,TG Tiền Giang,TV Trà Vinh,VL Vĩnh Long'
    .split(',')
    .map((s) => [s.split(' ')[0]!, `Sở Nội vụ ${s.split(' ').slice(1).join(' ')}`]);

export const CLUSTER = 'Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ';

const CRITERIA = `I | Công tác tổ chức bộ máy, cán bộ
1.1 | Tổ chức bộ máy, biên chế | 50
II | Công tác thi đua, khen thưởng
2.1 | Thi đua, khen thưởng | 50`;

/** Self-scores (1.1, 2.1) per unit. */
export const SCORES: Record<string, [string, string]> = {
  BL: ['48', '48'],
  LA: ['48', '47,75'],
  CT: ['47,5', '47,5'],
  AG: ['47', '46'],
  BT: ['45', '45'],
  CM: ['44', '44'],
  DT: ['43', '43'],
  HG: ['42', '42'],
  KG: ['41', '41'],
  ST: ['40', '40'],
  TG: ['39', '39'],
  TV: ['38', '38'],
  VL: ['37', '37'],
};

/** The cluster's people: the secretary and one representative per unit. */
export interface Mekong {
  h: Harness;
  sec: Speaker;
  reps: Map<string, Speaker>;
  /** Sends and expects the reply to match. */
  ok: (
    who: Speaker,
    text: string,
    pattern: RegExp,
    options?: Parameters<Harness['say']>[2],
  ) => Promise<Awaited<ReturnType<Harness['say']>>>;
}

/** Plays the cluster's year up to the closed year-end ranking and schedules the meeting on 10/12/2026 at Bạc Liêu. */
export async function mekongYear(h: Harness): Promise<Mekong> {
  const sec = h.person('Nguyễn Thị Thư Ký');
  const reps = new Map<string, Speaker>();
  const ok: Mekong['ok'] = async (who, text, pattern, options = {}) => {
    const said = await h.say(who, text, options);
    expect(said.text, text).toMatch(pattern);
    return said;
  };
  h.clock.set(new Date('2026-03-01T02:00:00Z'));
  await ok(sec, `/setup ${CLUSTER}`, /Đã lập/);
  await ok(sec, `/addunit\n${MEKONG.map(([c, n]) => `${c} ${n}`).join('\n')}`, /Đã thêm 13 đơn vị/);
  for (const [code, name] of MEKONG) {
    const rep = h.person(`Đại diện ${name}`);
    reps.set(code, rep);
    await ok(rep, `/thamgia ${code}`, /đề nghị làm đại diện/);
    await ok(sec, '', /Đã duyệt/, { action: `/approve ${code}` });
  }
  await ok(sec, '/namthidua 2026 Đoàn kết, kỷ cương, gương mẫu, đổi mới, hiệu quả', /Đã mở năm thi đua 2026/);
  await ok(sec, '/cumtruong BL', /là Cụm trưởng/);
  await ok(sec, '/cumpho LA', /là Cụm phó/);
  await ok(sec, `/tieuchi\n${CRITERIA}`, /Đã cập nhật bảng tiêu chí/);
  h.clock.set(new Date('2026-11-01T02:00:00Z'));
  await ok(sec, '/dotcham yearend 30/11/2026', /Đã mở đợt chấm điểm tổng kết/);
  for (const [code] of MEKONG) {
    const [a, b] = SCORES[code]!;
    await ok(reps.get(code)!, `/cham\n1.1 ${a}\n2.1 ${b}`, /Đã chấm đủ/);
    await ok(reps.get(code)!, '/nop', /đã nộp/);
  }
  await ok(sec, '/thamdinh AG 2.1 44 Thiếu minh chứng phong trào thi đua', /Đã thẩm định/);
  await ok(sec, '/chot', /xếp hạng 13 đơn vị/);
  await ok(sec, '/lichhop yearend 10/12/2026 08:00 Hội trường Sở Nội vụ Bạc Liêu', /Đã lên lịch/);
  h.clock.set(new Date('2026-12-10T01:30:00Z'));
  return { h, sec, reps, ok };
}

/** Counts of the secret-ballot tables, to show a refused vote changed nothing. */
export async function boxCounts(h: Harness): Promise<{ voters: number; papers: number; ballots: number }> {
  const db = h.store.db;
  return { voters: await db.ballotVoter.count(), papers: await db.ballotPaper.count(), ballots: await db.ballot.count() };
}
