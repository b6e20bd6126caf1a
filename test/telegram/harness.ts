import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach } from 'vitest';
import type { ChatEvent, Core, HandleResult } from '../../src/app/core.js';
import type { Reply } from '../../src/reply.js';
import type { Incoming } from '../../src/app/ports.js';
import { TelegramAdapter, type TelegramAdapterOptions } from '../../src/adapters/telegram/index.js';
import { I18n, type Locale } from '../../src/i18n/i18n.js';
import { FakeTelegram } from '../support/fake-telegram.js';

export const LOCALES_DIR = new URL('../../locales/', import.meta.url).pathname;

/** Messages the in-test core answers with, besides the adapter's own `telegram-*` ones. */
const TEST_MESSAGES = `
t-echo = { $text }
t-label = { $text }
t-header = { $text }
`;

/** The adapter's and the kit's locale files plus a few test messages, in a folder of their own. */
export function testI18n(fallback: Locale = 'vi'): { i18n: I18n; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-tg-i18n-'));
  for (const file of readdirSync(LOCALES_DIR).filter((f) => /^(vi|en)\.(telegram|kit)\.ftl$/.test(f))) {
    copyFileSync(join(LOCALES_DIR, file), join(dir, file));
  }
  writeFileSync(join(dir, 'vi.test.ftl'), TEST_MESSAGES);
  writeFileSync(join(dir, 'en.test.ftl'), TEST_MESSAGES);
  return { i18n: new I18n(dir, fallback), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A sentence of the in-test core. */
export function echo(text: string): Reply {
  return { text: [{ key: 't-echo', args: { text } }] };
}

export function result(replies: Reply[], extra: Partial<HandleResult> = {}): HandleResult {
  return { locale: 'vi', replies, notices: [], duplicate: false, ...extra };
}

/**
 * A stand-in for the core port: records what the adapter hands it and answers with whatever
 * the test says (by default, the command line echoed back).
 */
export class RecordingCore implements Core {
  readonly incoming: Incoming[] = [];
  readonly events: ChatEvent[] = [];
  private readonly seen = new Set<string>();
  answer: (incoming: Incoming) => HandleResult | Promise<HandleResult> = (i) => result([echo(`${i.command}|${i.args}|${i.body}`)]);
  answerEvent: (event: ChatEvent) => HandleResult | Promise<HandleResult> = () => result([]);

  async handle(incoming: Incoming): Promise<HandleResult> {
    this.incoming.push(incoming);
    // Like the real core's ledger: an update seen before changes nothing and is not answered.
    if (incoming.updateId && this.seen.has(incoming.updateId)) return result([], { duplicate: true });
    if (incoming.updateId) this.seen.add(incoming.updateId);
    return this.answer(incoming);
  }

  async chatEvent(event: ChatEvent): Promise<HandleResult> {
    this.events.push(event);
    return this.answerEvent(event);
  }
}

export const testLogger = pino({ level: process.env.TEST_LOG ?? 'silent' });

/** A fake Telegram, an adapter on it (long polling) and a way to tear both down. */
export async function startTelegram(
  core: Core,
  options: Partial<TelegramAdapterOptions> & { fake?: FakeTelegram; start?: boolean } = {},
): Promise<{ fake: FakeTelegram; adapter: TelegramAdapter; i18n: I18n; stop: () => Promise<void> }> {
  const fake = options.fake ?? (await FakeTelegram.start());
  const { i18n, dispose } = options.i18n ? { i18n: options.i18n, dispose: () => undefined } : testI18n();
  const { fake: _fake, start, config, ...rest } = options;
  const adapter = new TelegramAdapter({
    core,
    i18n,
    logger: testLogger,
    botInfo: fake.bot,
    polling: { timeoutSeconds: 1 },
    ...rest,
    config: { token: fake.token, apiRoot: fake.apiRoot, ...config },
  });
  if (start !== false) await adapter.start();
  return {
    fake,
    adapter,
    i18n,
    stop: async () => {
      await adapter.stop();
      await fake.stop();
      dispose();
    },
  };
}

/**
 * The adapter test files' fixture: `setup` starts a fake Telegram and an adapter on it (torn
 * down after each test, with whatever else was pushed on `teardown`), `settle` waits until a
 * chat's earlier updates were all handled.
 */
export function adapterFixture() {
  const teardown: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of teardown.splice(0).reverse()) await stop();
  });

  async function setup(
    core = new RecordingCore(),
    options: Parameters<typeof startTelegram>[1] = {},
  ): Promise<{ fake: FakeTelegram; adapter: TelegramAdapter; core: RecordingCore }> {
    const started = await startTelegram(core, options);
    teardown.push(started.stop);
    return { fake: started.fake, adapter: started.adapter, core };
  }

  /** A sentinel command whose answer proves every earlier update of that chat was handled. */
  async function settle(fake: FakeTelegram, chat: { id: number }, from: Parameters<FakeTelegram['say']>[1]): Promise<void> {
    const before = fake.sent.length;
    fake.say(chat as never, from, '/ping sentinel');
    await fake.waitForMessage((m) => m.chatId === chat.id && m.text.startsWith('ping|sentinel'), { from: before });
  }

  return { setup, settle, teardown };
}
