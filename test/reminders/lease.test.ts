import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/reply.js';
import { DEFAULT_CAPABILITIES, type Adapter } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { Scheduler } from '../../src/scheduler/index.js';
import { Store } from '../../src/store/store.js';
import { freshPostgresStore, freshSqliteStore, POSTGRES_URL, postgresAvailable } from '../support/store.js';
import { bulkSeed } from './bulk.js';
import { HOUR, MINUTE, reminderI18n, rollOverOn } from './fixtures.js';

/**
 * Claims are leases (issue 9, item 4): an instance killed mid-send holds one small batch, and
 * another instance takes it over as soon as the lease lapses (30 s), without repeating a chat.
 * A "killed" instance is one whose platform stops answering in the middle of its batch: it has
 * claimed, sent some, recorded those, and will never finish (its own clock stands still, as a
 * dead process's would, so it renews nothing). Time is injected; nothing sleeps.
 */

const i18n = reminderI18n();
const NOW = new Date('2025-06-30T03:00:00Z');
const LEASE = 30_000;
const CLUSTERS = 160;

const pg = await postgresAvailable();
if (!pg)
  console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: running the lease tests on SQLite only (CI=true makes this a failure).`);
const databases = pg ? (['SQLite', 'PostgreSQL'] as const) : (['SQLite'] as const);

/** A platform that keeps what it was asked to send; `dieAfter` sends, it never answers again. */
class Platform implements Adapter {
  readonly platform = 'telegram' as const;
  readonly capabilities = DEFAULT_CAPABILITIES;
  readonly sent: string[] = [];
  private onSend: (() => Promise<void>) | null = null;
  constructor(private readonly dieAfter = Infinity) {}
  /** Runs `work` after each send (before the send returns): another instance's turn, a clock moving. */
  during(work: () => Promise<void>): this {
    this.onSend = work;
    return this;
  }
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  async send(chatKey: string, _locale: string, _reply: Reply): Promise<void> {
    if (this.sent.length >= this.dieAfter) return new Promise<void>(() => {}); // killed mid-send
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.sent.push(chatKey);
    await this.onSend?.();
  }
}

describe.each(databases)('reminder leases on %s', (database) => {
  let stores: Store[];
  let close: () => Promise<void>;

  beforeEach(async () => {
    if (database === 'SQLite') {
      // One process holds one SQLite connection; the instances share it (as three processes would share the file).
      const fresh = await freshSqliteStore();
      stores = [fresh.store, fresh.store, fresh.store];
      close = fresh.close;
    } else {
      const fresh = await freshPostgresStore();
      const others = await Promise.all([1, 2].map(() => Store.open(POSTGRES_URL, { schema: fresh.schema, migrate: false })));
      stores = [fresh.store, ...others];
      close = async () => {
        for (const other of others) await other.close();
        await fresh.close();
      };
    }
    await bulkSeed(stores[0]!, {
      clusters: CLUSTERS,
      unitsPerCluster: 3,
      chats: () => ['telegram'],
      now: NOW,
      deadline: new Date(NOW.getTime() + 12 * HOUR),
      roundSlot: 'd0',
      dueAt: new Date(NOW.getTime() - MINUTE),
    });
  });
  afterEach(async () => close());

  function instance(store: Store, clock: ManualClock, platform: Platform, id: string): Scheduler {
    return new Scheduler({
      store,
      clock,
      i18n,
      adapters: new Map([['telegram', platform]]),
      rollOver: rollOverOn(store),
      instanceId: id,
      leaseMs: LEASE,
    });
  }

  it('three instances, 160 due deliveries, one killed mid-send: the others deliver the rest within 30 s, none twice', async () => {
    const db = stores[0]!.db;
    const clock = new ManualClock(NOW);
    // The instance that dies: claims its batch, sends three, hangs on the fourth for ever.
    let claimedByDead!: () => void;
    const deadStarted = new Promise<void>((resolve) => (claimedByDead = resolve));
    const deadPlatform = new Platform(3).during(async () => claimedByDead());
    void instance(stores[0]!, new ManualClock(NOW), deadPlatform, 'dead').tick();
    await deadStarted;
    const platforms = [new Platform(), new Platform()];
    const [b, c] = [instance(stores[1]!, clock, platforms[0]!, 'b'), instance(stores[2]!, clock, platforms[1]!, 'c')];

    const [first, second] = await Promise.all([b.tick(), c.tick()]);
    const held = await db.reminder.count({ where: { state: 'claimed', claimedBy: 'dead' } });
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(100); // one small batch, not everything due
    expect(first.deliveries + second.deliveries).toBe(CLUSTERS - held);
    expect(deadPlatform.sent).toHaveLength(3);

    // The lease holds for 30 s from the claim: a second before, nobody takes it.
    clock.set(new Date(NOW.getTime() + LEASE - 1_000));
    expect((await b.tick({ lapsedOnly: true })).claimed).toBe(0);
    // At 30 s it has lapsed: the takeover delivers the rest, skipping the three chats already reached.
    clock.set(new Date(NOW.getTime() + LEASE));
    const takeover = await c.tick({ lapsedOnly: true });
    expect(takeover).toMatchObject({ claimed: held, sent: held, deliveries: held - 3, errors: 0 });

    const received = [...deadPlatform.sent, ...platforms.flatMap((p) => p.sent)];
    expect(received).toHaveLength(CLUSTERS);
    expect(new Set(received).size).toBe(CLUSTERS);
    expect(await db.reminder.count({ where: { state: 'sent' } })).toBe(CLUSTERS);
    const deliveries = await db.reminderDelivery.findMany();
    expect(deliveries).toHaveLength(CLUSTERS);
    expect(deliveries.every((d) => d.state === 'sent' && d.createdAt.getTime() <= NOW.getTime() + LEASE)).toBe(true);
  });

  it('a sender that works longer than the lease renews it: nobody takes its batch over meanwhile', async () => {
    const db = stores[0]!.db;
    const clock = new ManualClock(NOW);
    const watcher = instance(stores[1]!, clock, new Platform(), 'watcher');
    const takenOver: number[] = [];
    // Each send takes 12 s of the clock; after each, another instance tries to take over lapsed leases.
    const slow = new Platform().during(async () => {
      clock.advance(12_000);
      takenOver.push((await watcher.tick({ lapsedOnly: true })).claimed);
    });
    const report = await instance(stores[0]!, clock, slow, 'slow').tick();
    // 160 sends × 12 s: far beyond one lease, and every batch was renewed in time.
    expect(report).toMatchObject({ claimed: CLUSTERS, sent: CLUSTERS, deliveries: CLUSTERS, lost: 0 });
    expect(takenOver.every((n) => n === 0)).toBe(true);
    expect(await db.reminder.count({ where: { state: 'sent', claimedBy: 'slow' } })).toBe(CLUSTERS);
    expect(await db.reminderDelivery.count()).toBe(CLUSTERS);
  });
});
