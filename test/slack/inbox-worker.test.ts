import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboxWorker } from '../../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import type { SlackInboxRow } from '../../src/adapters/slack/inbox-rows.js';
import { freshSqliteStore } from '../support/store.js';
import { startSlack, type SlackWorld } from './harness.js';

/** Slack through the kit's real inbox worker on a SQLite file: stored before the ack, handled by the worker, once. */
describe('Slack through the durable inbox worker', () => {
  let w: SlackWorld;
  let worker: InboxWorker;
  let sender: OutboxSender;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshSqliteStore();
    close = fresh.close;
    const inbox = { receive: (rows: readonly SlackInboxRow[]) => worker.receive(rows) };
    w = await startSlack({ store: fresh.store, adapter: { inbox } });
    const targets = new Map<string, OutboxTarget>([['slack', (item) => w.adapter.deliverOutbox(item)]]);
    sender = new OutboxSender({ store: fresh.store, owner: 'slack-test', targets });
    worker = new InboxWorker({ store: fresh.store, core: w.core, sender, sources: [w.adapter.inboxSource()], owner: 'slack-test' });
    await sender.start();
    await worker.start();
  });
  afterAll(async () => {
    await worker.stop();
    await sender.stop();
    await w.stop();
    await close();
  });

  it('stores each request once before acknowledging it and answers it once', async () => {
    const lan = w.fake.user('Lan');
    const channel = w.fake.channel();
    expect((await w.events.slash(channel, lan.id, 'setup Cụm qua hộp thư')).status).toBe(200);
    const { answers } = await w.events.mention(channel, lan.id, 'addunit\nHN Sở Nội vụ Hà Nội');
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    await w.events.redeliver(2);
    const rows = await w.store.db.inboxUpdate.findMany({ where: { platform: 'slack' } });
    expect(rows).toHaveLength(2);
    await w.fake.waitUntil(() => w.fake.postsIn(channel).length >= 2);
    await worker.idle();
    await w.settled();
    expect(w.fake.postsIn(channel).map((p) => p.text.split('\n')[0])).toEqual([
      expect.stringMatching(/Cụm qua hộp thư/),
      expect.stringMatching(/HN/),
    ]);
    expect(await w.store.db.unit.count({ where: { code: 'HN' } })).toBe(1);
  });
});
