import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeRouter } from '../../src/adapters/kit/router.js';
import { BotCore } from '../../src/app/bot-core.js';
import { SendError } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { freshSqliteStore } from '../support/store.js';
import {
  contractI18n,
  echo,
  OtherPlatform,
  ScriptedCore,
  type ContractChat,
  type ContractDriver,
  type DriverFactory,
  type Received,
} from './support.js';

const silent = { level: 'silent' } as const;
const textOf = (messages: Received[]) => messages.map((m) => m.text).join('\n');

/**
 * The adapter contract: what every platform adapter does the same way, whatever the platform.
 * Each adapter runs it through a small driver (`*.contract.test.ts`); the core behind it is the
 * real one on a SQLite file, with a few scripted commands for the replies a check needs.
 */
export function adapterContract(factory: DriverFactory): void {
  const can = factory.capabilities;
  describe(`adapter contract: ${factory.name}`, () => {
    let driver: ContractDriver;
    let core: ScriptedCore;
    let router: NoticeRouter;
    let group: ContractChat;
    let direct: ContractChat;
    // Another platform than the one under test: its notices go through its own adapter.
    const otherPlatform = factory.name === 'Slack' ? 'telegram' : 'slack';
    const otherKey = `${otherPlatform}:C0123`;
    const slack = new OtherPlatform(otherPlatform);
    const zalo = new OtherPlatform('zalo', 'gone');
    const teardown: (() => Promise<void> | void)[] = [];

    beforeAll(async () => {
      const { store, close } = await freshSqliteStore();
      teardown.push(close);
      const { i18n, dispose } = contractI18n();
      teardown.push(dispose);
      const clock = new ManualClock(new Date('2026-03-01T02:00:00Z'));
      const real = new BotCore({
        store,
        clock,
        i18n,
        defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
        capabilitiesOf: () => driver.adapter.capabilities,
      });
      core = new ScriptedCore(real);
      const { pino } = await import('pino');
      router = new NoticeRouter(pino(silent)).register(slack).register(zalo);
      driver = await factory.start({ core, i18n, router });
      router.register(driver.adapter);
      teardown.unshift(() => driver.stop());
      group = await driver.group();
      direct = await driver.privateChat();
    });
    afterAll(async () => {
      for (const stop of teardown) await stop();
    });

    /** Says `text` in `chat` and returns what arrived there because of it. */
    async function ask(chat: ContractChat, text: string): Promise<Received[]> {
      const before = driver.messages(chat).length;
      await driver.say(chat, text);
      await driver.settle(chat);
      return driver.messages(chat).slice(before);
    }

    it('declares its capabilities once, as the core reads them', () => {
      expect(driver.adapter.capabilities).toEqual(can);
    });

    it("delivers a command's reply to the chat it came from, and nowhere else", async () => {
      core.script.set('tping', (i) => ({ replies: [{ text: [echo(`pong ${i.args} ${i.chat.key}`)] }] }));
      const groupBefore = driver.messages(group).length;
      const answer = await ask(direct, '/tping riêng');
      expect(answer.map((m) => m.text)).toEqual([`pong riêng ${direct.key}`]);
      await driver.settle(group);
      expect(
        driver
          .messages(group)
          .slice(groupBefore)
          .map((m) => m.text)
          .filter((t) => t.startsWith('pong')),
      ).toEqual([]);
      expect((await ask(group, '/tping nhóm')).map((m) => m.text)).toEqual([`pong nhóm ${group.key}`]);
    });

    it("splits a long reply under the platform's limit without cutting a line", async () => {
      const lines = Array.from({ length: 400 }, (_, i) => `Dòng ${String(i).padStart(3, '0')}: đơn vị đã nộp bảng tự chấm, chờ thẩm định`);
      core.script.set('tlong', () => ({ replies: [{ text: [echo(lines.join('\n'))] }] }));
      const parts = await ask(group, '/tlong');
      const limit = can.textLimit;
      if (Number.isFinite(limit) && lines.join('\n').length > limit) expect(parts.length).toBeGreaterThan(1);
      for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(limit);
      const received = parts.flatMap((p) => p.text.split('\n'));
      expect(received).toEqual(lines);
    });

    it.skipIf(factory.compactTables)('keeps a table aligned, also across messages', async () => {
      const rows = Array.from({ length: 150 }, (_, i) => [
        String(i + 1),
        `U${i}`,
        `Đơn vị số ${i} ${'x'.repeat(i % 17)}`,
        ((i * 37) % 1000) / 10,
      ]);
      core.script.set('ttable', () => ({
        replies: [
          {
            text: [echo('Bảng xếp hạng')],
            table: { headers: [echo('Hạng'), echo('Mã'), echo('Đơn vị'), echo('Điểm')], rows, numeric: [0, 3] },
          },
        ],
      }));
      const parts = await ask(group, '/ttable');
      const rowLines = textOf(parts)
        .split('\n')
        .filter((l) => /^\s*\d+\s+U\d+\s/.test(l));
      expect(rowLines).toHaveLength(150);
      const codeAt = new Set(rowLines.map((l) => l.indexOf(' U') + 1));
      const nameAt = new Set(rowLines.map((l) => l.indexOf('Đơn vị số')));
      const endAt = new Set(rowLines.map((l) => l.trimEnd().length));
      expect([codeAt.size, nameAt.size, endAt.size]).toEqual([1, 1, 1]);
    });

    it.skipIf(!factory.compactTables)('writes a table without monospace as one line a row, in order, also across messages', async () => {
      const rows = Array.from({ length: 150 }, (_, i) => [String(i + 1), `U${i}`, `Đơn vị số ${i}`, ((i * 37) % 1000) / 10]);
      core.script.set('tcompact', () => ({
        replies: [
          {
            text: [echo('Bảng xếp hạng')],
            table: { headers: [echo('Hạng'), echo('Mã'), echo('Đơn vị'), echo('Điểm')], rows, numeric: [0, 3] },
          },
        ],
      }));
      const parts = await ask(group, '/tcompact');
      const rowLines = textOf(parts)
        .split('\n')
        .filter((l) => /^\d+\. U\d+ /.test(l));
      expect(rowLines).toHaveLength(150);
      rowLines.forEach((line, i) => expect(line.startsWith(`${i + 1}. U${i} Đơn vị số ${i} — `)).toBe(true));
    });

    it(can.buttons ? 'shows buttons on the last message' : 'turns buttons into the commands to type', async () => {
      core.script.set('tbuttons', () => ({
        replies: [
          {
            text: [echo('Chờ duyệt: CA')],
            buttons: [
              [
                { label: echo('Duyệt CA'), data: '/approve CA' },
                { label: echo('Từ chối'), data: '/reject CA' },
              ],
            ],
          },
        ],
      }));
      const parts = await ask(group, '/tbuttons');
      expect(parts[0]!.text).toContain('Chờ duyệt: CA');
      if (can.buttons) {
        expect(parts.at(-1)!.buttons).toEqual([
          { label: 'Duyệt CA', data: '/approve CA' },
          { label: 'Từ chối', data: '/reject CA' },
        ]);
      } else {
        expect(parts.every((p) => p.buttons.length === 0)).toBe(true);
        expect(textOf(parts)).toMatch(/Duyệt CA.*\/approve CA/);
        expect(textOf(parts)).toMatch(/Từ chối.*\/reject CA/);
      }
    });

    it(can.files ? 'sends a file with its caption' : 'says where to get a file it cannot send', async () => {
      const bytes = new TextEncoder().encode('\uFEFFrank,code\n1,SNV\n');
      core.script.set('tfile', () => ({
        replies: [
          {
            text: [echo('Bảng tổng hợp năm 2026')],
            file: { fileName: 'bang-tong-hop-2026.csv', mimeType: 'text/csv', bytes, caption: echo('Khối Nội chính') },
          },
        ],
      }));
      const parts = await ask(group, '/tfile');
      expect(parts[0]!.text).toContain('Bảng tổng hợp năm 2026');
      const files = parts.filter((p) => p.file);
      if (can.files) {
        expect(files.map((p) => p.file!.fileName)).toEqual(['bang-tong-hop-2026.csv']);
        expect(Buffer.from(files[0]!.file!.bytes).equals(Buffer.from(bytes))).toBe(true);
        expect(textOf(parts)).toContain('Khối Nội chính');
      } else {
        expect(files).toEqual([]);
        expect(textOf(parts)).toContain('Tệp “bang-tong-hop-2026.csv” không gửi được trên nền tảng này');
      }
    });

    it(can.files ? '/export answers with the file' : '/export says where to get the file instead of sending one', async () => {
      const setup = [
        '/setup Khối thi đua hợp đồng',
        '/term 2026',
        '/criteria\nI | Chuyên môn\n1.1 | Tham mưu | 10\n1.2 | Cải cách hành chính | 10',
        '/round yearend 10/12/2026',
      ];
      for (const line of setup) await ask(group, line);
      const parts = await ask(group, '/export csv');
      const files = parts.filter((p) => p.file);
      if (can.files) expect(files.map((p) => p.file!.fileName)).toEqual(['bang-tong-hop-2026-tong-ket-tam-tinh.csv']);
      else {
        expect(files).toEqual([]);
        expect(textOf(parts)).toMatch(/không nhận được tệp.*\/export/s);
      }
    });

    it('/export link offers a signed link, or says plainly why there is none', async () => {
      // The driver gives the adapter no link maker (no PUBLIC_URL): the round was opened above.
      const parts = await ask(group, '/export link csv');
      expect(parts.filter((p) => p.file)).toEqual([]);
      if (can.files || can.links)
        expect(textOf(parts)).toContain('Chưa tạo được liên kết tải tệp “bang-tong-hop-2026-tong-ket-tam-tinh.csv”');
      else expect(textOf(parts)).toMatch(/không nhận được tệp.*\/export/s);
    });

    it("routes notices to their chats: this platform's through itself, another platform's through its adapter", async () => {
      core.script.set('tnotice', () => ({
        replies: [{ text: [echo('Đã gửi yêu cầu')] }],
        notices: [
          { chatKey: direct.key, locale: 'vi', reply: { text: [echo('Yêu cầu tham gia: CA')] } },
          { chatKey: otherKey, locale: 'vi', reply: { text: [echo('Yêu cầu tham gia: CA')] } },
        ],
      }));
      const before = driver.messages(direct).length;
      expect((await ask(group, '/tnotice')).map((m) => m.text)).toEqual(['Đã gửi yêu cầu']);
      await slack.received(otherKey);
      await driver.arrival(direct, 'Yêu cầu tham gia: CA', before);
      expect(
        driver
          .messages(direct)
          .slice(before)
          .map((m) => m.text),
      ).toEqual(['Yêu cầu tham gia: CA']);
    });

    for (const failure of ['gone', 'forbidden', 'rate-limited'] as const) {
      it.skipIf(!factory.failures.includes(failure))(`classifies a send that fails as ${failure}`, async () => {
        const chat = (await driver.failingChat?.(failure))!;
        await expect(driver.adapter.send(chat.key, 'vi', { text: [echo('Nhắc hạn chấm')] })).rejects.toSatisfy(
          (e: unknown) => e instanceof SendError && e.failure === failure,
        );
      });
    }

    it('never lets one failing chat hold up the others', async () => {
      const failing = factory.failures.includes('gone') ? (await driver.failingChat!('gone'))!.key : 'zalo:gone-chat';
      core.script.set('tmany', () => ({
        replies: [{ text: [echo('Đã nhắc')] }],
        notices: [failing, direct.key].map((chatKey) => ({ chatKey, locale: 'vi', reply: { text: [echo(`Nhắc ${chatKey}`)] } })),
      }));
      const before = driver.messages(direct).length;
      expect((await ask(group, '/tmany')).map((m) => m.text)).toEqual(['Đã nhắc']);
      await driver.arrival(direct, `Nhắc ${direct.key}`, before);
      expect(
        driver
          .messages(direct)
          .slice(before)
          .map((m) => m.text),
      ).toEqual([`Nhắc ${direct.key}`]);
      const [bad, good] = await Promise.allSettled(
        [failing, direct.key].map((key) => driver.adapter.send(key, 'vi', { text: [echo(`Lần hai ${key}`)] })),
      );
      if (factory.failures.includes('gone')) expect(bad).toMatchObject({ status: 'rejected', reason: { failure: 'gone' } });
      expect(good!.status).toBe('fulfilled');
    });

    it.skipIf(!factory.redelivers)('answers a redelivered update once', async () => {
      const before = driver.messages(group).length;
      await driver.say(group, '/help');
      await driver.settle(group);
      const once = driver.messages(group).length - before;
      expect(once).toBeGreaterThan(0);
      await driver.redeliverLast!();
      await driver.settle(group);
      expect(driver.messages(group).length - before).toBe(once);
    });

    it('answers an unknown command with the way to help', async () => {
      const parts = await ask(group, '/khongcolenhnay');
      expect(textOf(parts)).toMatch(/Không có lệnh \/khongcolenhnay\. Gõ \/help/);
    });
  });
}
