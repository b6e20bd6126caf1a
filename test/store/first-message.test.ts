import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyText } from '../../src/adapters/render.js';
import { Harness, i18n } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

/**
 * A person's very first messages, sent at the same moment from a private chat the bot has never
 * seen (a phone that resends, or two taps): each is answered, and the chat and the person are
 * recorded once. On PostgreSQL both transactions find no chat and both insert it.
 */
const PROVIDERS = await storeProviders('first messages at the same moment');

for (const { name, open, skip } of PROVIDERS) {
  describe.skipIf(skip)(`first messages at the same moment on ${name}`, () => {
    let h: Harness;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const fresh = await open();
      close = fresh.close;
      h = new Harness(fresh.store);
    });
    afterAll(async () => close());

    it('answers each one and records the chat and the person once', async () => {
      const people = Array.from({ length: 6 }, (_, i) => h.person(`Người mới ${i}`));
      const sends = people.flatMap((p) =>
        [1, 2, 3].map((n) => h.core.handle(h.incoming(p, n === 1 ? '/help' : `/status ${n}`, { private: true }))),
      );
      const results = await Promise.all(sends);
      const texts = results.map((r) => r.replies.map((x) => replyText(i18n, r.locale, x)).join('\n'));
      expect(texts.filter((t) => /mã tham chiếu|reference/i.test(t))).toEqual([]);
      expect(texts.every((t) => t.length > 0)).toBe(true);
      expect(await h.store.db.chat.count()).toBe(people.length);
      expect(await h.store.db.person.count()).toBe(people.length);
    });
  });
}
