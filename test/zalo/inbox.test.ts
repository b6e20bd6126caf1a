import { afterEach, describe, expect, it } from 'vitest';
import { InboxWorker } from '../../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import { BotCore } from '../../src/app/bot-core.js';
import { ManualClock } from '../../src/domain/clock.js';
import type { InboxInput } from '../../src/store/inbox.js';
import { zaloText } from '../support/fake-zalo.js';
import { freshSqliteStore } from '../support/store.js';
import { zaloFixture } from './harness.js';

const AN = { id: '7462219034567812345', name: 'Nguyễn Văn An' };
const { setup } = zaloFixture();
let teardown: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of teardown.reverse()) await stop();
  teardown = [];
});

describe('Zalo through the durable inbox and outbox', () => {
  it('stores each update the moment getUpdates returns it, answers it once through the outbox', async () => {
    const { store, close } = await freshSqliteStore();
    const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
    const { contractI18n } = await import('../contracts/support.js');
    const { i18n, dispose } = contractI18n();
    const core = new BotCore({ store, clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' } });
    const targets = new Map<string, OutboxTarget>();
    const sender = new OutboxSender({ store, owner: 'test-instance', targets });
    const worker = new InboxWorker({ store, core, sender, sources: [] });
    const stored: InboxInput[] = [];
    const inbox = {
      receive: async (rows: readonly InboxInput[]) => {
        await worker.receive(rows);
        stored.push(...rows);
      },
    };
    const { fake, adapter } = await setup(core, { i18n, inbox, start: false });
    worker.addSource(adapter.inboxSource());
    targets.set('zalo', (item) => adapter.deliverOutbox(item));
    await sender.start();
    await worker.start();
    teardown.push(async () => {
      await worker.stop();
      await sender.stop();
      await close();
      dispose();
    });
    await adapter.start();
    const message = zaloText(AN, '/help');
    fake.push(message);
    fake.push({ ...message });
    const [text] = await fake.waitForTexts(AN.id, 1);
    expect(text).toMatch(/\/help|\/score|lệnh/);
    expect(stored.map((r) => r.key)).toEqual([`zalo:${message.message_id}`, `zalo:${message.message_id}`]);
    await worker.idle();
    await fake.waitForCall((c) => c.method === 'getUpdates' && fake.pending === 0);
    const rows = await store.db.inboxUpdate.findMany();
    expect(rows.map((r) => r.key)).toEqual([`zalo:${message.message_id}`]);
  });
});
