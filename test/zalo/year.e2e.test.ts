import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Chat, User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/domain/clock.js';
import type { Store } from '../../src/store/store.js';
import type { BotMessage } from '../support/fake-telegram.js';
import { zaloPhoto, zaloText, type FakeZalo, type FakeZaloMessage } from '../support/fake-zalo.js';
import { startTwoPlatformInstance, type TwoPlatformInstance } from '../support/instance.js';
import { storeProviders } from '../support/store.js';
import { borderRanking, BORDER_CRITERIA, BORDER_REVIEWS, selfScores, vi } from './year-figures.js';

/**
 * A year of the 7-member northern border cluster (DOMAIN.md, `examples/units-border.txt`) on two
 * platforms at once, wired as `src/main.ts` wires them: the secretary works in a Telegram
 * supergroup (the real grammY adapter against the fake Bot API), every representative in a Zalo
 * private chat with the bot (the real Zalo adapter and our client against the fake Zalo Bot
 * API); one store, one core, the durable inbox and outbox, signed links. Reminders come from
 * the scheduler on the manual clock. The ranking is checked against one computed here.
 */
const UNITS: [string, string][] = readFileSync('examples/units-border.txt', 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => [l.split(' ')[0]!, l.split(' ').slice(1).join(' ')]);

/** A unit's picture: a PNG for odd units, a JPEG for even ones (the content says which), distinct per unit. */
function picture(i: number): Buffer {
  const head =
    i % 2
      ? Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
      : Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
  return Buffer.concat([head, Buffer.from(`biên bản khen thưởng ${i}`)]);
}

/** Zalo user ids are 19-digit strings. */
const zaloId = (i: number) => `846221903456781${String(2000 + i)}`;

const PROVIDERS = await storeProviders('the Zalo year of the border cluster');

