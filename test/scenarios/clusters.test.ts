import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAttachment, Harness, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

/**
 * One emulation year per seed cluster of DOMAIN.md, played through the in-process adapter on
 * a real SQLite file: setup, units, year, leader, criteria, signatures, registrations, a
 * round, scores, review, confirmation, close, ranking. The expected ranking is computed here,
 * independently of the domain code.
 */
interface Seed {
  name: string;
  units: [string, string][];
  year: number;
  conference: string; // ISO instant the year starts (the covenant conference)
  leader: string;
  deputy: string;
  theme: string;
  criteria: { csv?: string; text?: string };
  deadline: string;
  reviews: [string, string, string, string][]; // unit, criterion, points, reason
}

/** A member list of examples/ (`CODE NAME` a line, `#` comments): the body `/addunit` takes. */
function exampleUnits(name: string): [string, string][] {
  return readFileSync(`examples/units-${name}.txt`, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [line.split(' ')[0]!, line.split(' ').slice(1).join(' ')]);
}

const MEKONG = exampleUnits('mekong');
const NORTH = exampleUnits('north');
const BORDER = exampleUnits('border');
const HANAM = exampleUnits('hanam');

const BORDER_CRITERIA = `I | Công tác tổ chức bộ máy, cán bộ
1 | Tổ chức bộ máy, biên chế | 20
2 | Quản lý cán bộ, công chức | 20
II | Công tác cải cách hành chính
3 | Cải cách thủ tục hành chính | 15
4 | Chính quyền địa phương | 15
III | Thi đua, khen thưởng; tôn giáo; văn thư lưu trữ
5 | Thi đua, khen thưởng | 10
6 | Tôn giáo | 10
7 | Văn thư, lưu trữ | 10
T | Sáng kiến được công nhận | 3 | bonus
D | Chậm báo cáo | 5 | deduction`;

const HANAM_CRITERIA = `I | Thực hiện nhiệm vụ chính trị
1.1 | Kết quả thực hiện nhiệm vụ chuyên môn | 40
1.2 | Phòng, chống tham nhũng, tiêu cực | 20
II | Phong trào thi đua
2.1 | Tổ chức phong trào thi đua | 15
2.2 | Tham gia hoạt động của Khối | 15
III | Xây dựng tổ chức
3 | Xây dựng Đảng, đoàn thể vững mạnh | 10
T | Điểm thưởng | 5 | bonus
D1 | Chậm báo cáo | 2 | deduction
D2 | Vi phạm kỷ luật | 5 | deduction`;

/** A deterministic score between 60 % and 100 % of a criterion's maximum, in quarters. */
function pseudo(seed: number, max: number): string {
  const x = Math.sin(seed * 9301 + 49297) * 233280;
  const fraction = 0.6 + (x - Math.floor(x)) * 0.4;
  return String(Math.round(max * fraction * 4) / 4).replace('.', ',');
}

/** Max points per code, read from a criteria body or CSV (independently of the domain). */
function maxima(seed: Seed): Map<string, { max: number; kind: string; section: string | null }> {
  const out = new Map<string, { max: number; kind: string; section: string | null }>();
  let section: string | null = null;
  const rows = seed.criteria.csv
    ? seed.criteria.csv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => {
          const cells = line.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
          return [cells[0]!, cells[2]!, cells[3]!];
        })
    : seed.criteria.text!.split('\n').map((line) => {
        const cells = line.split('|').map((c) => c.trim());
        return [cells[0]!, cells[2] ?? '', cells.length === 2 ? 'section' : cells[3] || 'criterion'];
      });
  for (const [code, max, kind] of rows) {
    if (kind === 'section') section = code!;
    else out.set(code!.toUpperCase(), { max: Number(max), kind: kind!, section: kind === 'criterion' ? section : null });
  }
  return out;
}

