import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeRouter } from '../../src/adapters/kit/router.js';
import { budgetMonth } from '../../src/adapters/zalo/budget.js';
import { SendError } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { outboundLedger, outboundSoFar } from '../../src/store/outbound-counts.js';
import type { Store } from '../../src/store/store.js';
import { OtherPlatform } from '../contracts/support.js';
import { RecordingCore } from '../telegram/harness.js';
import { storeProviders } from '../support/store.js';
import { testLogger, zaloFixture } from './harness.js';

const providers = await storeProviders('the Zalo budget tests');
const { setup } = zaloFixture();
const say = (text: string, repeat = false) => ({ text: [{ key: 't-echo', args: { text } }], ...(repeat ? { repeat: true } : {}) });

describe('the month a message counts in', () => {
  it('is the calendar month in Vietnam', () => {
    expect(budgetMonth(new Date('2026-11-30T16:59:59Z'))).toBe('2026-11');
    expect(budgetMonth(new Date('2026-11-30T17:00:00Z'))).toBe('2026-12');
  });
});

for (const provider of providers) {
  describe.skipIf(provider.skip)(`Zalo's monthly budget (${provider.name})`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await provider.open());
      const cluster = await store.db.cluster.create({ data: { name: 'Cụm thi đua biên giới phía Bắc', timezone: 'Asia/Ho_Chi_Minh' } });
      await store.db.chat.createMany({
        data: [
          { key: 'telegram:-100777', platform: 'telegram', clusterId: cluster.id },
          { key: 'zalo:7462219034567812345', platform: 'zalo', clusterId: cluster.id },
        ],
      });
      const alone = await store.db.cluster.create({ data: { name: 'Cụm chỉ dùng Zalo', timezone: 'Asia/Ho_Chi_Minh' } });
      await store.db.chat.create({ data: { key: 'zalo:5512219034567812399', platform: 'zalo', clusterId: alone.id } });
    });
    afterAll(() => close());

    it('tells the secretaries once at 80 %, then drops repeated reminders past the budget, never silently', async () => {
      const clock = new ManualClock(new Date('2026-12-10T02:00:00Z'));
      const telegram = new OtherPlatform('telegram');
      const router = new NoticeRouter(testLogger).register(telegram);
      const ledger = outboundLedger(store, 'zalo', () => clock.now());
      const { fake, adapter } = await setup(new RecordingCore(), { router, ledger, now: () => clock.now(), config: { monthlyQuota: 10 } });
      router.register(adapter);
      const an = 'zalo:7462219034567812345';
      for (let i = 1; i <= 7; i++) await adapter.send(an, 'vi', say(`Nhắc ${i}`, i > 1));
      expect(telegram.sent).toEqual([]);
      await adapter.send(an, 'vi', say('Nhắc 8', true));
      await telegram.received('telegram:-100777');
      // The cluster with a Telegram chat is told there; the one on Zalo only, on Zalo.
      await fake.waitForCall((c) => c.method === 'sendMessage' && c.body.chat_id === '5512219034567812399');
      expect(telegram.sent.map((s) => s.chatKey)).toEqual(['telegram:-100777']);
      expect(JSON.stringify(telegram.sent[0]!.reply)).toContain('zalo-budget-warned');
      const warned = fake.textsTo('5512219034567812399');
      expect(warned).toEqual([
        'Lưu ý thư ký cụm: bot đã gửi 8/10 tin nhắn Zalo trong tháng 12/2026 (từ 80% hạn mức). Khi hết hạn mức, các lần nhắc lặp lại trên Zalo sẽ tạm dừng đến đầu tháng sau; lần nhắc đầu tiên và câu trả lời lệnh vẫn được gửi.',
      ]);
      // 8 reminders + the notice on Zalo = 9; one more spends the budget.
      await adapter.send(an, 'vi', say('Nhắc 9'));
      await telegram.received('telegram:-100777');
      await waitUntil(() => telegram.sent.length === 2);
      expect(JSON.stringify(telegram.sent[1]!.reply)).toContain('zalo-budget-spent');
      const sentBefore = fake.textsTo(an.slice(5)).length;
      const dropped = await adapter.send(an, 'vi', say('Nhắc lại lần nữa', true)).catch((e: unknown) => e);
      expect(dropped).toBeInstanceOf(SendError);
      expect((dropped as SendError).message).toMatch(
        /Zalo monthly budget spent \(\d+ of 10 messages in 2026-12\): repeated reminder not sent/,
      );
      expect(fake.textsTo(an.slice(5)).length).toBe(sentBefore);
      // A first reminder and answers still go out; the secretaries are not told twice.
      await adapter.send(an, 'vi', say('Nhắc đầu tiên của đợt mới'));
      expect(fake.textsTo(an.slice(5)).at(-1)).toBe('Nhắc đầu tiên của đợt mới');
      expect(telegram.sent).toHaveLength(2);
      expect(await outboundSoFar(store.handle(new Date()), { platform: 'zalo', month: '2026-12' })).toBe(
        fake.calls.filter((c) => c.method === 'sendMessage').length,
      );
      // A new month starts afresh.
      clock.set(new Date('2026-12-31T17:00:00Z'));
      await adapter.send(an, 'vi', say('Nhắc tháng mới', true));
      expect(await outboundSoFar(store.handle(new Date()), { platform: 'zalo', month: '2027-01' })).toBe(1);
    });
  });
}

async function waitUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise<void>((resolve) => setImmediate(resolve));
  if (!done()) throw new Error('condition never met');
}
