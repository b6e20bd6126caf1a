import { pino } from 'pino';
import { afterEach } from 'vitest';
import type { Core } from '../../src/app/core.js';
import { ZaloAdapter, type ZaloAdapterOptions } from '../../src/adapters/zalo/index.js';
import type { ZaloConfig } from '../../src/config.js';
import { contractI18n } from '../contracts/support.js';
import { FakeZalo } from '../support/fake-zalo.js';

export const testLogger = pino({ level: process.env.TEST_LOG ?? 'silent' });

/** A fake Zalo and an adapter on it; pauses are recorded, never slept. */
export interface ZaloSetup {
  fake: FakeZalo;
  adapter: ZaloAdapter;
  pauses: number[];
  fatal: unknown[];
}

/**
 * The Zalo test files' fixture: `setup` starts a fake Zalo Bot API and the real adapter on it
 * (long polling unless the config says a webhook URL), torn down after each test.
 */
export function zaloFixture() {
  const teardown: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const stop of teardown.splice(0).reverse()) await stop();
  });

  async function setup(
    core: Core,
    options: Partial<Omit<ZaloAdapterOptions, 'config'>> & { config?: Partial<ZaloConfig>; start?: boolean } = {},
  ): Promise<ZaloSetup> {
    const fake = new FakeZalo();
    await fake.start();
    const { i18n, dispose } = options.i18n ? { i18n: options.i18n, dispose: () => undefined } : contractI18n();
    const pauses: number[] = [];
    const fatal: unknown[] = [];
    const { start, config, ...rest } = options;
    const adapter = new ZaloAdapter({
      core,
      i18n,
      logger: testLogger,
      polling: { timeoutSeconds: 1 },
      pacing: { perChatMs: 0, groupPerMinute: 1000, globalPerSecond: 1000 },
      sleep: async (ms) => void pauses.push(ms),
      onFatal: (error) => fatal.push(error),
      ...rest,
      config: { token: fake.token, apiRoot: fake.apiRoot, monthlyQuota: 3000, ...config },
    });
    teardown.push(async () => {
      await adapter.stop();
      await fake.stop();
      dispose();
    });
    if (start !== false) await adapter.start();
    return { fake, adapter, pauses, fatal };
  }

  return { setup, teardown };
}
