import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackInbox, SlackInboxRow } from '../../src/adapters/slack/inbox-rows.js';
import { startSlack, type SlackWorld } from './harness.js';

/**
 * The adapter's side of the durable inbox: a request it takes is stored first (the 200 waits
 * for the store), one row per message however many events carry it, and `inboxSource()` reads
 * it back as the core's `Incoming` with its placement. The store here keeps rows by key as
 * `insertInbox` does (`ON CONFLICT ("key") DO NOTHING`); the real worker runs in
 * `inbox-worker.test.ts` and `outbox-path.test.ts`.
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

  it('acknowledges only once the request is stored, stores a message once, and reads it back as the command', async () => {
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

    // The worker reads each row as the command Bolt's listeners would have handed the core,
    // with its ledger key (the row's) and where its answers go (the outbox's placement).
    const source = w.adapter.inboxSource();
    const works = [];
    for (const row of inbox.rows.values()) works.push(await source.parse(JSON.parse(row.payload)));
    const [setup, addunit] = works.map((work) => (work?.kind === 'incoming' ? work : undefined));
    const [setupKey, addunitKey] = [...inbox.rows.keys()];
    const chat = { key: `slack:${w.fake.team}:${channel}`, kind: 'group' };
    expect(setup?.incoming).toMatchObject({ updateId: setupKey, chat, command: 'setup', args: 'Cụm thử' });
    expect(setup?.incoming.sender).toMatchObject({ key: `slack:${w.fake.team}:${lan.id}`, displayName: 'Lan' });
    expect(addunit?.incoming).toMatchObject({ updateId: addunitKey, chat, command: 'addunit', body: 'HN Sở Nội vụ Hà Nội' });
    expect(JSON.parse(setup!.placement!)).toEqual({ u: lan.id, k: 'g' });
    expect(JSON.parse(addunit!.follow!)).toEqual({ u: lan.id, k: 'g' });
  });
});
