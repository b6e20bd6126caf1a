import { pino } from 'pino';
import { SLACK_CAPABILITIES, SlackAdapter } from '../../src/adapters/slack/index.js';
import { HttpServer } from '../../src/http.js';
import { FakeSlack, type SlackPost } from '../support/fake-slack.js';
import { SlackEvents } from '../support/fake-slack-events.js';
import { adapterContract } from './adapter-contract.js';
import { SETTLED, type ContractChat, type ContractDriver, type DriverDeps, type Received } from './support.js';

const SECRET = 'contract-signing-secret';

/** Slack through the fake Web API: the real Bolt and WebClient, signed requests on a real HTTP server. */
async function startSlackDriver({ core, i18n, router }: DriverDeps): Promise<ContractDriver> {
  const fake = await FakeSlack.start();
  const http = new HttpServer();
  const adapter = new SlackAdapter({
    config: { botToken: fake.token, signingSecret: SECRET, apiUrl: fake.apiUrl, command: '/thidua' },
    core,
    i18n,
    http,
    router,
    logger: pino({ level: 'silent' }),
    botUserId: fake.botUserId,
    botId: fake.botId,
    pacing: { perChatMs: 0, groupPerMinute: 10_000, globalPerSecond: 10_000 },
    retries: 0,
    // A 429 asking for more than a second is not waited out: the send fails as rate-limited.
    maxRetryAfterSeconds: 1,
    sleep: async () => undefined,
  });
  const port = await http.listen(0, '127.0.0.1');
  await adapter.start();
  const events = new SlackEvents(fake, `http://127.0.0.1:${port}/slack/events`, SECRET);
  const lan = fake.user('Nguyễn Thị Lan', { name: 'lan' });
  const channelOf = (chat: ContractChat) => chat.key.split(':')[2]!;
  const known = (channel: string): ContractChat => ({ key: `slack:${fake.team}:${channel}` });
  const received = (p: SlackPost): Received => ({
    text: p.text,
    buttons: p.buttons.map((b) => ({ label: b.label, data: b.data })),
    ...(p.file ? { file: { fileName: p.file.fileName, bytes: p.file.bytes } } : {}),
  });
  const messagesOf = (channel: string) =>
    fake
      .postsIn(channel)
      .filter((p) => !p.text.startsWith(SETTLED))
      .map(received);
  let sentinel = 0;
  return {
    adapter,
    group: async () => known(fake.channel('C')),
    privateChat: async () => known(fake.channel('D')),
    say: async (chat, text) => void (await events.mention(channelOf(chat), lan.id, text)),
    settle: async (chat) => {
      const n = ++sentinel;
      await events.mention(channelOf(chat), lan.id, `/tsettle ${n}`);
      await fake.waitUntil(() => fake.postsIn(channelOf(chat)).some((p) => p.text === `${SETTLED} ${n}`));
    },
    arrival: async (chat, text, from) => {
      await fake.waitUntil(() =>
        messagesOf(channelOf(chat))
          .slice(from)
          .some((m) => m.text === text),
      );
      return messagesOf(channelOf(chat))
        .slice(from)
        .find((m) => m.text === text)!;
    },
    messages: (chat) => messagesOf(channelOf(chat)),
    redeliverLast: async () => void (await events.redeliver()),
    failingChat: async (failure) => {
      const channel = fake.channel('C');
      if (failure === 'gone') fake.lose(channel, 'not_in_channel');
      else if (failure === 'forbidden') fake.lose(channel, 'restricted_action');
      else fake.failNext('chat.postMessage', 1, { retryAfter: 600 });
      return known(channel);
    },
    stop: async () => {
      await adapter.stop();
      await http.close();
      await fake.stop();
    },
  };
}

adapterContract({
  name: 'Slack',
  capabilities: SLACK_CAPABILITIES,
  failures: ['gone', 'forbidden', 'rate-limited'],
  redelivers: true,
  start: startSlackDriver,
});
