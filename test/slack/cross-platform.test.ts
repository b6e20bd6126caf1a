import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../src/adapters/telegram/index.js';
import { rollOverHandover } from '../../src/app/rollover.js';
import { ManualClock } from '../../src/domain/clock.js';
import { I18n } from '../../src/i18n/i18n.js';
import { Scheduler } from '../../src/scheduler/index.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { freshSqliteStore } from '../support/store.js';
import { startSlack, testLogger, type SlackWorld } from './harness.js';

/**
 * One cluster on two platforms: set up in a Slack channel, a Telegram group `/link`ed to it;
 * the scheduler's reminder reaches both, once each, and a Slack channel the bot lost is marked
 * removed while the Telegram group still gets its reminders.
 */
describe('one cluster, a Slack channel and a Telegram group', () => {
  let w: SlackWorld;
  let tg: FakeTelegram;
  let telegram: TelegramAdapter;
  let closeStore: () => Promise<void>;
  const clock = new ManualClock(new Date('2026-05-04T02:00:00Z'));

  beforeAll(async () => {
    const fresh = await freshSqliteStore();
    closeStore = fresh.close;
    w = await startSlack({ store: fresh.store, clock });
    tg = await FakeTelegram.start();
    telegram = new TelegramAdapter({
      config: { token: tg.token, apiRoot: tg.apiRoot },
      core: w.core,
      i18n: w.i18n,
      logger: testLogger,
      router: w.router,
      botInfo: tg.bot,
      polling: { timeoutSeconds: 1 },
      pacing: { perChatMs: 0, groupPerMinute: 1000, globalPerSecond: 1000 },
    });
    w.router.register(telegram);
    await telegram.start();
  });
  afterAll(async () => {
    await telegram?.stop();
    await tg?.stop();
    await w?.stop();
    await closeStore?.();
  });

  it('sends one reminder in each chat, and marks the channel removed once the bot lost it', { timeout: 60_000 }, async () => {
    const { fake, events } = w;
    const channel = fake.channel();
    const lan = fake.user('Lan');
    const run = async (text: string) => {
      await events.slash(channel, lan.id, text);
      await w.settled();
      return fake.postsIn(channel).at(-1)!;
    };
    await events.botJoins(channel, lan.id);
    await w.settled();
    await run('setup Cụm thi đua Bắc Bộ');
    await events.mention(channel, lan.id, 'addunit\nHN Sở Nội vụ Hà Nội\nHP Sở Nội vụ Hải Phòng');
    await w.settled();
    const code = /Mã gắn nhóm: (\S+)/.exec((await run('link')).text)![1]!;
    expect(fake.postsIn(channel).at(-1)!.method).toBe('chat.postEphemeral');

    const group = tg.group('Nhóm Telegram của Cụm');
    const hoa = tg.user('Hoa', { username: 'hoa_tg' });
    tg.addBot(group, hoa, 'administrator');
    // Hoa, known to the bot from Telegram, is made a secretary from Slack by her username.
    let from = tg.sent.length;
    tg.say(group, hoa, '/help');
    await tg.waitForMessage((m) => m.chatId === group.id, { from });
    expect((await run('secretary @hoa_tg')).text).toMatch(/Hoa/);
    from = tg.sent.length;
    tg.say(group, hoa, `/link ${code}`);
    await tg.waitForMessage((m) => m.chatId === group.id && /Đã gắn nhóm này/.test(m.text), { from });

    await run('term 2026');
    await events.mention(channel, lan.id, 'criteria\nI | Chuyên môn\n1.1 | Tham mưu | 10');
    await w.settled();
    await run('round midyear 30/06/2026');

    const scheduler = new Scheduler({
      store: w.store,
      clock,
      i18n: new I18n(resolve('locales')),
      adapters: new Map<string, never>([
        ['slack', w.adapter as never],
        ['telegram', telegram as never],
      ]),
      rollOver: (r) => rollOverHandover(w.store, r),
    });
    const slackBefore = fake.postsIn(channel).length;
    const tgBefore = tg.sentTo(group.id).length;
    clock.set(new Date('2026-06-23T01:00:00Z'));
    const report = await scheduler.tick();
    expect(report.sent).toBe(1);
    expect(report.deliveries).toBe(2);
    const slackGot = fake.postsIn(channel).slice(slackBefore);
    const tgGot = tg.sentTo(group.id).slice(tgBefore);
    expect(slackGot).toHaveLength(1);
    expect(tgGot).toHaveLength(1);
    expect(slackGot[0]!.text).toMatch(/Nhắc hạn chấm điểm/);
    expect(tgGot[0]!.text).toMatch(/Nhắc hạn chấm điểm/);

    // The bot lost the channel: the next reminder marks it removed; the group hears about it.
    fake.lose(channel, 'is_archived');
    clock.set(new Date('2026-06-27T01:00:00Z'));
    const tgFrom = tg.sent.length;
    await scheduler.tick();
    await w.settled();
    const chat = await w.store.db.chat.findUnique({ where: { key: `slack:${fake.team}:${channel}` } });
    expect(chat?.removedAt).not.toBeNull();
    // The Telegram group still got its reminder (one failing chat holds up nothing).
    await tg.waitForMessage((m) => m.chatId === group.id && /còn 3 ngày/.test(m.text), { from: tgFrom });
  });
});
