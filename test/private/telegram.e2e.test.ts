import { resolve } from 'node:path';
import type { Chat } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/app/bot-core.js';
import { rollOverHandover } from '../../src/app/rollover.js';
import { TelegramAdapter } from '../../src/adapters/telegram/index.js';
import type { Adapter } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { I18n } from '../../src/i18n/i18n.js';
import { Scheduler } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/store.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { freshSqliteStore } from '../support/store.js';
import { testLogger } from '../telegram/harness.js';

/**
 * Private chats on Telegram end to end, through grammY, the adapter, the core, the scheduler and
 * a SQLite file against the fake Bot API: the secretary gets the invite code privately, a
 * representative joins from a private chat, the secretary approves from the group's button, the
 * representative is told privately and then gets the deadline reminder privately.
 */
describe('Telegram: joining from a private chat and private reminders', () => {
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  let store: Store;
  let closeStore: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-03-01T02:00:00Z'));
  const i18n = new I18n(resolve('locales'));

  beforeAll(async () => {
    const fresh = await freshSqliteStore();
    store = fresh.store;
    closeStore = fresh.close;
    const core = new BotCore({
      store,
      clock,
      i18n,
      defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
      capabilitiesOf: () => adapter.capabilities,
    });
    fake = await FakeTelegram.start({ username: 'cum_taynambo_bot' });
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

  it('invite privately, join privately, approve from the group, reminder privately', { timeout: 60_000 }, async () => {
    const group = fake.group('Cụm thi đua Tây Nam Bộ') as Chat.SupergroupChat;
    const secretary = fake.user('Lan', { username: 'thuky_lan' });
    const rep = fake.user('Minh', { username: 'daidien_bl' });
    const said = async (chat: Chat, who: typeof rep, text: string, match: RegExp) => {
      const from = fake.sent.length;
      const message = fake.say(chat, who, text);
      const reply = await fake.waitForMessage(
        (m) => m.chatId === chat.id && (m.replyTo === message.message_id || chat.type === 'private'),
        { from },
      );
      expect(reply.text, text).toMatch(match);
      return reply;
    };
    fake.addBot(group, secretary, 'administrator');
    await fake.waitForMessage((m) => m.chatId === group.id);
    await said(group, secretary, '/lapcum Cụm thi đua Sở Nội vụ miền Tây Nam Bộ', /Đã lập/);
    await said(group, secretary, '/themdonvi\nBL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An', /Đã thêm 2 đơn vị/);

    // The secretary has written to the bot privately once, so the code can go there.
    const secretaryChat = fake.privateChat(secretary);
    await said(secretaryChat, secretary, '/start', /./);
    const from = fake.sent.length;
    fake.say(group, secretary, '/moi');
    const codeMessage = await fake.waitForMessage((m) => m.chatId === secretaryChat.id, { from });
    const code = /: ([A-Z2-9]{8})\./.exec(codeMessage.text)![1]!;
    await fake.waitForMessage((m) => m.chatId === group.id && m.text.includes('gửi riêng'), { from });

    // The representative joins from a private chat; the group gets the request with its buttons.
    const repChat = fake.privateChat(rep);
    const before = fake.sent.length;
    await said(repChat, rep, `/thamgia BL ${code}`, /chờ thư ký duyệt/);
    const request = await fake.waitForMessage((m) => m.chatId === group.id && m.text.includes('qua chat riêng'), { from: before });
    expect(request.buttons[0]!.map((b) => b.data)).toEqual(['/approve BL', '/refuse BL']);
    const pressed = fake.sent.length;
    fake.press(request, secretary);
    await fake.waitForMessage((m) => m.chatId === group.id && m.text.includes('Đã duyệt'), { from: pressed });
    const told = await fake.waitForMessage((m) => m.chatId === repChat.id, { from: pressed });
    expect(told.text).toContain('đã được duyệt');

    // A round; on the day before its deadline the representative gets the reminder privately.
    await said(group, secretary, '/namthidua 2026', /2026/);
    await said(group, secretary, '/tieuchi\nI | Chuyên môn\n1.1 | Tham mưu | 10', /1\.1/);
    await said(group, secretary, '/dotcham midyear 10/03/2026', /10\/03\/2026/);
    clock.set(new Date('2026-03-09T02:00:00Z'));
    const scheduler = new Scheduler({
      store,
      clock,
      i18n,
      adapters: new Map<string, Adapter>([['telegram', adapter]]),
      rollOver: (r) => rollOverHandover(store, r),
      instanceId: 'e2e',
    });
    const ticked = fake.sent.length;
    const report = await scheduler.tick();
    expect([report.deliveries, report.privateDeliveries]).toEqual([1, 1]);
    const privately = await fake.waitForMessage((m) => m.chatId === repChat.id, { from: ticked });
    expect(privately.text).toContain('BL – Sở Nội vụ Bạc Liêu');
    expect(privately.text).toContain('10/03/2026');
    const inGroup = await fake.waitForMessage((m) => m.chatId === group.id, { from: ticked });
    expect(inGroup.text).toContain('LA');
    expect(fake.sentTo(secretaryChat.id).filter((m) => m.text.includes('Nhắc hạn'))).toEqual([]);
  });
});
