import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import { sheetFormReader } from '../../src/app/sheet-form.js';
import { ManualClock } from '../../src/domain/clock.js';
import { I18n } from '../../src/i18n/i18n.js';
import { FakeSlack, type SlackUser } from '../support/fake-slack.js';
import { freshSqliteStore } from '../support/store.js';
import { startSlack, type SlackWorld } from './harness.js';

/**
 * Slack's answers through the durable outbox, as `main.ts` wires them: the kit's inbox worker
 * hands each stored command to the core with its answer committed in the command's
 * transaction, and the outbox sender delivers it through `SlackAdapter.deliverOutbox`, placed as
 * the conversation loop places it (in the channel, only to the person, in the thread, in the DM).
 */
describe('Slack answers through the durable outbox', () => {
  let w: SlackWorld;
  let lan: SlackUser;
  let channel: string;
  const chatOf = (id: string) => `slack:${w.fake.team}:${id}`;
  const newPosts = async (id: string, run: () => Promise<unknown>) => {
    const before = w.fake.postsIn(id).length;
    await run();
    await w.settled();
    return w.fake.postsIn(id).slice(before);
  };

  beforeAll(async () => {
    w = await startSlack({ durable: {} });
    lan = w.fake.user('Nguyễn Thị Lan', { name: 'lan' });
    channel = w.fake.channel();
  });
  afterAll(async () => w.stop());

  it('answers in the channel, errors only to the person, private things to the person, in the thread, in the DM', async () => {
    const setup = await newPosts(channel, () => w.events.slash(channel, lan.id, 'setup Cụm qua hộp thư'));
    expect(setup.map((p) => [p.method, p.user])).toEqual([['chat.postMessage', undefined]]);
    expect(setup[0]!.text).toMatch(/Cụm qua hộp thư/);

    const error = await newPosts(channel, () => w.events.slash(channel, lan.id, 'khongcolenhnay'));
    expect(error.map((p) => [p.method, p.user])).toEqual([['chat.postEphemeral', lan.id]]);
    expect(error[0]!.text).toMatch(/khongcolenhnay/);

    // The invite code is the secretary's only; the channel is told it was sent.
    const invite = await newPosts(channel, () => w.events.slash(channel, lan.id, 'invite'));
    expect(invite.map((p) => [p.method, p.user])).toEqual([
      ['chat.postEphemeral', lan.id],
      ['chat.postMessage', undefined],
    ]);

    const root = w.fake.ts();
    const threaded = await newPosts(channel, () => w.events.mention(channel, lan.id, 'addunit\nHN Sở Nội vụ Hà Nội', { threadTs: root }));
    expect(threaded.map((p) => [p.method, p.threadTs])).toEqual([['chat.postMessage', root]]);
    expect(threaded[0]!.text).toMatch(/HN/);

    const pressed = await newPosts(channel, () => w.events.press(channel, lan.id, '/addunit HB Sở Nội vụ Hòa Bình'));
    expect(pressed.map((p) => [p.method, p.threadTs])).toEqual([['chat.postMessage', undefined]]);
    expect(pressed[0]!.text).toMatch(/HB/);

    const dm = w.fake.channel('D');
    const direct = await newPosts(dm, () => w.events.slash(dm, lan.id, 'khongcolenhnay'));
    expect(direct.map((p) => [p.method, p.user])).toEqual([['chat.postMessage', undefined]]);

    // Every one of these answers was a row of the outbox, committed with its command and sent.
    const rows = await w.store.db.outboxMessage.findMany({ where: { platform: 'slack', kind: 'reply' }, orderBy: { id: 'asc' } });
    expect(rows.map((r) => r.state)).toEqual(rows.map(() => 'sent'));
    expect(rows.filter((r) => r.chatKey === chatOf(channel))).toHaveLength(w.fake.postsIn(channel).length);
    expect(rows.filter((r) => r.chatKey === chatOf(dm))).toHaveLength(1);
    expect(rows.find((r) => r.privateTo)?.privateTo).toBe(`slack:${w.fake.team}:${lan.id}`);
  });

  it('greets a channel it joins through the outbox, its intro in the same message', async () => {
    const other = w.fake.channel();
    const posts = await newPosts(other, () => w.events.botJoins(other, lan.id));
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toMatch(/\/thidua/);
    const rows = await w.store.db.outboxMessage.findMany({ where: { chatKey: chatOf(other) } });
    expect(rows.map((r) => [r.state, JSON.parse(r.placement ?? '{}')])).toEqual([['sent', { u: lan.id, k: 'g', i: 1 }]]);
    expect(await w.store.db.chat.count({ where: { key: chatOf(other) } })).toBe(1);
  });
});

