import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SendError, type Adapter } from '../../src/delivery.js';
import { Scheduler } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/store.js';
import { RecordingAdapter, rollOverOn } from '../reminders/fixtures.js';
import { Harness, i18n, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

const PROVIDERS = await storeProviders('the private reminder tests');
/** 09/03/2026 09:00 in Hà Nội: the round's d1 (deadline 10/03) and the meeting's m1 are due. */
const DUE = new Date('2026-03-09T02:00:00Z');
const BL_TELEGRAM = 'telegram:1001';

for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`private reminders on ${provider.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let h: Harness;
    let sec: Speaker;
    let reps: Record<'BL' | 'LA' | 'CT', Speaker>;
    let consoleAdapter: RecordingAdapter;
    let telegram: RecordingAdapter;
    let scheduler: Scheduler;
    const privateKey = (who: Speaker) => `test:private:${who.key}`;

    beforeEach(async () => {
      ({ store, close } = await provider.open());
      h = new Harness(store);
      sec = h.person('Thư ký Lan');
      reps = { BL: h.person('Đại diện Bạc Liêu'), LA: h.person('Đại diện Long An'), CT: h.person('Đại diện Cần Thơ') };
      await h.say(sec, '/setup Cụm thi đua Sở Nội vụ miền Tây Nam Bộ');
      await h.say(sec, '/addunit BL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An\nCT Sở Nội vụ Cần Thơ');
      for (const [code, who] of Object.entries(reps)) {
        await h.say(who, `/join ${code}`);
        await h.say(sec, `/approve ${code}`);
        await h.say(who, '/help', { private: true });
      }
      // Bạc Liêu's representative last wrote privately on Telegram: that is where theirs goes.
      await h.core.handle({ ...h.incoming(reps.BL, '/mine'), platform: 'telegram', chat: { key: BL_TELEGRAM, kind: 'private' } });
      await h.say(sec, '/term 2026');
      await h.say(sec, '/criteria\nI | Chuyên môn\n1.1 | Tham mưu | 10');
      await h.say(sec, '/round midyear 10/03/2026');
      await h.say(sec, '/meeting midyear 10/03/2026 14:00 Cần Thơ');
      await h.say(reps.CT, '/score 1.1 9');
      await h.say(reps.CT, '/submit');
      h.clock.set(DUE);
      consoleAdapter = new RecordingAdapter('console');
      telegram = new RecordingAdapter('telegram');
      const adapters = new Map<string, Adapter>([
        ['console', consoleAdapter],
        ['telegram', telegram],
      ]);
      scheduler = new Scheduler({
        store,
        clock: h.clock,
        i18n,
        adapters,
        rollOver: rollOverOn(store),
        instanceId: 'one',
        logger: pino({ level: 'silent' }),
      });
    });
    afterEach(async () => close());

    /** Every message sent, as `chatKey: key key …`, sorted. */
    const sent = () =>
      [...consoleAdapter.sent, ...telegram.sent].map((s) => `${s.chatKey}: ${s.reply.text!.map((m) => m.key).join(' ')}`).sort();

    it('reach each missing unit’s representative once, on their last private platform, saying what the unit still has to do', async () => {
      const report = await scheduler.tick();
      expect(report.sent).toBe(2);
      expect(sent()).toEqual(
        [
          `${BL_TELEGRAM}: reminder-meeting reminder-meeting-place reminder-private-for`,
          `${BL_TELEGRAM}: reminder-round-submit reminder-private-unit reminder-unit-score`,
          `${privateKey(reps.CT)}: reminder-meeting reminder-meeting-place reminder-private-for`,
          `${privateKey(reps.LA)}: reminder-meeting reminder-meeting-place reminder-private-for`,
          `${privateKey(reps.LA)}: reminder-round-submit reminder-private-unit reminder-unit-score`,
          `${h.chatKey}: reminder-meeting reminder-meeting-place`,
          `${h.chatKey}: reminder-round-submit reminder-missing-submit reminder-unit-score reminder-unit-score`,
        ].sort(),
      );
      expect(report.deliveries).toBe(2);
      expect(report.privateDeliveries).toBe(5);
      const bl = telegram.sent.find((s) => s.reply.text![0]!.key === 'reminder-round-submit')!;
      expect(bl.reply.text![1]!.args).toEqual({ code: 'BL', name: 'Sở Nội vụ Bạc Liêu' });
      expect(i18n.format('vi', bl.reply.text![0]!.key, bl.reply.text![0]!.args)).toContain('10/03/2026');
      expect(bl.locale).toBe('vi');
      // Nothing twice: not on the next tick, not to the chat Bạc Liêu's representative used before.
      consoleAdapter.clear();
      telegram.clear();
      expect((await scheduler.tick()).claimed).toBe(0);
      expect(sent()).toEqual([]);
      expect(await store.db.reminderPrivateDelivery.count({ where: { state: 'sent' } })).toBe(5);
      expect(await store.db.reminderPrivateDelivery.count({ where: { chatKey: privateKey(reps.BL) } })).toBe(0);
    });

    it('a taken-over reminder does not repeat a private delivery already recorded', async () => {
      // A first instance sent Bạc Liêu's round reminder and died before finishing the batch.
      const round = await store.db.reminder.findFirstOrThrow({ where: { subjectType: 'round', slot: 'd1' } });
      const person = await store.db.person.findUniqueOrThrow({ where: { key: reps.BL.key } });
      await store.db.reminderPrivateDelivery.create({
        data: { reminderId: round.id, personId: person.id, chatKey: BL_TELEGRAM, state: 'sent' },
      });
      await scheduler.tick();
      expect(telegram.sent.map((s) => s.reply.text![0]!.key)).toEqual(['reminder-meeting']);
      expect(consoleAdapter.keysFor(privateKey(reps.LA)).sort()).toEqual(['reminder-meeting', 'reminder-round-submit']);
    });

    it('follow the rules: group chats only, private messages only', async () => {
      await h.say(sec, '/rules reminders group');
      await scheduler.tick();
      expect(sent()).toEqual([
        `${h.chatKey}: reminder-meeting reminder-meeting-place`,
        `${h.chatKey}: reminder-round-submit reminder-missing-submit reminder-unit-score reminder-unit-score`,
      ]);
      expect(await store.db.reminderPrivateDelivery.count()).toBe(0);
    });

    it('private only: no group chat gets it; a representative who blocked the bot is recorded and forgotten', async () => {
      await h.say(sec, '/rules reminders private');
      telegram.failing.set(BL_TELEGRAM, new SendError('forbidden', 'bot was blocked by the user'));
      const report = await scheduler.tick();
      expect(consoleAdapter.keysFor(h.chatKey)).toEqual([]);
      expect(consoleAdapter.keysFor(privateKey(reps.LA)).sort()).toEqual(['reminder-meeting', 'reminder-round-submit']);
      expect(report.privateFailures).toBe(1);
      expect(report.privateDeliveries).toBe(3);
      const person = await store.db.person.findUniqueOrThrow({ where: { key: reps.BL.key } });
      expect([person.privateChatKey, person.privatePlatform]).toEqual([null, null]);
      expect(await store.db.reminderPrivateDelivery.count({ where: { state: 'failed', personId: person.id } })).toBe(1);
    });
  });
}
