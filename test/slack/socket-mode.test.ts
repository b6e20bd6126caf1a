import { pino } from 'pino';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeRouter } from '../../src/adapters/kit/router.js';
import { SlackAdapter } from '../../src/adapters/slack/index.js';
import { BotCore } from '../../src/app/bot-core.js';
import { ManualClock } from '../../src/domain/clock.js';
import { I18n } from '../../src/i18n/i18n.js';
import { FakeSlack } from '../support/fake-slack.js';
import { FakeSlackSocket } from '../support/fake-slack-socket.js';
import { freshSqliteStore } from '../support/store.js';

describe('Slack over Socket Mode (real Bolt, fake apps.connections.open and WebSocket)', () => {
  let fake: FakeSlack;
  let socket: FakeSlackSocket;
  let adapter: SlackAdapter;
  let close: () => Promise<void>;
  let store: Awaited<ReturnType<typeof freshSqliteStore>>['store'];

  beforeAll(async () => {
    fake = await FakeSlack.start();
    socket = await FakeSlackSocket.start();
    fake.socketUrl = socket.url;
    ({ store, close } = await freshSqliteStore());
    const i18n = new I18n(resolve('locales'), 'vi');
    const logger = pino({ level: 'silent' });
    const core = new BotCore({
      store,
      clock: new ManualClock(new Date('2026-02-01T02:00:00Z')),
      i18n,
      defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' },
      capabilitiesOf: () => adapter.capabilities,
    });
    const router = new NoticeRouter(logger);
    adapter = new SlackAdapter({
      config: { botToken: fake.token, appToken: fake.appToken, apiUrl: fake.apiUrl, command: '/thidua' },
      core,
      i18n,
      logger,
      router,
      botUserId: fake.botUserId,
      botId: fake.botId,
    });
    router.register(adapter);
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await socket.stop();
    await fake.stop();
    await close();
  });

  it('acks every envelope and answers slash commands and mentions, once however often they come', async () => {
    const lan = fake.user('Lan');
    const channel = fake.channel();
    const command = {
      team_id: fake.team,
      channel_id: channel,
      channel_name: 'cum-bac-bo',
      user_id: lan.id,
      command: '/thidua',
      text: 'setup Cụm Bắc Bộ',
      trigger_id: '1.socket',
      response_url: `${fake.origin}/r`,
      api_app_id: 'A0THIDUA',
    };
    const first = await socket.send('slash_commands', command);
    expect(first.ack).toEqual({});
    await adapter.settled();
    expect(
      fake
        .postsIn(channel)
        .map((p) => p.text)
        .join('\n'),
    ).toMatch(/Cụm Bắc Bộ/);

    const ts = fake.ts();
    const event = { user: lan.id, text: `<@${fake.botUserId}> addunit\nHN Sở Nội vụ Hà Nội`, ts, channel, team: fake.team };
    const envelope = (type: string) => ({
      team_id: fake.team,
      api_app_id: 'A0THIDUA',
      type: 'event_callback',
      event_id: `Ev${type}`,
      event: { ...event, type, event_ts: ts },
    });
    const before = fake.postsIn(channel).length;
    await socket.send('events_api', envelope('app_mention'));
    await socket.send('events_api', envelope('message'));
    await socket.send('events_api', envelope('message'), 1);
    await adapter.settled();
    expect(fake.postsIn(channel).slice(before)).toHaveLength(1);
    expect(await store.db.unit.count({ where: { code: 'HN' } })).toBe(1);
  });
});
