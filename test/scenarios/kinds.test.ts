import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAttachment, Harness, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

/**
 * A year of the 7 northern border provinces' cluster whose table mixes every kind of
 * criterion: points, pass/fail (with required evidence), the police target formula with
 * targets set by the secretary (and a tie for the best ratio), the linear variant with a unit
 * it does not apply to, counts, bonus/penalty tallies, a bonus counted per occurrence. Played
 * through the core; the expected ranking is computed here, independently of the domain code.
 */
const UNITS: [string, string][] = [
  ['LS', 'Sở Nội vụ Lạng Sơn'],
  ['CB', 'Sở Nội vụ Cao Bằng'],
  ['HGI', 'Sở Nội vụ Hà Giang'],
  ['LCA', 'Sở Nội vụ Lào Cai'],
  ['LCH', 'Sở Nội vụ Lai Châu'],
  ['DB', 'Sở Nội vụ Điện Biên'],
  ['QN', 'Sở Nội vụ Quảng Ninh'],
];

const CRITERIA = `I | Công tác tổ chức bộ máy, cán bộ
1 | Tổ chức bộ máy, biên chế | 20
2 | Ban hành kế hoạch thi đua | 10 | passfail | evidence
3 | Giải quyết hồ sơ đúng hạn | 20 | target
II | Cải cách hành chính
4 | Tỷ lệ hồ sơ trực tuyến | 15 | linear | na QN
5 | Lớp tập huấn | 15 | count 3
6 | Khen thưởng, kỷ luật | 10 | tally 2 1 -4
7 | Văn thư, lưu trữ | 10
T | Sáng kiến được công nhận | 6 | bonus count 2
D | Chậm báo cáo | 5 | deduction`;

/** Targets of criterion 3 set by the secretary. */
const TARGETS: Record<string, number> = { LS: 100, CB: 50, HGI: 100, LCA: 100, LCH: 100, DB: 100, QN: 100 };

/** What each unit types, criterion by criterion (as a representative writes it). */
const SHEETS: Record<string, Record<string, string>> = {
  LS: { 1: '18', 2: 'đạt', 3: '120', 4: '90/100', 5: '4 lần', 6: '+2 -1', 7: '9', T: '2', D: '0' },
  CB: { 1: '17,5', 2: 'x', 3: '60', 4: '45/50', 5: '5', 6: '+3', 7: '8', T: '0', D: '1' },
  HGI: { 1: '19', 2: 'không đạt', 3: '110/100', 4: '80/100', 5: '3', 6: '0', 7: '9,5', T: '1', D: '0' },
  LCA: { 1: '16', 2: 'đ', 3: '107', 4: '100/100', 5: '2', 6: '-2', 7: '7', T: '0', D: '2' },
  LCH: { 1: '16', 2: '1', 3: '100', 4: '70/80', 5: '6 lần', 6: '+1 -1', 7: '7', T: '0', D: '0' },
  DB: { 1: '15', 2: 'đạt', 3: '80', 4: '110/100', 5: '1', 6: '-6', 7: '6', T: '3', D: '0' },
  QN: { 1: '18,5', 2: 'đạt', 3: '33', 5: '5', 6: '+4', 7: '10', T: '0', D: '1' },
};

/** Reviews: unit, criterion, new input, reason. */
const REVIEWS: [string, string, string, string][] = [
  ['DB', '2', 'không đạt', 'Kế hoạch ban hành sau thời hạn'],
  ['LCA', '3', '90', 'Số liệu chưa khớp báo cáo quý IV'],
];

/** A minimal PDF: what `file-type` recognises by content. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

const num = (s: string) => Number(s.replace(',', '.'));
/** Hundredths, rounded half up (a small epsilon absorbs binary fractions). */
const h = (x: number) => Math.floor(x * 100 + 0.5 + 1e-7);

/** The expected points per unit and criterion, in hundredths, computed from the rules of DOMAIN.md. */
function expectedPoints(sheets: Record<string, Record<string, string>>): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const ratio = (u: string) => {
    const [a, t] = sheets[u]![3]!.split('/');
    return num(a!) / (t ? num(t) : TARGETS[u]!);
  };
  const best = Math.max(...UNITS.map(([u]) => ratio(u)));
  for (const [u] of UNITS) {
    const s = sheets[u]!;
    const r = ratio(u);
    const police = r <= 1 ? 0.5 * 20 * r : r === best ? 20 : 10 + ((r - 1) / (best - 1)) * 10;
    const [a4, t4] = (s[4] ?? '0/1').split('/').map(num);
    const tally = s[6]!.match(/[+-]\d+/g) ?? [];
    const plus = tally.filter((x) => x.startsWith('+')).reduce((n, x) => n + Number(x.slice(1)), 0);
    const minus = tally.filter((x) => x.startsWith('-')).reduce((n, x) => n + Number(x.slice(1)), 0);
    const points: Record<string, number> = {
      1: h(num(s[1]!)),
      2: ['đạt', 'x', 'đ', '1'].includes(s[2]!) ? 1000 : 0,
      3: h(police),
      5: Math.min(1500, Number.parseInt(s[5]!, 10) * 300),
      6: Math.max(-400, Math.min(1000, plus * 200 - minus * 100)),
      7: h(num(s[7]!)),
      T: Math.min(600, Number(s.T) * 200),
      D: h(num(s.D!)),
    };
    if (u !== 'QN') points[4] = Math.min(1500, h((15 * a4!) / t4!));
    out.set(u, points);
  }
  return out;
}

