import type { Chat, Message, User } from 'grammy/types';
import { pino } from 'pino';
import { TELEGRAM_CAPABILITIES, TelegramAdapter } from '../../src/adapters/telegram/index.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { adapterContract } from './adapter-contract.js';
import { SETTLED, type ContractChat, type ContractDriver, type DriverDeps, type Received } from './support.js';

/** Telegram through the fake Bot API server: the real grammY client, long polling, HTML. */
async function startTelegramDriver({ core, i18n, router }: DriverDeps): Promise<ContractDriver> {
  const fake = await FakeTelegram.start();
  const adapter = new TelegramAdapter({
    config: { token: fake.token, apiRoot: fake.apiRoot },
    core,
    i18n,
    router,
    logger: pino({ level: 'silent' }),
    botInfo: fake.bot,
    polling: { timeoutSeconds: 1 },
    // Pacing is the pacer's own suite; here it would only make the checks wait.
    pacing: { perChatMs: 0, groupPerMinute: 1000, globalPerSecond: 1000 },
    // A 429 asking for more than a second is not waited out: the send fails as rate-limited.
    maxRetryAfterSeconds: 1,
  });
  await adapter.start();
  const lan = fake.user('Lan', { username: 'lan_snv' });
  const chats = new Map<string, Chat>();
  const known = (chat: Chat): ContractChat => {
    const key = `telegram:${chat.id}`;
    chats.set(key, chat);
    return { key };
  };
  const chatOf = (chat: ContractChat) => chats.get(chat.key)!;
  const messagesOf = (chatId: number): Received[] =>
    fake
      .sentTo(chatId)
      .filter((m) => !m.text.startsWith(SETTLED))
      .map((m) => ({
        text: m.text,
        buttons: m.buttons.flat().map((b) => ({ label: b.text, data: b.data })),
        ...(m.method === 'sendDocument' && m.file ? { file: { fileName: m.file.fileName, bytes: m.file.bytes } } : {}),
      }));
  let last: Message | undefined;
  let sentinel = 0;
  return {
    adapter,
    group: async () => known(fake.group('Khối thi đua hợp đồng')),
    // A private chat the person opened (the bot may write there).
    privateChat: async () => known(fake.privateChat(lan)),
    say: async (chat, text) => void (last = fake.say(chatOf(chat), lan, text)),
    settle: async (chat) => {
      const n = ++sentinel;
      fake.say(chatOf(chat), lan, `/tsettle ${n}`);
      await fake.waitForMessage((m) => m.chatId === chatOf(chat).id && m.text === `${SETTLED} ${n}`);
    },
    arrival: async (chat, text, from) => {
      const id = chatOf(chat).id;
      await fake.waitUntil(() =>
        messagesOf(id)
          .slice(from)
          .some((m) => m.text === text),
      );
      return messagesOf(id)
        .slice(from)
        .find((m) => m.text === text)!;
    },
    messages: (chat) => messagesOf(chatOf(chat).id),
    redeliverLast: async () => fake.redeliver(fake.updateOf(last!)),
    failingChat: async (failure) => {
      if (failure === 'gone') {
        const group = fake.group('Nhóm đã xoá bot');
        fake.removeBot(group, lan);
        return known(group);
      }
      if (failure === 'forbidden') return known(fake.privateChat(fake.user('Hoa') as User));
      fake.failNext('sendMessage', 1, 429, 600);
      return known(fake.privateChat(lan));
    },
    stop: async () => {
      await adapter.stop();
      await fake.stop();
    },
  };
}

adapterContract({
  name: 'Telegram',
  capabilities: TELEGRAM_CAPABILITIES,
  failures: ['gone', 'forbidden', 'rate-limited'],
  redelivers: true,
  start: startTelegramDriver,
});
