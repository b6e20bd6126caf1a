import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type SlackWorld } from './harness.js';

/** Slack through the kit's real inbox worker on a SQLite file: stored before the ack, handled by the worker, once. */
describe('Slack through the durable inbox worker', () => {
  let w: SlackWorld;

  beforeAll(async () => {
    w = await startSlack({ durable: {} });
  });
  afterAll(async () => w.stop());

  it('stores each request once before acknowledging it and answers it once', async () => {
    const lan = w.fake.user('Lan');
    const channel = w.fake.channel();
    expect((await w.events.slash(channel, lan.id, 'setup Cụm qua hộp thư')).status).toBe(200);
    const { answers } = await w.events.mention(channel, lan.id, 'addunit\nHN Sở Nội vụ Hà Nội');
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await w.events.redeliver(2);
    const rows = await w.store.db.inboxUpdate.findMany({ where: { platform: 'slack' } });
    expect(rows).toHaveLength(2);
    await w.settled();
    expect(w.fake.postsIn(channel).map((p) => p.text.split('\n')[0])).toEqual([
      expect.stringMatching(/Cụm qua hộp thư/),
      expect.stringMatching(/HN/),
    ]);
    expect(await w.store.db.unit.count({ where: { code: 'HN' } })).toBe(1);
  });
});