const CASES = await storeProviders('the criterion kinds scenario');

for (const { name, open, skip } of CASES) {
  describe.skipIf(skip)(`the border cluster with mixed criterion kinds on ${name}`, () => {
    let hs: Harness;
    let close: () => Promise<void>;
    const reps = new Map<string, Speaker>();

    beforeAll(async () => {
      const fresh = await open();
      close = fresh.close;
      hs = new Harness(fresh.store);
      hs.clock.set(new Date('2010-04-20T01:00:00Z'));
    });
    afterAll(async () => close());

    it('scores, reviews and ranks every kind as computed independently', async () => {
      const sec = hs.person('Thư ký Cụm biên giới');
      const ok = async (who: Speaker, text: string, pattern: RegExp, options = {}) => {
        const said = await hs.say(who, text, options);
        expect(said.text, text).toMatch(pattern);
        return said;
      };
      await ok(sec, '/setup Cụm thi đua Sở Nội vụ 7 tỉnh biên giới phía Bắc', /Đã lập/);
      await ok(sec, `/addunit\n${UNITS.map(([c, n]) => `${c} ${n}`).join('\n')}`, /Đã thêm 7 đơn vị/);
      for (const [code, unitName] of UNITS) {
        const rep = hs.person(`Chuyên viên ${unitName}`);
        reps.set(code, rep);
        await ok(rep, `/thamgia ${code}`, /đề nghị làm đại diện/);
        await ok(sec, '', /Đã duyệt/, { action: `/approve ${code}` });
      }
      hs.clock.set(new Date('2010-04-28T01:00:00Z'));
      await ok(sec, '/namthidua 2010 Đoàn kết, hợp tác, phát triển', /Đã mở năm thi đua 2010/);
      await ok(sec, '/cumtruong LS', /là Cụm trưởng/);
      const table = await ok(sec, `/tieuchi\n${CRITERIA}`, /Đã cập nhật bảng tiêu chí/);
      expect(table.text).toContain('tiêu chí, theo chỉ tiêu (công thức Cụm)');
      expect(table.text).toContain('tiêu chí, đạt/không đạt, bắt buộc minh chứng');
      expect(table.text).toContain('tỷ lệ chỉ tiêu, không áp dụng: QN');
      expect(table.text).toContain('tiêu chí, 3 điểm/lần');
      await ok(
        sec,
        `/chitieu\n${Object.entries(TARGETS)
          .map(([u, t]) => `3 ${u} ${t}`)
          .join('\n')}`,
        /Đã giao chỉ tiêu/,
      );
      await ok(sec, '/chitieu 1 LS 100', /không chấm theo chỉ tiêu/);
      await ok(sec, '/dotcham yearend 20/12/2010', /Đã mở đợt chấm điểm tổng kết/);

      for (const [code] of UNITS) {
        const rep = reps.get(code)!;
        const body = Object.entries(SHEETS[code]!)
          .map(([c, p]) => `${c} ${p}`)
          .join('\n');
        await ok(rep, `/cham\n${body}`, /Đã chấm đủ các tiêu chí/);
      }
      // Criterion 2 requires evidence: /submit names it until a file is attached.
      await ok(reps.get('LS')!, '/nop', /bắt buộc minh chứng chưa có tệp: 2\b/);
      for (const [code] of UNITS) {
        await ok(reps.get(code)!, '/minhchung 2', /Đã lưu 1 tệp minh chứng/, {
          attachments: [fileAttachment(`ke-hoach-${code}.pdf`, PDF)],
        });
        await ok(reps.get(code)!, '/nop', /đã nộp phiếu tự chấm/);
      }
      // QN cannot score a criterion that does not apply to it; a written target must match the secretary's.
      expect((await hs.say(reps.get('QN')!, '/cham 4 50/100')).text).toMatch(/không áp dụng cho đơn vị QN/);

      // Before close: the police formula's points are provisional in /mine.
      const mineBefore = (await hs.say(reps.get('LS')!, '/cuatoi')).text;
      expect(mineBefore).toMatch(/120\/100 → 20 \(tạm tính\)/);
      expect(mineBefore).toContain('Minh chứng 2: ke-hoach-LS.pdf.');

      for (const [unit, code, input, reason] of REVIEWS) {
        await ok(sec, `/thamdinh ${unit} ${code} ${input} ${reason}`, /Đã thẩm định/);
      }
      // The sheets no review changed are appraised as they are (/confirm needs an appraisal).
      const reviewed = new Set(REVIEWS.map(([unit]) => unit));
      for (const [code] of UNITS) if (!reviewed.has(code)) await ok(sec, `/thamdinh ${code} ok`, new RegExp(code));

      // Independent computation, with the reviews applied.
      const sheets = Object.fromEntries(Object.entries(SHEETS).map(([u, s]) => [u, { ...s }]));
      for (const [unit, code, input] of REVIEWS) sheets[unit]![code] = input;
      const points = expectedPoints(sheets);
      expect(points.get('LS')![3]).toBe(2000);
      expect(points.get('CB')![3]).toBe(2000); // tie for the best ratio 1,2
      expect(points.get('HGI')![3]).toBe(1500);
      expect(points.get('LCH')![4]).toBe(1313); // 13,125 rounded half up
      const computed = UNITS.map(([code]) => {
        const p = points.get(code)!;
        const base = ['1', '2', '3', '4', '5', '6', '7'].reduce((s, c) => s + (p[c] ?? 0), 0);
        const max = code === 'QN' ? 8500 : 10000;
        const total = Math.max(0, base + p.T! - p.D!);
        const percent = (total * 100) / max;
        const cls = percent >= 95 ? 'Xuất sắc' : percent >= 80 ? 'Tốt' : percent >= 50 ? 'Hoàn thành' : 'Chưa hoàn thành';
        return { code, total, first: p[1]! + p[2]! + p[3]!, deductions: p.D!, cls };
      });
      // Each confirmation states the unit's total: the same figure as the ranking will.
      for (const u of computed) {
        const total = String(u.total / 100).replace('.', ',');
        await ok(reps.get(u.code)!, '/xacnhan', new RegExp(`đã xác nhận kết quả chấm điểm: ${total} điểm\\.`));
      }
      await ok(sec, '/chot', /xếp hạng 7 đơn vị/);
      computed.sort((a, b) => b.total - a.total || b.first - a.first || a.deductions - b.deductions || a.code.localeCompare(b.code));
      const expected = computed.map((u, i) => `${i + 1} ${u.code} ${String(u.total / 100).replace('.', ',')} ${u.cls}`);

      const results = (await hs.say(reps.get('CB')!, '/ketqua')).text;
      const actual = results
        .split('\n')
        .filter((l) => /^\s*\d+\s+[A-Z]/.test(l))
        .map((l) => {
          const cells = l.trim().split(/\s{2,}/);
          return `${cells[0]} ${cells[1]} ${cells[3]} ${cells[4]}`;
        });
      expect(actual).toEqual(expected);

      // The CSV export agrees to the hundredth, criterion by criterion (QN's 4 is empty).
      const csv = (await hs.say(sec, '/xuat csv')).replies.find((r) => r.file)!.file!;
      const rows = parse(
        Buffer.from(csv.bytes)
          .toString('utf8')
          .replace(/^\ufeff/, ''),
      ) as string[][];
      const header = rows[0]!;
      for (const row of rows.slice(1)) {
        const code = row[1]!;
        const p = points.get(code)!;
        for (const c of ['1', '2', '3', '4', '5', '6', '7']) {
          const cell = row[header.indexOf(c)]!;
          expect(cell === '' ? null : Math.round(Number(cell) * 100), `${code} ${c}`).toBe(p[c] ?? null);
        }
        expect(Math.round(Number(row[header.length - 2]) * 100)).toBe(computed.find((u) => u.code === code)!.total);
      }

      // After close: final, no longer provisional, and the same figure.
      const mineAfter = (await hs.say(reps.get('LS')!, '/cuatoi')).text;
      expect(mineAfter).toMatch(/120\/100 → 20(?! \(tạm tính\))/);
      const closed = await hs.store.db.round.findFirst({ where: { state: 'closed' } });
      expect(JSON.parse(closed!.targetPoints!).CB).toMatchObject({ 3: 2000, 4: 1350 });

      // A later target change never moves the closed ranking.
      await ok(sec, '/chitieu 3 QN 10', /Đã giao chỉ tiêu/);
      const again = (await hs.say(reps.get('CB')!, '/ketqua')).text;
      expect(again).toBe(results);
    });
  });
}
