import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/reply.js';
import { DEFAULT_CAPABILITIES, SendError, type Adapter } from '../../src/delivery.js';
import { NoticeRouter } from '../../src/adapters/kit/router.js';
import type { Incoming } from '../../src/app/ports.js';
import { HttpServer } from '../../src/http.js';
import { adapterFixture, echo, RecordingCore, result, startTelegram, testLogger } from './harness.js';

const { setup, settle, teardown } = adapterFixture();

describe('Telegram adapter: limits and redelivery', () => {
  it('survives a 429 storm: every reply delivered once, in order per chat', async () => {
    const { fake } = await setup();
    const groups = [fake.group('Khối A'), fake.group('Khối B')];
    const lan = fake.user('Lan');
    fake.failNext('sendMessage', 4, 429, 1);
    const started = Date.now();
    for (let i = 0; i < 6; i++) for (const group of groups) fake.say(group, lan, `/score 1.${i} 8`);
    await fake.waitForMessages(12, () => true, { timeoutMs: 15_000 });
    const limited = fake.callsOf('sendMessage').filter((c) => c.errorCode === 429);
    expect(limited).toHaveLength(4);
    for (const group of groups) {
      expect(fake.sentTo(group.id).map((m) => m.text)).toEqual(Array.from({ length: 6 }, (_, i) => `score|1.${i} 8|`));
    }
    // Nothing lost, nothing doubled, and the wait was retry_after, not a long backoff.
    expect(fake.sent).toHaveLength(12);
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('ignores a redelivered update: the core reports a duplicate and nothing is sent', async () => {
    const { fake, core } = await setup();
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    const message = fake.say(group, lan, '/submit');
    await fake.waitForMessage((m) => m.chatId === group.id);
    fake.redeliver(fake.updateOf(message));
    await settle(fake, group, lan);
    const submits = core.incoming.filter((i) => i.command === 'submit');
    expect(submits).toHaveLength(2);
    expect(submits[1]!.updateId).toBe(submits[0]!.updateId);
    expect(fake.sentTo(group.id).filter((m) => m.text.startsWith('submit'))).toHaveLength(1);
  });

  it('acknowledges handled updates on stop, so a clean restart does not get them again', async () => {
    const core = new RecordingCore();
    const first = await startTelegram(core, { start: true });
    const group = first.fake.group('Khối');
    const lan = first.fake.user('Lan');
    first.fake.say(group, lan, '/status');
    await first.fake.waitForMessage(() => true);
    await first.adapter.stop();
    expect(first.fake.pendingUpdates).toBe(0);
    const second = await startTelegram(core, { fake: first.fake });
    teardown.push(second.stop);
    await settle(first.fake, group, lan);
    expect(core.incoming.filter((i) => i.command === 'status')).toHaveLength(1);
  });
});

describe('Telegram adapter: webhook mode', () => {
  it('rejects requests without the right secret (401, nothing processed) and handles the rest', async () => {
    const http = new HttpServer();
    const port = await http.listen(0, '127.0.0.1');
    teardown.push(() => http.close());
    const core = new RecordingCore();
    const { fake } = await setup(core, {
      http,
      config: { token: '123456:TEST-token_abc', webhookUrl: `http://127.0.0.1:${port}/telegram/hook`, webhookSecret: 'right-secret_42' },
    });
    expect(fake.webhook).toMatchObject({ url: `http://127.0.0.1:${port}/telegram/hook`, secret: 'right-secret_42' });
    expect(fake.webhook!.allowedUpdates).toEqual(['message', 'edited_message', 'callback_query', 'my_chat_member']);
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    expect(await fake.postWebhook(fake.buildMessageUpdate(group, lan, '/status'), 'wrong-secret')).toBe(401);
    expect(await fake.postWebhook(fake.buildMessageUpdate(group, lan, '/status'), null)).toBe(401);
    expect(core.incoming).toHaveLength(0);
    expect(await fake.postWebhook(fake.buildMessageUpdate(group, lan, '/status now'))).toBe(200);
    expect(core.incoming.map((i) => i.args)).toEqual(['now']);
    expect(fake.sentTo(group.id).map((m) => m.text)).toEqual(['status|now|']);
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
  });

  it('derives a webhook secret from the token when none is configured', async () => {
    const http = new HttpServer();
    const port = await http.listen(0, '127.0.0.1');
    teardown.push(() => http.close());
    const { fake } = await setup(new RecordingCore(), {
      http,
      config: { token: '123456:TEST-token_abc', webhookUrl: `http://127.0.0.1:${port}/tg` },
    });
    expect(fake.webhook!.secret).toMatch(/^[A-Za-z0-9_-]{20,256}$/);
    expect(await fake.postWebhook(fake.buildMessageUpdate(fake.group('K'), fake.user('L'), '/help'), 'x')).toBe(401);
  });
});

describe('Telegram adapter: chat events', () => {
  it('reports the bot added once, greets with the core reply and asks to be made admin', async () => {
    const core = new RecordingCore();
    core.answerEvent = (e) =>
      e.type === 'bot-added' && e.languageCode === 'en'
        ? result([echo('Hello, I am the emulation bot.')], { locale: 'en' })
        : result(e.type === 'bot-added' ? [echo('Xin chào, tôi là bot thi đua.')] : []);
    const { fake } = await setup(core);
    const group = fake.group('Khối Nội chính');
    const lan = fake.user('Lan');
    fake.addBot(group, lan);
    const intro = await fake.waitForMessage((m) => m.chatId === group.id);
    await settle(fake, group, lan);
    expect(core.events).toEqual([
      {
        type: 'bot-added',
        chatKey: `telegram:${group.id}`,
        title: 'Khối Nội chính',
        updateId: expect.stringMatching(/^telegram:/),
        languageCode: 'vi',
      },
    ]);
    expect(intro.text).toMatch(/^Xin chào, tôi là bot thi đua\.\nTrên Telegram/);
    expect(intro.text).toContain('quản trị viên');
    expect(intro.text).toContain('/tinhhinh@thidua_test_bot');
    expect(fake.sentTo(group.id).filter((m) => m.text.includes('Xin chào'))).toHaveLength(1);

    const other = fake.group('Khối khác');
    fake.addBot(other, fake.user('Ann', { languageCode: 'en' }), 'administrator');
    const english = await fake.waitForMessage((m) => m.chatId === other.id);
    expect(english.text).toMatch(/^Hello, I am the emulation bot\.\nOn Telegram/);
    // Added as an admin already: no request to be made one.
    expect(english.text).not.toContain('admin');
  });

  it('reports the bot removed: notices go to the other chats, nothing to the removed one', async () => {
    const core = new RecordingCore();
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const other = fake.group('Khối (nhóm phụ)');
    const lan = fake.user('Lan');
    core.answerEvent = (e) =>
      result([], {
        notices:
          e.type === 'bot-removed' ? [{ chatKey: `telegram:${other.id}`, locale: 'vi', reply: echo('Bot đã bị xoá khỏi nhóm Khối') }] : [],
      });
    fake.removeBot(group, lan);
    const notice = await fake.waitForMessage((m) => m.chatId === other.id);
    expect(notice.text).toBe('Bot đã bị xoá khỏi nhóm Khối');
    expect(core.events).toEqual([{ type: 'bot-removed', chatKey: `telegram:${group.id}`, updateId: expect.stringMatching(/^telegram:/) }]);
    expect(fake.sentTo(group.id)).toHaveLength(0);
  });

  it('follows a group that became a supergroup', async () => {
    const { fake, core } = await setup();
    const group = fake.group('Khối', 'group');
    const lan = fake.user('Lan');
    const supergroup = fake.migrate(group as never, lan);
    await settle(fake, supergroup, lan);
    expect(core.events).toEqual([
      {
        type: 'migrated',
        chatKey: `telegram:${group.id}`,
        newChatKey: `telegram:${supergroup.id}`,
        updateId: expect.stringMatching(/^telegram:/),
      },
    ]);
  });

  it('follows a migration it learns of only when sending (400 with migrate_to_chat_id)', async () => {
    const { fake, core, adapter } = await setup();
    const group = fake.group('Khối', 'group');
    const supergroup = fake.migrate(group as never, fake.user('Lan'), { announce: false });
    await adapter.send(`telegram:${group.id}`, 'vi', echo('Còn 3 ngày đến hạn chấm điểm'));
    expect(fake.sentTo(supergroup.id).map((m) => m.text)).toEqual(['Còn 3 ngày đến hạn chấm điểm']);
    expect(core.events).toEqual([{ type: 'migrated', chatKey: `telegram:${group.id}`, newChatKey: `telegram:${supergroup.id}` }]);
  });
});

describe('Telegram adapter: sending on its own', () => {
  it('throws SendError gone for a chat the bot was removed from, forbidden for a person who never wrote', async () => {
    const { fake, adapter } = await setup();
    const group = fake.group('Khối');
    fake.removeBot(group, fake.user('Lan'));
    const stranger = fake.user('Hoa');
    fake.privateChat(stranger);
    await expect(adapter.send(`telegram:${group.id}`, 'vi', echo('x'))).rejects.toMatchObject({ name: 'SendError', failure: 'gone' });
    await expect(adapter.send(`telegram:${stranger.id}`, 'vi', echo('x'))).rejects.toMatchObject({ failure: 'forbidden' });
    await expect(adapter.send('slack:C123', 'vi', echo('x'))).rejects.toBeInstanceOf(SendError);
  });

  it('delivers notices through the one router: Telegram chats itself, other platforms through their adapter', async () => {
    const delivered: string[] = [];
    const slack: Adapter = {
      platform: 'slack',
      capabilities: DEFAULT_CAPABILITIES,
      start: async () => {},
      stop: async () => {},
      send: async (chatKey) => void delivered.push(chatKey),
    };
    const router = new NoticeRouter(testLogger).register(slack);
    const core = new RecordingCore();
    const { fake, adapter } = await setup(core, { router });
    router.register(adapter);
    const group = fake.group('Khối');
    const secretaryChat = fake.group('Thư ký');
    core.answer = () =>
      result([echo('Đã gửi yêu cầu')], {
        notices: [
          { chatKey: `telegram:${secretaryChat.id}`, locale: 'en', reply: echo('Join request: CA') },
          { chatKey: 'slack:C0123', locale: 'vi', reply: echo('Yêu cầu tham gia: CA') },
        ],
      });
    fake.say(group, fake.user('Minh'), '/join CA');
    const notice = await fake.waitForMessage((m) => m.chatId === secretaryChat.id);
    expect(notice.text).toBe('Join request: CA');
    await fake.waitUntil(() => delivered.length === 1);
    expect(delivered).toEqual(['slack:C0123']);
  });

  it('sends private replies to the person, or tells them to start the bot first', async () => {
    const core = new RecordingCore();
    core.answer = (i: Incoming) =>
      result([echo('Đã gửi mã liên kết riêng cho bạn.'), { ...echo(`Mã: K7Q2-${i.sender.displayName}`), privately: true }]);
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    const lan = fake.user('Lan');
    fake.say(group, lan, '/link');
    const blocked = await fake.waitForMessage((m) => m.text.includes('chưa nhắn riêng'));
    expect(blocked.chatId).toBe(group.id);
    expect(blocked.text).toContain('@thidua_test_bot');

    fake.say(fake.privateChat(lan), lan, '/start');
    await fake.waitForMessage((m) => m.chatId === lan.id);
    fake.say(group, lan, '/link');
    const code = await fake.waitForMessage((m) => m.text === 'Mã: K7Q2-Lan');
    expect(code.chatId).toBe(lan.id);
    expect(code.replyTo).toBeUndefined();
  });

  it('paces a broadcast to one group under its per-minute window without throttling replies', async () => {
    const core = new RecordingCore();
    const { fake, adapter } = await setup(core, { pacing: { perChatMs: 20, groupPerMinute: 3, globalPerSecond: 1000 } });
    const group = fake.group('Khối');
    const started = Date.now();
    const sends = Array.from({ length: 4 }, (_, i) => adapter.send(`telegram:${group.id}`, 'vi', echo(`Nhắc ${i}`)));
    await fake.waitForMessages(3, (m) => m.chatId === group.id);
    // The fourth waits for the window (60 s): meanwhile a command is answered at once.
    fake.say(group, fake.user('Lan'), '/status');
    await fake.waitForMessage((m) => m.text.startsWith('status|'));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.sentTo(group.id).map((m) => m.text)).toEqual(['Nhắc 0', 'Nhắc 1', 'Nhắc 2', 'status||']);
    const settled = Promise.allSettled(sends);
    await adapter.stop();
    const outcomes = await settled;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
  });
});

describe('Telegram adapter: replies of several parts', () => {
  it('sends the replies of one result in order', async () => {
    const core = new RecordingCore();
    const replies: Reply[] = [echo('một'), echo('hai'), echo('ba')];
    core.answer = () => result(replies);
    const { fake } = await setup(core);
    const group = fake.group('Khối');
    fake.say(group, fake.user('Lan'), '/status');
    const asked = fake.say(group, fake.user('Minh'), '/mine');
    const sent = await fake.waitForMessages(6, (m) => m.chatId === group.id);
    expect(sent.map((m) => m.text)).toEqual(['một', 'hai', 'ba', 'một', 'hai', 'ba']);
    // One quote per answer: the first message answers the person's, the rest follow it.
    expect(sent.slice(3).map((m) => m.replyTo)).toEqual([asked.message_id, undefined, undefined]);
  });
});