describe('a Slack form sub-command from the inbox', () => {
  it('opens its modal from the worker; one that cannot be opened (trigger expired) holds nothing back', async () => {
    const fresh = await freshSqliteStore();
    const clock = new ManualClock(new Date('2026-01-05T02:00:00Z'));
    const i18n = new I18n(resolve('locales'), 'vi');
    const readSheet = sheetFormReader({ store: fresh.store, clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' } });
    const w = await startSlack({ store: fresh.store, clock, durable: {}, adapter: { readSheet } });
    try {
      const lan = w.fake.user('Lan');
      const channel = w.fake.channel();
      await w.events.slash(channel, lan.id, 'criteriaform');
      await w.settled();
      expect(w.fake.views.map((v) => v.view.callback_id)).toEqual(['thidua-criteria']);
      w.fake.failNext('views.open', 1, { error: 'expired_trigger_id' });
      await w.events.slash(channel, lan.id, 'criteriaform');
      await w.events.slash(channel, lan.id, 'setup Cụm có biểu mẫu');
      await w.settled();
      expect(w.fake.postsIn(channel).map((p) => p.text)).toEqual([expect.stringMatching(/Cụm có biểu mẫu/)]);
      const rows = await fresh.store.db.inboxUpdate.findMany({ orderBy: { id: 'asc' } });
      expect(rows.map((r) => [r.state, r.attempts])).toEqual([
        ['done', 1],
        ['done', 1],
        ['done', 1],
      ]);
    } finally {
      await w.stop();
      await fresh.close();
    }
  });
});

/** A delivery that never reaches Slack: the process "dies" after the commit, during the send. */
function dying(): { deliver: OutboxTarget; entered: Promise<void>; release(): void } {
  let enter!: () => void;
  const entered = new Promise<void>((resolve) => (enter = resolve));
  const held: (() => void)[] = [];
  return {
    entered,
    deliver: () =>
      new Promise<void>((_resolve, reject) => {
        held.push(() => reject(new Error('the process died')));
        enter();
      }),
    release: () => held.forEach((fail) => fail()),
  };
}

describe('a Slack answer committed when the process died before sending it', () => {
  it('is sent by the next process on the same store, once; a retried request is answered by nothing', async () => {
    const fresh = await freshSqliteStore();
    const fake = await FakeSlack.start();
    const died = dying();
    const first = await startSlack({ store: fresh.store, fake, durable: { owner: 'instance-1', deliver: () => died.deliver } });
    let second: SlackWorld | undefined;
    try {
      const lan = fake.user('Lan');
      const channel = fake.channel();
      await first.events.mention(channel, lan.id, 'setup Cụm sau sự cố');
      await died.entered;
      // The command and its answer are committed together; Slack has seen nothing yet.
      const [row] = await fresh.store.db.outboxMessage.findMany({ where: { chatKey: `slack:${fake.team}:${channel}` } });
      expect([row?.state, row?.leaseOwner]).toEqual(['pending', 'instance-1']);
      expect(await fresh.store.db.cluster.count()).toBe(1);
      expect(fake.postsIn(channel)).toEqual([]);

      // The next process, once the first one's leases ran out: a new adapter, worker and sender.
      second = await startSlack({ store: fresh.store, fake, durable: { owner: 'instance-2', now: () => new Date(Date.now() + 60_000) } });
      await second.settled();
      await fake.waitUntil(() => fake.postsIn(channel).length >= 1);
      // Slack retries the request: it is stored once, and the ledger answers nothing again.
      expect((await second.events.post(first.events.last!.body, 'application/json', { retryNum: 1 })).status).toBe(200);
      await second.settled();
      expect(fake.postsIn(channel).map((p) => p.text)).toEqual([expect.stringMatching(/Cụm sau sự cố/)]);
      expect(await fresh.store.db.cluster.count()).toBe(1);
      expect(await fresh.store.db.inboxUpdate.count({ where: { platform: 'slack' } })).toBe(1);
      expect((await fresh.store.db.outboxMessage.findMany()).map((r) => r.state)).toEqual(['sent']);

      // The first process's send fails late (as if it had been killed): it changes nothing.
      died.release();
      await first.settled();
      expect((await fresh.store.db.outboxMessage.findMany()).map((r) => [r.state, r.attempts])).toEqual([['sent', 0]]);
      expect(fake.postsIn(channel)).toHaveLength(1);
    } finally {
      died.release();
      await second?.stop();
      await first.stop();
      await fake.stop();
      await fresh.close();
    }
  });
});