const SEEDS: Seed[] = [
  {
    name: 'Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ',
    units: MEKONG,
    year: 2022,
    conference: '2022-05-06T01:00:00Z',
    leader: 'BL',
    deputy: 'LA',
    theme: 'Đoàn kết, kỷ cương, gương mẫu, đổi mới, hiệu quả',
    criteria: { csv: readFileSync('examples/criteria-home-affairs.csv', 'utf8') },
    deadline: '05/12/2022',
    reviews: [
      ['AG', '1.2', '7', 'Chỉ số PAR INDEX giảm 3 bậc'],
      ['KG', '2.2', '3,5', 'Gửi báo cáo chậm 2 lần'],
    ],
  },
  {
    name: 'Cụm thi đua các tỉnh, thành Bắc Bộ',
    units: NORTH,
    year: 2019,
    conference: '2019-05-24T01:00:00Z',
    leader: 'HN',
    deputy: 'HP',
    theme: 'Năm điểm nhấn',
    criteria: { csv: readFileSync('examples/criteria-home-affairs.csv', 'utf8') },
    deadline: '10/12/2019',
    reviews: [
      ['HN', '1.1', '9', 'Thiếu minh chứng kết quả sắp xếp bộ máy'],
      ['NB', '3.2', '4,25', 'Có vụ việc lãng phí được phát hiện'],
    ],
  },
  {
    name: 'Cụm thi đua Sở Nội vụ 7 tỉnh biên giới phía Bắc',
    units: BORDER,
    year: 2010,
    conference: '2010-04-28T01:00:00Z',
    leader: 'LS',
    deputy: 'CB',
    theme: 'Đoàn kết, hợp tác, phát triển',
    criteria: { text: BORDER_CRITERIA },
    deadline: '20/12/2010',
    reviews: [['DB', '3', '10', 'Chưa hoàn thành chỉ tiêu cải cách thủ tục']],
  },
  {
    name: 'Khối thi đua Nội chính tỉnh Hà Nam',
    units: HANAM,
    year: 2021,
    conference: '2021-03-31T01:00:00Z',
    leader: 'SNV',
    deputy: 'CA',
    theme: 'Kỷ cương, trách nhiệm, hành động, hiệu quả',
    criteria: { text: HANAM_CRITERIA },
    deadline: '10/12/2021',
    reviews: [
      ['CA', '1.2', '18', 'Có cán bộ bị xử lý kỷ luật'],
      ['TA', '2.1', '12,5', 'Thiếu minh chứng phong trào'],
    ],
  },
];

/**
 * A unit's deterministic self-scores within the maxima (small bonus and deductions). In the
 * border cluster LCH scores exactly as LCA, so the two must stay tied.
 */
function scoreSheet(seed: Seed, unitIndex: number, max: ReturnType<typeof maxima>): Record<string, string> {
  const codes = [...max.keys()];
  const out: Record<string, string> = {};
  for (const code of codes) {
    const m = max.get(code)!;
    const key = unitIndex * 101 + codes.indexOf(code);
    if (m.kind === 'bonus') out[code] = unitIndex % 3 === 0 ? String(Math.min(2, m.max)) : '0';
    else if (m.kind === 'deduction') out[code] = unitIndex % 4 === 1 ? '1' : '0';
    else out[code] = pseudo(key + seed.year, m.max);
  }
  if (seed.units[unitIndex]![0] === 'LCH')
    return scoreSheet(
      seed,
      seed.units.findIndex((u) => u[0] === 'LCA'),
      max,
    );
  return out;
}

const num = (s: string) => Number(s.replace(',', '.'));

/** Every seed cluster's year on SQLite; on PostgreSQL too, so every command runs on both. */
const CASES = (await storeProviders('the cluster scenarios')).flatMap(({ name, open, skip }) =>
  SEEDS.map((seed) => ({ seed, provider: name, open, skip })),
);

