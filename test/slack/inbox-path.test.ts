import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackInbox, SlackInboxRow } from '../../src/adapters/slack/inbox-rows.js';
import { startSlack, type SlackWorld } from './harness.js';

/**
 * The adapter's side of the durable inbox: a request it takes is stored first (the 200 waits
 * for the store), one row per message however many events carry it, and the worker's replay
 * through `inboxSource()` runs it (once). The store here keeps rows by key as `insertInbox`
 * does (`ON CONFLICT ("key") DO NOTHING`); the kit's worker has its own suite.
 */
class GatedInbox implements SlackInbox {
  readonly rows = new Map<string, SlackInboxRow>();
  private release?: () => void;
  gate = false;

  /** Resolves when a request is being stored (and held at the gate). */
  private enter!: () => void;
  entered = new Promise<void>((resolve) => (this.enter = resolve));

  async receive(rows: readonly SlackInboxRow[]): Promise<void> {
    if (this.gate) {
      const held = new Promise<void>((resolve) => (this.release = resolve));
      this.enter();
      await held;
    }
    for (const row of rows) if (!this.rows.has(row.key)) this.rows.set(row.key, row);
  }

  open(): void {
    this.gate = false;
    this.release?.();
  }
}

describe('Slack requests through the durable inbox', () => {
  let w: SlackWorld;
  const inbox = new GatedInbox();

  beforeAll(async () => {
    w = await startSlack({ adapter: { inbox } });
  });
  afterAll(async () => w.stop());

  it('acknowledges only once the request is stored, stores a message once, and handles it on replay', async () => {
    const lan = w.fake.user('Lan');
    const channel = w.fake.channel();
    inbox.gate = true;
    let answered = false;
    const pending = w.events.slash(channel, lan.id, 'setup Cụm thử').then((a) => ((answered = true), a));
    await inbox.entered;
    expect(answered).toBe(false);
    inbox.open();
    expect((await pending).status).toBe(200);
    await w.events.mention(channel, lan.id, 'addunit\nHN Sở Nội vụ Hà Nội');
    await w.events.redeliver(1);
    await w.events.mention(channel, lan.id, 'không phải lệnh', { bare: true });
    await w.settled();
    // Nothing was handled yet: it waits in the inbox.
    expect(w.fake.postsIn(channel)).toHaveLength(0);
    expect([...inbox.rows.keys()].map((k) => k.split(':').slice(2, 3)[0])).toEqual(['command', channel]);

    const source = w.adapter.inboxSource();
    for (const row of inbox.rows.values()) await source.parse(JSON.parse(row.payload))!.run();
    await w.settled();
    expect(w.fake.postsIn(channel).map((p) => p.text.split('\n')[0])).toEqual([
      expect.stringMatching(/Đã lập Cụm thử/),
      expect.stringMatching(/HN/),
    ]);
    // The worker may replay a row again after a crash: the ledger answers nothing the second time.
    for (const row of inbox.rows.values()) await source.parse(JSON.parse(row.payload))!.run();
    await w.settled();
    expect(w.fake.postsIn(channel)).toHaveLength(2);
  });
});
