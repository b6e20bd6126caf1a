import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/app/bot-core.js';
import type { Incoming } from '../../src/app/ports.js';
import { InboxWorker, type InboxSource } from '../../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../../src/adapters/kit/outbox-sender.js';
import { ManualClock } from '../../src/domain/clock.js';
import { SendError } from '../../src/delivery.js';
import { claimInbox, insertInbox, pendingInbox, settleInbox } from '../../src/store/inbox.js';
import { claimOutbox, decodeReply, encodeReply, insertOutbox, type OutboxItem } from '../../src/store/outbox.js';
import type { Store } from '../../src/store/store.js';
import { i18n } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

const providers = await storeProviders('the durable inbox and outbox');

/** A raw update of the in-test platform: a command line from someone in a chat. */
interface RawTest {
  id: number;
  chat: string;
  from: string;
  text: string;
}

const source: InboxSource = {
  platform: 'test',
  parse: (payload) => {
    const raw = payload as RawTest;
    const [command, ...rest] = raw.text.slice(1).split(' ');
    const incoming: Incoming = {
      platform: 'console',
      updateId: `test:${raw.id}`,
      chat: { key: `test:${raw.chat}`, kind: 'group', title: 'Nhóm' },
      sender: { key: `test:${raw.from}`, displayName: raw.from },
      command: command!,
      args: rest.join(' '),
      body: '',
    };
    return { kind: 'incoming', incoming, placement: '"first"', follow: '"next"' };
  },
};

const row = (raw: RawTest) => ({ key: `test:${raw.id}`, platform: 'test', chatKey: `test:${raw.chat}`, payload: JSON.stringify(raw) });

