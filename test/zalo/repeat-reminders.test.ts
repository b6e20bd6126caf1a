import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRepeatReminder } from '../../src/store/reminder-repeats.js';
import type { Store } from '../../src/store/store.js';
import { storeProviders } from '../support/store.js';

const providers = await storeProviders('the repeated-reminder read');

for (const provider of providers) {
  describe.skipIf(provider.skip)(`which reminders repeat an earlier one (${provider.name})`, () => {
    let store: Store;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await provider.open());
    });
    afterAll(() => close());

    it('the first of a subject is not a repeat; a later one is, once an earlier one was sent', async () => {
      const cluster = await store.db.cluster.create({ data: { name: 'Cụm thi đua biên giới phía Bắc', timezone: 'Asia/Ho_Chi_Minh' } });
      const eventAt = new Date('2026-12-10T10:00:00Z');
      const make = (slot: string, dueAt: string, state: string, subjectId = 41) =>
        store.db.reminder.create({
          data: { clusterId: cluster.id, subjectType: 'round', subjectId, slot, dueAt: new Date(dueAt), eventAt, state },
        });
      const d7 = await make('d7', '2026-12-03T02:00:00Z', 'claimed');
      const d3 = await make('d3', '2026-12-07T02:00:00Z', 'pending');
      const other = await make('d3', '2026-12-07T02:00:00Z', 'pending', 42);
      const reader = { db: store.db };
      expect(await isRepeatReminder(reader, d7)).toBe(false);
      // The 7-day reminder is still being sent: the 3-day one is not a repeat yet.
      expect(await isRepeatReminder(reader, d3)).toBe(false);
      await store.db.reminder.update({ where: { id: d7.id }, data: { state: 'sent' } });
      expect(await isRepeatReminder(reader, d3)).toBe(true);
      expect(await isRepeatReminder(reader, d7)).toBe(false);
      expect(await isRepeatReminder(reader, other)).toBe(false);
    });
  });
}