for (const { seed, provider, open, skip } of CASES) {
  describe.skipIf(skip)(`${seed.name} (${seed.units.length} members, ${seed.year}) on ${provider}`, () => {
    let h: Harness;
    let close: () => Promise<void>;
    const reps = new Map<string, Speaker>();
    const max = maxima(seed);
    const sheets = new Map<string, Record<string, string>>();

    beforeAll(async () => {
      const fresh = await open();
      close = fresh.close;
      h = new Harness(fresh.store);
      h.clock.set(new Date(new Date(seed.conference).getTime() - 86400_000 * 10));
    });
    afterAll(async () => close());

    it('plays the whole year and ranks as computed independently', async () => {
      const sec = h.person('Thư ký Cụm');
      const ok = async (who: Speaker, text: string, pattern: RegExp, options = {}) => {
        const said = await h.say(who, text, options);
        expect(said.text, text).toMatch(pattern);
        return said;
      };
      await ok(sec, `/setup ${seed.name}`, /Đã lập/);
      await ok(sec, `/addunit\n${seed.units.map(([c, n]) => `${c} ${n}`).join('\n')}`, new RegExp(`Đã thêm ${seed.units.length} đơn vị`));
      for (const [code, name] of seed.units) {
        const rep = h.person(`Chuyên viên ${name}`);
        reps.set(code, rep);
        await ok(rep, `/thamgia ${code.toLowerCase()}`, /đề nghị làm đại diện/);
        await ok(sec, '', /Đã duyệt/, { action: `/approve ${code}` });
      }
      h.clock.set(new Date(seed.conference));
      await ok(sec, `/namthidua ${seed.year} ${seed.theme}`, new RegExp(`Đã mở năm thi đua ${seed.year}`));
      await ok(sec, `/cumtruong ${seed.leader}`, /là Cụm trưởng/);
      await ok(sec, `/cumpho ${seed.deputy}`, /là Cụm phó/);
      if (seed.criteria.csv)
        await ok(sec, '/tieuchi', /Đã cập nhật bảng tiêu chí/, {
          attachments: [fileAttachment('tieu-chi.csv', Buffer.from(seed.criteria.csv))],
        });
      else await ok(sec, `/tieuchi\n${seed.criteria.text}`, /Đã cập nhật bảng tiêu chí/);
      for (const [code] of seed.units) {
        await ok(reps.get(code)!, '/ky', /đã ký giao ước/);
        await ok(reps.get(code)!, '/dangky Cờ thi đua của Chính phủ', /đăng ký thi đua/);
      }
      expect((await h.say(sec, '/tinhhinh')).text).toContain(`Ký giao ước: ${seed.units.length}/${seed.units.length}. Chưa ký: –.`);
      await ok(sec, `/dotcham yearend ${seed.deadline}`, /Đã mở đợt chấm điểm tổng kết/);
      for (const [i, [code]] of seed.units.entries()) {
        const sheet = scoreSheet(seed, i, max);
        sheets.set(code, sheet);
        await ok(
          reps.get(code)!,
          `/cham\n${Object.entries(sheet)
            .map(([c, p]) => `${c} ${p}`)
            .join('\n')}`,
          /Đã chấm đủ các tiêu chí/,
        );
        await ok(reps.get(code)!, '/nop', /đã nộp phiếu tự chấm/);
      }
      for (const [unit, code, points, reason] of seed.reviews) {
        await ok(sec, `/thamdinh ${unit} ${code} ${points} ${reason}`, /Đã thẩm định/);
        sheets.get(unit)![code] = points;
      }
      // Sheets nobody changed are appraised as they are, so every unit can confirm.
      const changed = new Set(seed.reviews.map(([unit]) => unit));
      for (const [code] of seed.units) if (!changed.has(code)) await ok(sec, `/thamdinh ${code} ok`, /giữ nguyên điểm tự chấm/);
      for (const [code] of seed.units) await ok(reps.get(code)!, '/xacnhan', /đã xác nhận kết quả/);
      expect((await h.say(sec, '/tinhhinh')).text).toContain(`Đã xác nhận: ${seed.units.length}/${seed.units.length}`);
      await ok(sec, '/chot', new RegExp(`xếp hạng ${seed.units.length} đơn vị`));

      // Independent computation: Σ criteria + bonus − deductions; ties by first section, then deductions.
      const firstSection = [...max.values()].find((m) => m.section)!.section;
      const computed = seed.units.map(([code, name]) => {
        const s = sheets.get(code)!;
        let total = 0;
        let first = 0;
        let deductions = 0;
        for (const [c, m] of max) {
          const p = Math.round(num(s[c] ?? '0') * 100);
          if (m.kind === 'deduction') deductions += p;
          else total += p;
          if (m.section === firstSection) first += p;
        }
        return { code, name, total: total - deductions, first, deductions };
      });
      computed.sort((a, b) => b.total - a.total || b.first - a.first || a.deductions - b.deductions || a.code.localeCompare(b.code));
      const expected = computed.map((u, i) => {
        let rank = i + 1;
        for (let j = i - 1; j >= 0; j--) {
          const p = computed[j]!;
          if (p.total === u.total && p.first === u.first && p.deductions === u.deductions) rank = j + 1;
          else break;
        }
        return `${rank} ${u.code} ${(u.total / 100).toString().replace('.', ',')}`;
      });
      const results = (await h.say(reps.get(seed.leader)!, '/ketqua')).text;
      const lines = results.split('\n').filter((l) => /^\s*\d+\s+[A-Z]/.test(l));
      const actual = lines.map((l) => {
        const cells = l.trim().split(/\s{2,}/);
        return `${cells[0]} ${cells[1]} ${cells[3]}`;
      });
      expect(actual).toEqual(expected);
      if (seed.units.some(([c]) => c === 'LCH')) {
        const rankOf = (code: string) => actual.find((a) => a.split(' ')[1] === code)!.split(' ')[0];
        expect(rankOf('LCA')).toBe(rankOf('LCH'));
      }
    });
  });
}