for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`Zalo and Telegram: a year of the northern border cluster on ${provider.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let bot: TwoPlatformInstance;
    const clock = new ManualClock(new Date('2010-04-20T02:00:00Z'));
    const reps = new Map(UNITS.map(([code, name], i) => [code, { id: zaloId(i), name: `Chuyên viên ${name}` }]));
    const rep = (code: string) => reps.get(code)!;

    beforeAll(async () => {
      ({ store, close } = await provider.open());
      bot = await startTwoPlatformInstance({ store, clock, links: true });
    });
    afterAll(async () => {
      await bot?.stop();
      await close?.();
    });

    it('runs the year with every representative on Zalo and the secretary on Telegram', { timeout: 120_000 }, async () => {
      const tg = bot.telegram.fake;
      const zalo: FakeZalo = bot.zalo.fake;
      const group = tg.group('Cụm thi đua Sở Nội vụ 7 tỉnh biên giới phía Bắc') as Chat.SupergroupChat;
      const secretary = tg.user('Hoàng', { lastName: 'Thị Mai', username: 'thuky_biengioi' });

      /** The secretary writes in a Telegram chat; resolves the bot's answer, checked. */
      const tgSays = async (chat: Chat, text: string, expected: RegExp, who: User = secretary): Promise<BotMessage> => {
        const from = tg.sent.length;
        const message = tg.say(chat, who, text);
        const reply = await tg.waitForMessage(
          (m) => m.chatId === chat.id && (chat.type === 'private' || m.replyTo === message.message_id),
          { from },
        );
        expect(reply.text, text).toMatch(expected);
        return reply;
      };
      /** What the bot sent to a Zalo chat from call number `from` on: texts and photo captions. */
      const zaloSent = (chatId: string, from: number) =>
        zalo.calls
          .slice(from)
          .filter((c) => (c.method === 'sendMessage' || c.method === 'sendPhoto') && c.body.chat_id === chatId)
          .map((c) => String(c.method === 'sendMessage' ? c.body.text : c.body.caption));
      /** A representative writes to the bot on Zalo; resolves everything the bot answered, checked. */
      const zaloSays = async (code: string, text: string | FakeZaloMessage, expected: RegExp): Promise<string> => {
        const who = rep(code);
        const from = zalo.calls.length;
        zalo.push(typeof text === 'string' ? zaloText(who, text) : text);
        await zalo.waitForCall(() => zaloSent(who.id, from).length > 0);
        await bot.idle();
        const answer = zaloSent(who.id, from).join('\n\n');
        expect(answer, `${code}: ${typeof text === 'string' ? text : text.caption}`).toMatch(expected);
        return answer;
      };

      // Setup in the Telegram group; the secretary writes to the bot privately once (the invite code goes there).
      tg.addBot(group, secretary, 'administrator');
      await tg.waitForMessage((m) => m.chatId === group.id);
      await tgSays(group, '/lapcum Cụm thi đua Sở Nội vụ 7 tỉnh biên giới phía Bắc', /Đã lập/);
      await tgSays(group, `/themdonvi\n${UNITS.map(([c, n]) => `${c} ${n}`).join('\n')}`, /Đã thêm 7 đơn vị/);
      const secretaryChat = tg.privateChat(secretary);
      await tgSays(secretaryChat, '/start', /./);
      const asked = tg.sent.length;
      tg.say(group, secretary, '/moi');
      const invite = await tg.waitForMessage((m) => m.chatId === secretaryChat.id, { from: asked });
      const code = /: ([A-Z2-9]{8})\./.exec(invite.text)![1]!;

      // Each representative joins from a Zalo private chat; the secretary approves in Telegram.
      for (const [unit, name] of UNITS) {
        const before = tg.sent.length;
        await zaloSays(unit, `/thamgia ${unit.toLowerCase()} ${code}`, /chờ thư ký duyệt/);
        const request = await tg.waitForMessage((m) => m.chatId === group.id && m.text.includes(`đại diện của ${unit} –`), {
          from: before,
        });
        expect(request.text).toContain(rep(unit).name);
        expect(request.buttons[0]!.map((b) => b.data)).toEqual([`/approve ${unit}`, `/refuse ${unit}`]);
        const from = zalo.calls.length;
        tg.press(request, secretary);
        await zalo.waitForCall(() => zaloSent(rep(unit).id, from).length > 0);
        expect(zaloSent(rep(unit).id, from)[0]).toContain(`đã được duyệt: Bạn là đại diện của ${unit} – ${name}`);
      }

      // The covenant conference, 28/04/2010, hosted by Lạng Sơn: year, leader, deputy, criteria.
      clock.set(new Date('2010-04-28T01:00:00Z'));
      await tgSays(group, '/namthidua 2010 Đoàn kết, hợp tác, phát triển', /Đã mở năm thi đua 2010/);
      await tgSays(group, '/cumtruong LS', /là Cụm trưởng/);
      await tgSays(group, '/cumpho CB', /là Cụm phó/);
      await tgSays(group, `/tieuchi\n${BORDER_CRITERIA}`, /Đã cập nhật bảng tiêu chí/);
      await zaloSays('HGI', '/tieuchi', /Cải cách thủ tục hành chính/);

      // The year-end round; cross-reviewers in a ring (each unit reviewed by the next).
      clock.set(new Date('2010-11-15T02:00:00Z'));
      await tgSays(group, '/dotcham yearend 20/12/2010', /Đã mở đợt chấm điểm tổng kết/);
      const reviewerOf = (i: number) => UNITS[(i + 1) % UNITS.length]![0];
      for (const [i, [unit]] of UNITS.entries()) await tgSays(group, `/phancong ${unit} ${reviewerOf(i)}`, /Đã phân công/);

      // Everyone scores from Zalo, sends a photo of its commendation decisions as the evidence
      // criterion 5 asks for (a picture captioned /minhchung 5), and four submit early.
      const pictures = new Map<string, Buffer>();
      for (const [i, [unit]] of UNITS.entries()) {
        const lines = Object.entries(selfScores(i)).map(([c, p]) => `${c} ${vi(p)}`);
        await zaloSays(unit, `/cham\n${lines.join('\n')}`, /Đã chấm đủ các tiêu chí/);
        pictures.set(unit, picture(i));
        const url = zalo.photo(pictures.get(unit)!, { extension: i % 2 ? 'png' : 'jpg' });
        await zaloSays(unit, zaloPhoto(rep(unit), url, '/minhchung 5'), new RegExp(`Đã lưu 1 tệp minh chứng cho ${unit}, tiêu chí 5`));
        if (i < 4) await zaloSays(unit, '/nop', /đã nộp phiếu tự chấm/);
      }

      // 17/12/2010 09:00 in Hà Nội: the 3-day reminder reaches each missing unit's representative once, on Zalo.
      clock.set(new Date('2010-12-17T02:00:00Z'));
      const missing = UNITS.slice(4).map(([unit]) => unit);
      const ticked = zalo.calls.length;
      const tgTicked = tg.sent.length;
      const report = await bot.scheduler('one').tick();
      expect(report.privateDeliveries).toBe(missing.length);
      for (const [unit, name] of UNITS) {
        const got = zaloSent(rep(unit).id, ticked);
        if (!missing.includes(unit)) expect(got, unit).toEqual([]);
        else {
          expect(got, unit).toHaveLength(1);
          expect(got[0]).toContain(`${unit} – ${name}`);
          expect(got[0]).toContain('20/12/2010');
        }
      }
      const inGroup = tg.sent.slice(tgTicked).filter((m) => m.chatId === group.id);
      expect(inGroup).toHaveLength(1);
      for (const unit of missing) expect(inGroup[0]!.text).toContain(unit);
      expect(tg.sentTo(secretaryChat.id).slice(-1)[0]).toBe(invite);
      // Not again: the same instance ticking again, nor another instance.
      expect((await bot.scheduler('one').tick()).claimed).toBe(0);
      expect((await bot.scheduler('two').tick()).claimed).toBe(0);
      for (const [unit] of UNITS) expect(zaloSent(rep(unit).id, ticked).length, unit).toBe(missing.includes(unit) ? 1 : 0);
      expect(await store.db.reminderPrivateDelivery.count({ where: { state: 'sent' } })).toBe(missing.length);

      for (const unit of missing) await zaloSays(unit, '/nop', /đã nộp phiếu tự chấm/);

      // Cross-review from Zalo: two changes with reasons, the other sheets appraised as they are.
      const changed = new Map(BORDER_REVIEWS.map((r) => [r.unit, r]));
      const reviewsFrom = zalo.calls.length;
      for (const [i, [unit]] of UNITS.entries()) {
        const reviewer = reviewerOf(i);
        // The reviewer reads the unit's evidence first: the picture, by a signed link.
        const read = await zaloSays(reviewer, `/minhchung ${unit} 5`, new RegExp(`Minh chứng của ${unit}, tiêu chí 5 \\(1 tệp\\)`));
        const link = /(http:\/\/\S+\/files\/\S+?) \(/.exec(read)![1]!;
        expect(Buffer.from(await (await fetch(link)).arrayBuffer()).equals(pictures.get(unit)!)).toBe(true);
        const review = changed.get(unit);
        if (!review) {
          await zaloSays(reviewer, `/thamdinh ${unit} ok`, /giữ nguyên điểm tự chấm/);
          continue;
        }
        const from = zalo.calls.length;
        await zaloSays(reviewer, `/thamdinh ${unit} ${review.code} ${vi(review.points)} ${review.reason}`, /Đã thẩm định/);
        // The reviewed unit's representative is told privately, on Zalo.
        await zalo.waitForCall(() => zaloSent(rep(unit).id, from).some((t) => t.includes(review.reason)));
      }
      // Each unit's representative was told of its review privately, once, on Zalo.
      for (const [unit] of UNITS) {
        const told = () => zaloSent(rep(unit).id, reviewsFrom).filter((t) => t.startsWith(`Phiếu điểm của ${unit} trong Cụm thi đua`));
        await zalo.waitForCall(() => told().length > 0);
        expect(told(), unit).toHaveLength(1);
        expect(told()[0]).toContain(changed.get(unit)?.reason ?? 'giữ nguyên điểm tự chấm');
      }
      for (const [unit] of UNITS) await zaloSays(unit, '/xacnhan', /đã xác nhận kết quả/);
      expect((await tgSays(group, '/tinhhinh', /./)).text).toContain('Đã xác nhận: 7/7');
      await tgSays(group, '/chot', /xếp hạng 7 đơn vị/);

      // The ranking computed here, independently.
      const expected = borderRanking(UNITS);

      // /results on Zalo: the chart by sendPhoto with its signed link, the table as compact lines.
      const from = zalo.calls.length;
      const results = await zaloSays('QN', '/ketqua', /./);
      const photo = zalo.calls.slice(from).find((c) => c.method === 'sendPhoto' && c.body.chat_id === rep('QN').id)!;
      expect(String(photo.body.photo).startsWith(`${bot.publicUrl}files/`)).toBe(true);
      const chart = await fetch(String(photo.body.photo));
      expect(chart.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await chart.arrayBuffer())
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('\x89PNG');
      const ranked = results.split('\n').filter((l) => /^\d+\. [A-Z]+ /.test(l));
      expect(ranked.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(expected.map((u) => `${u.rank}. ${u.code}`));
      for (const [i, u] of expected.entries()) expect(ranked[i]).toContain(` ${vi(u.total / 100)} `);

      // /results in the Telegram group: the chart as a photo.
      const tgResults = await tgSays(group, '/ketqua', /./);
      expect(tgResults.method).toBe('sendPhoto');

      // /export by the leader unit's representative on Zalo: a link to the workbook, then the CSV.
      const xlsxText = await zaloSays('LS', '/xuat', /Tải tệp “bang-tong-hop-2010-tong-ket\.xlsx” tại: http/);
      const xlsxUrl = /(http:\/\/\S+\/files\/\S+?) \(/.exec(xlsxText)![1]!;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await (await fetch(xlsxUrl)).arrayBuffer());
      const sheet = workbook.worksheets[0]!;
      const columns = ['1', '2', '3', '4', '5', '6', '7'];
      expect((sheet.getRow(1).values as unknown[]).slice(4, 11).map(String)).toEqual(columns);
      for (const [i, u] of expected.entries()) {
        const row = (sheet.getRow(i + 2).values as unknown[]).slice(1);
        expect(row.slice(0, 3)).toEqual([u.rank, u.code, u.name]);
        expect(row.slice(3, 10)).toEqual(columns.map((c) => u.points[c]));
        expect(row.slice(10, 13)).toEqual([u.bonus / 100, u.deductions / 100, u.total / 100]);
      }
      const csvText = await zaloSays('LS', '/xuat csv', /\.csv” tại: http/);
      const csv = Buffer.from(await (await fetch(/(http:\/\/\S+\/files\/\S+?) \(/.exec(csvText)![1]!)).arrayBuffer());
      const rows = parse(csv.toString('utf8').replace(/^\ufeff/, '')) as string[][];
      expect(rows.slice(1).map((r) => [r[1], r[12]])).toEqual(expected.map((u) => [u.code, String(u.total / 100)]));

      // Everything sent on Zalo was plain text within 2,000 characters; nothing was refused on either platform.
      const texts = zalo.calls.filter((c) => c.method === 'sendMessage').map((c) => String(c.body.text));
      expect(texts.filter((t) => [...t].length > 2000 || /<\/?[a-z]+>|\*\*/.test(t))).toEqual([]);
      expect(tg.calls.filter((c) => !c.ok).map((c) => `${c.method}: ${c.description}`)).toEqual([]);
    });

    it('without PUBLIC_URL, answers /results and /export on Zalo with the table and sentences instead', async () => {
      await bot.stop();
      bot = await startTwoPlatformInstance({ store, clock, links: false });
      const zalo = bot.zalo.fake;
      const ask = async (code: string, text: string): Promise<string[]> => {
        const from = zalo.calls.length;
        zalo.push(zaloText(rep(code), text));
        await zalo.waitForCall((c) => zalo.calls.indexOf(c) >= from && c.body.chat_id === rep(code).id);
        await bot.idle();
        return zalo.calls
          .slice(from)
          .filter((c) => c.body.chat_id === rep(code).id)
          .map((c) => `${c.method}: ${String(c.body.text)}`);
      };
      // No picture can reach Zalo without a link: the chart is not drawn, a sentence says so, the table says it all.
      const results = await ask('QN', '/ketqua');
      expect(results).toHaveLength(1);
      expect(results[0]).toMatch(/^sendMessage: Kết quả tổng kết năm 2010/);
      expect(results[0]).toContain('Nền tảng này không hiển thị được biểu đồ xếp hạng; bảng dưới đây có đủ thông tin.');
      const ranked = results[0]!.split('\n').filter((l) => /^\d+\. [A-Z]+ /.test(l));
      expect(ranked.map((l) => l.split(' ')[1])).toEqual(borderRanking(UNITS).map((u) => u.code));
      // No file either: the sentence says where to get it.
      expect(await ask('LS', '/xuat')).toEqual([
        'sendMessage: Nền tảng này không nhận được tệp nên bảng tổng hợp đợt tổng kết năm 2010 (xlsx) không gửi được ở đây. ' +
          'Hãy gõ /export trong nhóm của Cụm trên nền tảng nhận được tệp (như Telegram), hoặc gõ /results để xem bảng xếp hạng.',
      ]);
    });
  });
}
