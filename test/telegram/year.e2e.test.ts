import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import type { Chat, Message, Update, User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/app/bot-core.js';
import { ManualClock } from '../../src/domain/clock.js';
import { I18n } from '../../src/i18n/i18n.js';
import { TelegramAdapter } from '../../src/adapters/telegram/index.js';
import { FakeTelegram, type BotMessage } from '../support/fake-telegram.js';
import { freshSqliteStore } from '../support/store.js';
import { testLogger } from './harness.js';

/**
 * A whole emulation year of the Hà Nam internal-affairs bloc (9 members, DOMAIN.md), played in
 * one Telegram supergroup by a secretary and 9 unit representatives, through the real grammY
 * client, the Telegram adapter, the core and a SQLite file, against the fake Bot API server.
 * The ranking and the exported files are checked against totals computed here.
 */

const UNITS: [string, string][] = [
  ['SNV', 'Sở Nội vụ'],
  ['CA', 'Công an tỉnh'],
  ['VKS', 'Viện Kiểm sát nhân dân tỉnh'],
  ['TA', 'Tòa án nhân dân tỉnh'],
  ['TTR', 'Thanh tra tỉnh'],
  ['STP', 'Sở Tư pháp'],
  ['BNC', 'Ban Nội chính Tỉnh ủy'],
  ['THADS', 'Cục Thi hành án dân sự tỉnh'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh'],
];

/** The bloc's own criteria, uploaded as an `.xlsx` after a first `.csv` table is replaced. */
const CRITERIA: { code: string; title: string; max?: number; kind: 'section' | 'criterion' | 'bonus' | 'deduction' }[] = [
  { code: 'I', title: 'Thực hiện nhiệm vụ chính trị', kind: 'section' },
  { code: '1.1', title: 'Kết quả thực hiện nhiệm vụ chuyên môn', max: 40, kind: 'criterion' },
  { code: '1.2', title: 'Phòng, chống tham nhũng, tiêu cực', max: 20, kind: 'criterion' },
  { code: 'II', title: 'Phong trào thi đua', kind: 'section' },
  { code: '2.1', title: 'Tổ chức phong trào thi đua', max: 15, kind: 'criterion' },
  { code: '2.2', title: 'Tham gia hoạt động của Khối', max: 15, kind: 'criterion' },
  { code: 'III', title: 'Xây dựng tổ chức', kind: 'section' },
  { code: '3', title: 'Xây dựng Đảng, đoàn thể vững mạnh', max: 10, kind: 'criterion' },
  { code: 'T', title: 'Điểm thưởng', max: 5, kind: 'bonus' },
  { code: 'D1', title: 'Chậm báo cáo', max: 2, kind: 'deduction' },
  { code: 'D2', title: 'Vi phạm kỷ luật', max: 5, kind: 'deduction' },
];
const SCORED = CRITERIA.filter((c) => c.kind !== 'section');
const FIRST_SECTION = ['1.1', '1.2'];
const REVIEWS: [string, string, number, string][] = [
  ['CA', '1.2', 18, 'Có cán bộ bị xử lý kỷ luật'],
  ['TA', '2.1', 12.5, 'Thiếu minh chứng phong trào <thi đua> & khen thưởng'],
];

/** A unit's self-score for one criterion: deterministic, distinct per unit, within the maximum. */
function selfScore(unitIndex: number, code: string): number {
  const c = SCORED.find((s) => s.code === code)!;
  if (c.kind === 'bonus') return unitIndex % 3 === 0 ? 2 : 0;
  if (c.kind === 'deduction') return code === 'D1' && unitIndex % 4 === 1 ? 1 : 0;
  const x = Math.sin((unitIndex + 1) * 7919 + SCORED.indexOf(c) * 104729) * 10_000;
  const fraction = 0.6 + (x - Math.floor(x)) * 0.4;
  return Math.round(c.max! * fraction * 4) / 4;
}

const vi = (n: number) => String(n).replace('.', ',');

async function criteriaXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Tiêu chí');
  sheet.addRow(['code', 'title', 'max', 'kind']);
  for (const c of CRITERIA) sheet.addRow([c.code, c.title, c.max ?? null, c.kind]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Telegram end to end: a year of the Hà Nam internal-affairs bloc in one supergroup', () => {
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  let closeStore: () => Promise<void>;
  const clock = new ManualClock(new Date('2021-03-21T01:00:00Z'));

  beforeAll(async () => {
    const fresh = await freshSqliteStore();
    closeStore = fresh.close;
    const i18n = new I18n(resolve('locales'));
    // As main.ts wires it: the core reads what the platform shows from its adapter.
    const core = new BotCore({
      store: fresh.store,
      clock,
      i18n,
      defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
      capabilitiesOf: () => adapter.capabilities,
    });
    fake = await FakeTelegram.start({ username: 'khoi_noichinh_bot' });
    adapter = new TelegramAdapter({
      config: { token: fake.token, apiRoot: fake.apiRoot },
      core,
      i18n,
      logger: testLogger,
      botInfo: fake.bot,
      polling: { timeoutSeconds: 1 },
    });
    await adapter.start();
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.stop();
    await closeStore?.();
  });

  it(
    'runs setup, membership, covenant, criteria uploads, scoring, review, confirmation, ranking and export',
    { timeout: 60_000 },
    async () => {
      const group = fake.group('Khối thi đua Nội chính tỉnh Hà Nam') as Chat.SupergroupChat;
      const secretary = fake.user('Hạnh', { lastName: 'Vũ Thị', username: 'thuky_khoi' });
      const reps = new Map<string, User>(
        UNITS.map(([code], i) => [code, fake.user(`Đại diện ${code}`, { username: `rep_${code.toLowerCase()}_${i}` })]),
      );

      /** One message in the group; resolves with the bot's first answer to it, checked. */
      let lastSaid: Message | undefined;
      const ask = async (who: User, text: string, expected: RegExp): Promise<BotMessage> => {
        const from = fake.sent.length;
        const message = fake.say(group, who, text);
        lastSaid = message;
        const reply = await fake.waitForMessage((m) => m.chatId === group.id && m.replyTo === message.message_id, { from });
        expect(reply.text, text).toMatch(expected);
        return reply;
      };
      const press = async (message: BotMessage, who: User, expected: RegExp): Promise<BotMessage> => {
        const from = fake.sent.length;
        fake.press(message, who);
        const reply = await fake.waitForMessage((m) => m.chatId === group.id && m.replyTo === message.messageId, { from });
        expect(reply.text, `${who.first_name} presses ${message.buttons[0]![0]!.data}`).toMatch(expected);
        return reply;
      };
      const upload = async (who: User, fileName: string, bytes: Buffer, caption: string, expected: RegExp): Promise<BotMessage> => {
        const from = fake.sent.length;
        const message = fake.sendFile(group, who, { fileName, bytes, caption });
        const reply = await fake.waitForMessage((m) => m.chatId === group.id && m.replyTo === message.message_id, { from });
        expect(reply.text, fileName).toMatch(expected);
        return reply;
      };

      // The secretary adds the bot; it greets and asks to be made admin.
      fake.addBot(group, secretary);
      const hello = await fake.waitForMessage((m) => m.chatId === group.id);
      expect(hello.text).toContain('/tinhhinh@khoi_noichinh_bot');

      // Setup and members (privacy mode: the first commands carry the bot's name).
      await ask(secretary, '/lapcum@khoi_noichinh_bot Khối thi đua Nội chính tỉnh Hà Nam', /Đã lập/);
      await ask(secretary, `/themdonvi@khoi_noichinh_bot\n${UNITS.map(([c, n]) => `${c} ${n}`).join('\n')}`, /Đã thêm 9 đơn vị/);
      for (const [code] of UNITS) {
        const request = await ask(reps.get(code)!, `/thamgia ${code.toLowerCase()}`, /đề nghị làm đại diện/);
        expect(request.buttons[0]![0]!.data).toBe(`/approve ${code}`);
        await press(request, secretary, /Đã duyệt/);
      }

      // The covenant conference, 31/03/2021: year, leader and deputy, criteria.
      clock.set(new Date('2021-03-31T01:00:00Z'));
      await ask(secretary, '/namthidua 2021 Kỷ cương, trách nhiệm, hành động, hiệu quả', /Đã mở năm thi đua 2021/);
      await ask(secretary, '/cumtruong SNV', /là Cụm trưởng/);
      await ask(secretary, '/deputy CA', /là Cụm phó/);
      const csv = readFileSync(resolve('examples/criteria-home-affairs.csv'));
      const fromCsv = await upload(secretary, 'criteria-home-affairs.csv', csv, '/criteria@khoi_noichinh_bot', /Đã cập nhật bảng tiêu chí/);
      expect(fromCsv.text).toContain('Chuyển đổi số, ứng dụng công nghệ thông tin');
      const fromXlsx = await upload(
        secretary,
        'Tiêu chí Khối Nội chính 2021.xlsx',
        await criteriaXlsx(),
        '/tieuchi',
        /Đã cập nhật bảng tiêu chí/,
      );
      expect(fromXlsx.text).toContain('Xây dựng Đảng, đoàn thể vững mạnh');
      expect(fromXlsx.text).not.toContain('Chuyển đổi số');
      for (const [code] of UNITS) {
        await ask(reps.get(code)!, '/ky', /đã ký giao ước/);
        await ask(reps.get(code)!, '/dangky Cờ thi đua của Ủy ban nhân dân tỉnh', /đăng ký thi đua/);
      }
      expect((await ask(secretary, '/tinhhinh', /./)).text).toContain('Ký giao ước: 9/9');

      // Year-end round: self-scores (a 429 burst on the way changes nothing), submissions.
      clock.set(new Date('2021-11-15T02:00:00Z'));
      await ask(secretary, '/dotcham yearend 10/12/2021', /Đã mở đợt chấm điểm tổng kết/);
      fake.failNext('sendMessage', 2, 429, 1);
      for (const [i, [code]] of UNITS.entries()) {
        const lines = SCORED.map((c) => `${c.code} ${vi(selfScore(i, c.code))}${c.code === '1.1' ? ' Báo cáo tổng kết số 12/BC' : ''}`);
        await ask(reps.get(code)!, `/cham\n${lines.join('\n')}`, new RegExp(`điểm tự chấm của ${code}`));
        // Telegram delivers SNV's /cham again (a lost acknowledgement): the core's ledger ignores
        // it, so nothing answers it a second time (it is handled before the /nop that follows).
        const scored = lastSaid!;
        if (code === 'SNV') fake.redeliver(fake.updateOf(scored));
        await ask(reps.get(code)!, '/nop', /đã nộp phiếu tự chấm/);
        expect(fake.sent.filter((m) => m.replyTo === scored.message_id)).toHaveLength(1);
        if (code === 'SNV') {
          const id = fake.updateOf(scored).update_id;
          const fetched = fake.callsOf('getUpdates').filter((c) => (c.result as Update[]).some((u) => u.update_id === id));
          expect(fetched).toHaveLength(2);
        }
      }
      expect(fake.callsOf('sendMessage').filter((c) => c.errorCode === 429)).toHaveLength(2);

      // Review by the secretary; every unit confirms with the button under a review.
      let confirmButton: BotMessage | undefined;
      for (const [unit, code, points, reason] of REVIEWS) {
        confirmButton = await ask(secretary, `/thamdinh ${unit} ${code} ${vi(points)} ${reason}`, /Đã thẩm định/);
        expect(confirmButton.text).toContain(reason);
        expect(confirmButton.buttons[0]![0]!.data).toBe('/confirm');
      }
      const changed = new Set(REVIEWS.map(([unit]) => unit));
      for (const [code] of UNITS) if (!changed.has(code)) await ask(secretary, `/thamdinh ${code} ok`, /giữ nguyên điểm tự chấm/);
      for (const [code] of UNITS) await press(confirmButton!, reps.get(code)!, /đã xác nhận kết quả/);
      expect((await ask(secretary, '/status', /./)).text).toContain('Đã xác nhận: 9/9');
      await ask(secretary, '/chot', /xếp hạng 9 đơn vị/);

      // The ranking computed here: Σ criteria + bonus − deductions; ties by section I, then deductions.
      const expected = UNITS.map(([code, name], i) => {
        const points = new Map(SCORED.map((c) => [c.code, selfScore(i, c.code)]));
        for (const [unit, criterion, value] of REVIEWS) if (unit === code) points.set(criterion, value);
        let total = 0;
        let deductions = 0;
        let bonus = 0;
        for (const c of SCORED) {
          const p = Math.round(points.get(c.code)! * 100);
          if (c.kind === 'deduction') deductions += p;
          else if (c.kind === 'bonus') bonus += p;
          else total += p;
        }
        const first = FIRST_SECTION.reduce((s, c) => s + Math.round(points.get(c)! * 100), 0);
        return { code, name, points, bonus, deductions, total: total + bonus - deductions, first };
      }).sort((a, b) => b.total - a.total || b.first - a.first || a.deductions - b.deductions || a.code.localeCompare(b.code));

      // /results: the chart as a photo, the table as its caption (escaped, monospace).
      const results = await ask(reps.get('SNV')!, '/ketqua', /.+/);
      expect(results.method).toBe('sendPhoto');
      expect(results.file!.bytes.subarray(0, 4).toString('latin1')).toBe('\x89PNG');
      const table = results.pre
        .join('\n')
        .split('\n')
        .filter((l) => /^\s*\d+\s+[A-Z]/.test(l));
      expect(table.map((l) => l.trim().split(/\s{2,}/)[1])).toEqual(expected.map((u) => u.code));
      expect(table.map((l) => l.trim().split(/\s{2,}/)[3])).toEqual(expected.map((u) => vi(u.total / 100)));

      // /export (xlsx) and /export csv: documents whose content is the consolidated table.
      const header = ['1.1', '1.2', '2.1', '2.2', '3'];
      const xlsxText = await ask(secretary, '/xuat', /.+/);
      const xlsxDoc = await fake.waitForMessage((m) => m.method === 'sendDocument' && m.chatId === group.id, {
        from: fake.sent.indexOf(xlsxText),
      });
      expect(xlsxDoc.file!.fileName).toMatch(/\.xlsx$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsxDoc.file!.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      expect(headers.slice(3, 8)).toEqual(header);
      expect(headers).toHaveLength(3 + header.length + 4);
      for (const [i, unit] of expected.entries()) {
        const row = (sheet.getRow(i + 2).values as unknown[]).slice(1);
        expect(row[0]).toBe(i + 1);
        expect(row[1]).toBe(unit.code);
        expect(row[2]).toBe(unit.name);
        expect(row.slice(3, 8)).toEqual(header.map((c) => unit.points.get(c)));
        expect(row[8]).toBe(unit.bonus / 100);
        expect(row[9]).toBe(unit.deductions / 100);
        expect(row[10]).toBe(unit.total / 100);
        expect(typeof row[11]).toBe('string');
      }

      const csvText = await ask(secretary, '/export csv', /.+/);
      const csvDoc = await fake.waitForMessage((m) => m.method === 'sendDocument' && m.chatId === group.id, {
        from: fake.sent.indexOf(csvText),
      });
      expect(csvDoc.file!.fileName).toMatch(/\.csv$/);
      expect(csvDoc.file!.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
      const rows = parse(csvDoc.file!.bytes.toString('utf8').replace(/^\ufeff/, '')) as string[][];
      expect(rows[0]!.slice(3, 8)).toEqual(header);
      expect(rows.slice(1).map((r) => [r[0], r[1], r[2], ...r.slice(3, 8), r[8], r[9], r[10]])).toEqual(
        expected.map((u, i) => [
          String(i + 1),
          u.code,
          u.name,
          ...header.map((c) => String(u.points.get(c))),
          String(u.bonus / 100),
          String(u.deductions / 100),
          String(u.total / 100),
        ]),
      );

      // Nothing the bot sent was refused by Telegram (HTML, lengths, buttons), apart from the 429s.
      const refused = fake.calls.filter((c) => !c.ok && c.errorCode !== 429);
      expect(refused.map((c) => `${c.method}: ${c.description}`)).toEqual([]);
    },
  );
});
