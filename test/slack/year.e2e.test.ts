import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetFormReader } from '../../src/app/sheet-form.js';
import { I18n } from '../../src/i18n/i18n.js';
import type { SlackPost, SlackUser } from '../support/fake-slack.js';
import { freshSqliteStore } from '../support/store.js';
import { ManualClock } from '../../src/domain/clock.js';
import { startSlack, type SlackWorld } from './harness.js';

/**
 * A whole year of the Northern cluster of provincial Home Affairs departments (11 members,
 * examples/units-north.txt) in one Slack channel, through the real Bolt, the Slack adapter, the
 * core and a SQLite file, against the fake Web API: slash commands, mentions with bodies, the
 * criteria `.csv` shared with a mention, join approvals and confirmations by button, one sheet
 * through the modal, a 429 storm, the chart and the exports uploaded and read back cell by cell.
 */
const UNITS = readFileSync(resolve('examples/units-north.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => [l.split(' ')[0]!, l.slice(l.indexOf(' ') + 1).trim()] as [string, string]);
const CSV = readFileSync(resolve('examples/criteria-home-affairs.csv'));
const CRITERIA = (parse(CSV.toString('utf8')) as string[][])
  .slice(1)
  .map(([code, title, max, kind]) => ({ code: code!, title: title!, max: Number(max || 0), kind: kind! }));
const SCORED = CRITERIA.filter((c) => c.kind !== 'section');
const COLUMNS = SCORED.filter((c) => c.kind === 'criterion').map((c) => c.code);
const FIRST_SECTION = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'];
const REVIEW: [string, string, number, string] = ['HP', '1.2', 7.5, 'Thiếu minh chứng <PAR INDEX> & báo cáo'];

function selfScore(unitIndex: number, code: string): number {
  const c = SCORED.find((s) => s.code === code)!;
  if (c.kind === 'bonus') return unitIndex % 3 === 0 ? 2 : 0;
  if (c.kind === 'deduction') return code === 'D1' && unitIndex % 4 === 1 ? 1 : 0;
  const x = Math.sin((unitIndex + 1) * 7919 + SCORED.indexOf(c) * 104729) * 10_000;
  return Math.round(c.max * (0.6 + (x - Math.floor(x)) * 0.4) * 4) / 4;
}
const vi = (n: number) => String(n).replace('.', ',');

// Answered at once by Bolt's listeners, and as `main.ts` runs it: stored in the durable inbox,
// handled by its worker, answered through the outbox.
describe.each([
  { path: 'answered by the listeners', durable: false },
  { path: 'through the durable inbox and outbox', durable: true },
])('Slack end to end: a year of the Northern cluster in one channel, $path', ({ durable }) => {
  let w: SlackWorld;
  const clock = new ManualClock(new Date('2026-01-05T02:00:00Z'));

  beforeAll(async () => {
    const { store, close } = await freshSqliteStore();
    const i18n = new I18n(resolve('locales'), 'vi');
    const readSheet = sheetFormReader({ store, clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' } });
    w = await startSlack({ store, clock, adapter: { readSheet }, ...(durable ? { durable: {} } : {}) });
    const stop = w.stop;
    w.stop = async () => {
      await stop();
      await close();
    };
  });
  afterAll(async () => w?.stop());

  it(
    'runs setup, approvals, criteria upload, scoring (one sheet by modal), review, confirmation, ranking and export',
    { timeout: 120_000 },
    async () => {
      const { fake, events } = w;
      const channel = fake.channel();
      const secretary = fake.user('Vũ Thị Hạnh', { name: 'hanh' });
      const reps = new Map<string, SlackUser>(
        UNITS.map(([code]) => [code, fake.user(`Đại diện ${code}`, { name: `rep.${code.toLowerCase()}` })]),
      );
      const since = async (work: () => Promise<unknown>): Promise<SlackPost[]> => {
        const before = fake.postsIn(channel).length;
        await work();
        await w.settled();
        return fake.postsIn(channel).slice(before);
      };
      const slash = async (who: SlackUser, text: string, expected: RegExp) => {
        const posts = await since(() => events.slash(channel, who.id, text));
        expect(posts.map((p) => p.text).join('\n'), text).toMatch(expected);
        return posts;
      };
      const mention = async (who: SlackUser, text: string, expected: RegExp, files?: Record<string, unknown>[]) => {
        const posts = await since(() => events.mention(channel, who.id, text, files ? { files } : {}));
        expect(posts.map((p) => p.text).join('\n'), text).toMatch(expected);
        return posts;
      };
      const press = async (who: SlackUser, post: SlackPost, expected: RegExp) => {
        const button = post.buttons[0]!;
        const posts = await since(() => events.press(channel, who.id, button.data, post.ts, button.actionId));
        expect(posts.map((p) => p.text).join('\n'), `${who.name} presses ${button.data}`).toMatch(expected);
        return posts;
      };

      // The bot is added to the channel and introduces itself.
      const hello = await since(() => events.botJoins(channel, secretary.id));
      expect(hello.map((p) => p.text).join('\n')).toMatch(/\/thidua/);

      await slash(secretary, 'lapcum Cụm thi đua Sở Nội vụ các tỉnh, thành Bắc Bộ', /Đã lập/);
      await mention(secretary, `themdonvi\n${UNITS.map(([c, n]) => `${c} ${n}`).join('\n')}`, /Đã thêm 11 đơn vị/);
      for (const [code] of UNITS) {
        const request = (await slash(reps.get(code)!, `thamgia ${code.toLowerCase()}`, /đề nghị làm đại diện/)).find(
          (p) => p.buttons.length,
        )!;
        expect(request.buttons[0]!.data).toBe(`/approve ${code}`);
        await press(secretary, request, /Đã duyệt/);
        if (code === 'HN') {
          // A stale press (approved already) and a forged one are answered and change nothing.
          const roles = await w.store.db.role.count();
          await press(secretary, request, /./);
          await press(reps.get('VP')!, { ...request, buttons: [{ ...request.buttons[0]!, data: '/approve VP' }] }, /./);
          expect(await w.store.db.role.count()).toBe(roles);
        }
      }

      clock.set(new Date('2026-01-20T02:00:00Z'));
      await slash(secretary, 'namthidua 2026 Kỷ cương, trách nhiệm, hành động, hiệu quả', /Đã mở năm thi đua 2026/);
      await slash(secretary, 'cumtruong HN', /là Cụm trưởng/);
      await slash(secretary, 'deputy HP', /là Cụm phó/);
      const csv = fake.share('criteria-home-affairs.csv', CSV);
      const criteria = await mention(secretary, 'tieuchi', /Đã cập nhật bảng tiêu chí/, [csv]);
      expect(criteria.map((p) => p.text).join('\n')).toContain('Chuyển đổi số, ứng dụng công nghệ thông tin');
      for (const [code] of UNITS) await slash(reps.get(code)!, 'ky', /đã ký giao ước/);

      clock.set(new Date('2026-11-15T02:00:00Z'));
      await slash(secretary, 'dotcham yearend 10/12/2026', /Đã mở đợt chấm điểm tổng kết/);

      // HN fills its whole sheet in the modal: a word and a score over the maximum are shown on their fields.
      const hn = reps.get('HN')!;
      await since(() => events.slash(channel, hn.id, 'sheet'));
      const view = fake.views.at(-1)!.view;
      const inputs = (view.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input');
      expect(inputs.map((b) => b.block_id)).toEqual(SCORED.flatMap((c) => [`s:${c.code}`, `n:${c.code}`]));
      const values = (points: (code: string) => string) =>
        Object.fromEntries(
          SCORED.flatMap((c) => [
            [`s:${c.code}`, { v: { type: 'plain_text_input', value: points(c.code) } }],
            [`n:${c.code}`, { v: { type: 'plain_text_input', value: c.code === '1.1' ? 'Báo cáo số 12/BC' : null } }],
          ]),
        );
      const wrong = await events.submit(
        hn.id,
        view,
        values((code) => (code === '1.3' ? 'tám' : code === '1.1' ? '12' : vi(selfScore(0, code)))),
      );
      expect(JSON.parse(wrong.body)).toEqual({ response_action: 'errors', errors: { 's:1.3': expect.any(String) } });
      const over = await events.submit(
        hn.id,
        view,
        values((code) => (code === '1.1' ? '12' : vi(selfScore(0, code)))),
      );
      expect(JSON.parse(over.body).errors).toHaveProperty(['s:1.1']);
      const saved = await since(() =>
        events.submit(
          hn.id,
          view,
          values((code) => vi(selfScore(0, code))),
        ),
      );
      expect(saved.map((p) => p.text).join('\n')).toMatch(/điểm tự chấm của HN/);
      await slash(hn, 'cuatoi', /HN/);
      await since(() => events.slash(channel, hn.id, 'sheet'));
      const again = fake.views.at(-1)!.view.blocks as { block_id?: string; element?: { initial_value?: string } }[];
      expect(again.find((b) => b.block_id === 's:1.1')!.element!.initial_value).toBe(vi(selfScore(0, '1.1')));

      // The others score by mention; a 429 storm on the way is waited out, nothing is lost.
      fake.failNext('chat.postMessage', 8, { retryAfter: 1 });
      for (const [i, [code]] of UNITS.entries()) {
        if (code === 'HN') continue;
        const lines = SCORED.map((c) => `${c.code} ${vi(selfScore(i, c.code))}`);
        await mention(reps.get(code)!, `cham\n${lines.join('\n')}`, new RegExp(`điểm tự chấm của ${code}`));
      }
      expect(fake.refused.filter((r) => r.error === '429')).toHaveLength(8);
      for (const [code] of UNITS) await slash(reps.get(code)!, 'nop', /đã nộp phiếu tự chấm/);

      const [unit, code, points, reason] = REVIEW;
      const reviewed = await slash(secretary, `thamdinh ${unit} ${code} ${vi(points)} ${reason}`, /Đã thẩm định/);
      expect(reviewed.map((p) => p.text).join('\n')).toContain(reason);
      const confirm = reviewed.find((p) => p.buttons.some((b) => b.data === '/confirm'))!;
      // The other sheets are appraised unchanged before anyone confirms.
      for (const [c] of UNITS) if (c !== unit) await slash(secretary, `thamdinh ${c} ok`, /./);
      for (const [c] of UNITS) await press(reps.get(c)!, confirm, /đã xác nhận kết quả/);
      await slash(secretary, 'chot', /xếp hạng 11 đơn vị/);

      const expected = UNITS.map(([c, name], i) => {
        const pts = new Map(SCORED.map((s) => [s.code, selfScore(i, s.code)]));
        if (c === unit) pts.set(code, points);
        let total = 0,
          bonus = 0,
          deductions = 0;
        for (const s of SCORED) {
          const p = Math.round(pts.get(s.code)! * 100);
          if (s.kind === 'deduction') deductions += p;
          else if (s.kind === 'bonus') bonus += p;
          else total += p;
        }
        const first = FIRST_SECTION.reduce((sum, s) => sum + Math.round(pts.get(s)! * 100), 0);
        return { code: c, name, pts, bonus, deductions, total: total + bonus - deductions, first };
      }).sort((a, b) => b.total - a.total || b.first - a.first || a.deductions - b.deductions || a.code.localeCompare(b.code));

      const results = await slash(hn, 'ketqua', /./);
      const chart = results.find((p) => p.file)!;
      expect(chart.file!.fileName).toMatch(/\.png$/);
      expect(Buffer.from(chart.file!.bytes).subarray(0, 4).toString('latin1')).toBe('\x89PNG');

      const xlsx = (await slash(secretary, 'xuat', /./)).find((p) => p.file)!;
      expect(xlsx.file!.fileName).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.file!.bytes) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(headers.slice(3, 3 + COLUMNS.length)).toEqual(COLUMNS);
      for (const [i, u] of expected.entries()) {
        const row = (sheet.getRow(i + 2).values as unknown[]).slice(1);
        expect(row.slice(0, 3)).toEqual([i + 1, u.code, u.name]);
        expect(row.slice(3, 3 + COLUMNS.length)).toEqual(COLUMNS.map((c) => u.pts.get(c)));
        expect(row.slice(3 + COLUMNS.length, 6 + COLUMNS.length)).toEqual([u.bonus / 100, u.deductions / 100, u.total / 100]);
      }
      const csvOut = (await slash(secretary, 'export csv', /./)).find((p) => p.file)!;
      const rows = parse(
        Buffer.from(csvOut.file!.bytes)
          .toString('utf8')
          .replace(/^\ufeff/, ''),
      ) as string[][];
      expect(rows.slice(1).map((r) => r.slice(0, 3))).toEqual(expected.map((u, i) => [String(i + 1), u.code, u.name]));

      // Slack refused nothing the bot sent (blocks, limits, escaping), apart from the 429s.
      expect(fake.refused.filter((r) => r.error !== '429')).toEqual([]);
    },
  );
});