describe.each(providers)('durable inbox and outbox on $name', ({ open, skip }) => {
  let store: Store;
  let close: () => Promise<void>;
  const conn = () => store.handle(new Date('2026-12-01T10:00:00Z'));

  beforeAll(async () => {
    if (skip) return;
    ({ store, close } = await open());
  });
  afterAll(async () => {
    if (!skip) await close();
  });

  it.skipIf(skip)('stores an update once, and claims a chat as a whole, in order, for one owner at a time', async () => {
    const now = new Date('2026-12-01T10:00:00Z');
    const rows = [
      row({ id: 1, chat: 'a', from: 'x', text: '/help' }),
      row({ id: 2, chat: 'a', from: 'x', text: '/help' }),
      row({ id: 3, chat: 'b', from: 'x', text: '/help' }),
    ];
    expect(await insertInbox(conn(), rows, now)).toBe(3);
    expect(await insertInbox(conn(), [rows[0]!, row({ id: 4, chat: 'a', from: 'x', text: '/help' })], now)).toBe(1);
    const lease = (owner: string, at: Date) => ({ owner, now: at, leaseMs: 30_000 });
    const first = await store.claim(new Date(), (tx) => claimInbox(tx, ['test'], 2, lease('one', now)));
    expect(first.map((r) => r.key)).toEqual(['test:1', 'test:2']);
    // Chat a is held by "one" (rows 1 and 2): "two" gets only chat b, not row 4 of chat a.
    const second = await store.claim(new Date(), (tx) => claimInbox(tx, ['test'], 10, lease('two', now)));
    expect(second.map((r) => r.key)).toEqual(['test:3']);
    await settleInbox(conn(), [second[0]!.id], 'two', { state: 'done', now });
    await settleInbox(conn(), [first[0]!.id], 'one', { state: 'done', now });
    // A settled row keeps its key, not what was said (a /vote must not outlive its count).
    const settled = await store.db.inboxUpdate.findMany({ where: { id: { in: [first[0]!.id, second[0]!.id] } } });
    expect(settled.map((r) => [r.state, r.payload])).toEqual([
      ['done', ''],
      ['done', ''],
    ]);
    expect(await store.claim(new Date(), (tx) => claimInbox(tx, ['test'], 10, lease('two', now)))).toEqual([]);
    // "one" died: once its lease ran out, row 2 and then row 4 of chat a go to "two", in order.
    const later = new Date(now.getTime() + 31_000);
    const taken = await store.claim(new Date(), (tx) => claimInbox(tx, ['test'], 10, lease('two', later)));
    expect(taken.map((r) => r.key)).toEqual(['test:2', 'test:4']);
    expect(taken[0]!.attempts).toBe(2);
    await settleInbox(
      conn(),
      taken.map((r) => r.id),
      'two',
      { state: 'done', now: later },
    );
    expect(await pendingInbox(conn())).toBe(0);
  });

  it.skipIf(skip)('keeps file bytes through the outbox, and hands an abandoned row to another instance', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const reply = { text: [{ key: 'x', args: { n: 1 } }], file: { fileName: 'a.xlsx', mimeType: 'application/octet-stream', bytes } };
    expect(decodeReply(encodeReply(reply))).toEqual(reply);
    const now = new Date('2026-12-01T10:00:00Z');
    const [id] = await insertOutbox(conn(), [{ chatKey: 'test:c', locale: 'vi', reply, kind: 'reply' }], {
      owner: 'dead',
      now,
      until: new Date(now.getTime() + 30_000),
    });
    expect(await store.claim(new Date(), (tx) => claimOutbox(tx, ['test'], 10, { owner: 'alive', now, leaseMs: 30_000 }))).toEqual([]);
    const taken = await store.claim(new Date(), (tx) =>
      claimOutbox(tx, ['test'], 10, { owner: 'alive', now: new Date(now.getTime() + 30_001), leaseMs: 30_000 }),
    );
    expect(taken.map((i) => i.id)).toEqual([id]);
    expect(taken[0]!.reply.file!.bytes).toEqual(bytes);
    await store.db.$executeRawUnsafe(`DELETE FROM "OutboxMessage"`);
  });

  it.skipIf(skip)('handles each update once, answers through the outbox, and sends what a crash left unsent', async () => {
    const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
    const core = new BotCore({ store, clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' } });
    const sent: OutboxItem[] = [];
    let refuse = 0;
    const targets = new Map<string, OutboxTarget>([
      [
        'test',
        async (item) => {
          if (refuse > 0) {
            refuse--;
            throw new SendError('other', 'network down');
          }
          sent.push(item);
        },
      ],
    ]);
    const sender = new OutboxSender({ store, owner: 'me', targets, now: () => clock.now(), pollMs: 60_000 });
    const worker = new InboxWorker({ store, core, sender, sources: [source], now: () => clock.now(), pollMs: 60_000 });
    await sender.start();
    await worker.start();
    await worker.receive([
      row({ id: 10, chat: 'g', from: 'lan', text: '/help' }),
      row({ id: 11, chat: 'g', from: 'lan', text: '/nosuchcommand' }),
    ]);
    await worker.receive([row({ id: 10, chat: 'g', from: 'lan', text: '/help' })]);
    await worker.idle();
    expect(await pendingInbox(conn())).toBe(0);
    // /help answers, the unknown command gets its error reply: both committed and sent, in order.
    expect(sent.map((s) => s.placement)).toEqual(['"first"', '"first"']);
    expect(sent[1]!.reply.text?.[0]?.key).toBe('error-unknown-command');
    const ledger = await store.db.processedUpdate.count({ where: { key: { in: ['test:10', 'test:11'] } } });
    expect(ledger).toBe(2);

    // A delivery that fails is kept and tried again by the sweep, after its back-off.
    refuse = 1;
    await worker.receive([row({ id: 12, chat: 'g', from: 'lan', text: '/help' })]);
    await worker.idle();
    expect(sent).toHaveLength(2);
    clock.advance(5_000);
    await sender.sweep();
    expect(sent).toHaveLength(3);

    // A row the worker claimed but never handled (its process died) is handled when it restarts.
    await insertInbox(conn(), [row({ id: 13, chat: 'g', from: 'lan', text: '/help' })], clock.now());
    await store.claim(new Date(), (tx) => claimInbox(tx, ['test'], 10, { owner: 'me', now: clock.now(), leaseMs: 30_000 }));
    await worker.stop();
    const again = new InboxWorker({ store, core, sender, sources: [source], owner: 'me', now: () => clock.now(), pollMs: 60_000 });
    await again.start();
    await again.idle();
    expect(sent).toHaveLength(4);
    await again.stop();
    await sender.stop();
  });
});
