import { pino } from 'pino';
import { ZaloAdapter, zaloCapabilities } from '../../src/adapters/zalo/index.js';
import { FakeZalo, zaloText, type FakeZaloMessage } from '../support/fake-zalo.js';
import { adapterContract } from './adapter-contract.js';
import { SETTLED, type ContractChat, type ContractDriver, type DriverDeps, type Received } from './support.js';

/** Zalo through the fake Bot API: the real client, long polling, plain text; groups by @mention. */
async function startZaloDriver({ core, i18n, router }: DriverDeps): Promise<ContractDriver> {
  const fake = new FakeZalo();
  await fake.start();
  const adapter = new ZaloAdapter({
    config: { token: fake.token, apiRoot: fake.apiRoot, monthlyQuota: 3000 },
    core,
    i18n,
    router,
    logger: pino({ level: 'silent' }),
    polling: { timeoutSeconds: 1 },
    // Pacing is the pacer's own suite; pauses after a 429 are not slept here.
    pacing: { perChatMs: 0, groupPerMinute: 1000, globalPerSecond: 1000 },
    sleep: async () => undefined,
  });
  await adapter.start();
  const lan = { id: '7462219034567812345', name: 'Lê Thị Lan' };
  const groups = new Set<string>();
  const idOf = (chat: ContractChat) => chat.key.slice('zalo:'.length);
  const messagesOf = (chatId: string): Received[] =>
    fake
      .textsTo(chatId)
      .filter((t) => !t.startsWith(SETTLED))
      .map((text) => ({ text, buttons: [] }));
  const message = (chat: ContractChat, text: string): FakeZaloMessage => {
    const id = idOf(chat);
    return groups.has(id) ? zaloText(lan, `@bot.ThiDua ${text}`, { chatId: id, group: true }) : zaloText(lan, text, { chatId: id });
  };
  let last: FakeZaloMessage | undefined;
  let sentinel = 0;
  return {
    adapter,
    group: async () => {
      groups.add('g00991122aabb');
      return { key: 'zalo:g00991122aabb' };
    },
    privateChat: async () => ({ key: `zalo:${lan.id}` }),
    say: async (chat, text) => {
      last = message(chat, text);
      fake.push(last);
    },
    settle: async (chat) => {
      const n = ++sentinel;
      fake.push(message(chat, `/tsettle ${n}`));
      await fake.waitForCall((c) => c.method === 'sendMessage' && c.body.chat_id === idOf(chat) && c.body.text === `${SETTLED} ${n}`);
    },
    arrival: async (chat, text, from) => {
      await fake.waitForCall(() =>
        messagesOf(idOf(chat))
          .slice(from)
          .some((m) => m.text === text),
      );
      return messagesOf(idOf(chat))
        .slice(from)
        .find((m) => m.text === text)!;
    },
    messages: (chat) => messagesOf(idOf(chat)),
    redeliverLast: async () => fake.push({ ...last! }),
    failingChat: async (failure) => {
      if (failure !== 'rate-limited') return undefined;
      // As many 429s as the adapter tries (4): it gives up, and nothing is left to fail later sends.
      fake.failNext('sendMessage', 429, 4);
      return { key: `zalo:${lan.id}` };
    },
    stop: async () => {
      await adapter.stop();
      await fake.stop();
    },
  };
}

adapterContract({
  name: 'Zalo',
  capabilities: zaloCapabilities(false),
  failures: ['rate-limited'],
  redelivers: true,
  compactTables: true,
  start: startZaloDriver,
});
