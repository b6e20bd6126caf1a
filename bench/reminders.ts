import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Reply } from '../src/reply.js';
import { DEFAULT_CAPABILITIES, type Adapter } from '../src/delivery.js';
import { ManualClock } from '../src/domain/clock.js';
import { I18n } from '../src/i18n/i18n.js';
import { Scheduler } from '../src/scheduler/index.js';
import { roundReminderReply } from '../src/scheduler/messages.js';
import { privateRoundReply } from '../src/scheduler/private-messages.js';
import { rollOverHandover } from '../src/app/rollover.js';
import type { Provider } from '../src/store/client.js';
import { loadReminderBatch } from '../src/store/reminder-batch.js';
import { claimDueReminders, finishReminders } from '../src/store/reminder-claims.js';
import { Store } from '../src/store/store.js';
import { dialectOf, observingRaw, type Tx } from '../src/store/tx.js';
import { bulkSeed } from '../test/reminders/bulk.js';

/**
 * Issue 4's benchmark: one sweep over 10,000 clusters (13 units each: 8 submitted, 2 drafts,
 * 3 without a sheet; one open round; one due reminder each) that claims the due reminders and works out who is missing, batch by batch,
 * with a constant number of queries per batch. Every unit has a representative who wrote to the
 * bot privately, so the same sweep finds each missing unit's representatives and builds their
 * private reminders (issue 11: within 2 s, a constant number of queries per batch). Then the
 * same reminders once more through a whole scheduler tick (a no-op platform, one delivery
 * recorded per chat and per representative).
 */

const CLUSTERS = 10_000;
const UNITS = 13;
/** The scheduler's default batch (small claims, each a lease renewed while it is sent), and the old one-statement-per-1,000 sweep for comparison. */
const BATCHES = [100, 1_000];
const LEASE_MS = 20_000;
const NOW = new Date('2026-06-29T01:00:00Z'); // 29/06/2026 08:00 in Hồ Chí Minh City
const DEADLINE = new Date('2026-06-30T16:59:00Z');
const POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const ms = (n: number) => `${n.toFixed(0)} ms`;

/**
 * The sweep: claim a batch, load it (missing units included), build the replies, mark it done
 * (as the scheduler does: a lease left open is what the next claim's takeover half scans);
 * until nothing is due.
 */
async function sweep(tx: Tx, count: () => number, size: number) {
  const perBatch: number[] = [];
  let claimedTotal = 0;
  let missingTotal = 0;
  let privateTotal = 0;
  const start = performance.now();
  for (;;) {
    const before = count();
    const claimed = await claimDueReminders(tx, { instanceId: 'bench', limit: size, leaseMs: LEASE_MS });
    if (!claimed.length) break;
    const batch = await loadReminderBatch(tx, { reminders: claimed });
    for (const r of claimed) {
      const round = batch.rounds.get(r.subjectId)!;
      missingTotal += round.missing.length;
      roundReminderReply(round, false, NOW, 'Asia/Ho_Chi_Minh');
      const missing = new Map(round.missing.map((u) => [u.id, u]));
      for (const recipient of batch.recipients.get(r.id) ?? []) {
        const unit = missing.get(recipient.unitId);
        if (!unit) continue;
        privateRoundReply(round, unit, false, NOW, 'Asia/Ho_Chi_Minh');
        privateTotal += 1;
      }
    }
    await finishReminders(tx, { ids: claimed.map((r) => r.id), state: 'sent', instanceId: 'bench' });
    claimedTotal += claimed.length;
    perBatch.push(count() - before);
  }
  return { elapsed: performance.now() - start, batches: perBatch.length, perBatch, claimedTotal, missingTotal, privateTotal };
}

/** A platform that accepts everything at once (the figure is the bot's own cost, not Telegram's). */
const noopAdapter: Adapter = {
  platform: 'telegram',
  capabilities: DEFAULT_CAPABILITIES,
  start: async () => {},
  stop: async () => {},
  send: async (_chatKey: string, _locale: string, _reply: Reply) => {},
};

async function run(label: string, url: string, schema?: string): Promise<void> {
  const store = await Store.open(url, { schema });
  try {
    let t0 = performance.now();
    await bulkSeed(store, {
      clusters: CLUSTERS,
      unitsPerCluster: UNITS,
      submitted: 8,
      drafts: 2,
      chats: () => ['telegram'],
      now: NOW,
      deadline: DEADLINE,
      roundSlot: 'd1',
      dueAt: new Date(NOW.getTime() - 60_000),
      representatives: () => 'telegram',
    });
    console.log(
      `${label}: seeded ${CLUSTERS.toLocaleString('en')} clusters × ${UNITS} units, ${CLUSTERS.toLocaleString('en')} due reminders in ${ms(performance.now() - t0)}`,
    );

    let queries = 0;
    const tx = observingRaw(store.handle(NOW), () => (queries += 1));
    const provider: Provider = dialectOf(tx);
    // Steady state: the seed checkpointed out of the WAL (SQLite) or analysed (PostgreSQL), a warm-up batch.
    if (provider === 'sqlite') await store.db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    // PostgreSQL plans from table statistics; autovacuum gathers them for a live database
    // some time after a bulk load. Gather them now, as a deployment would have them.
    else await store.db.$executeRawUnsafe('ANALYZE');
    const reset = () => store.db.$executeRawUnsafe(`UPDATE "Reminder" SET "state" = 'pending', "claimedBy" = NULL, "claimedAt" = NULL`);
    await loadReminderBatch(tx, { reminders: await claimDueReminders(tx, { instanceId: 'warm', limit: 50, leaseMs: LEASE_MS }) });
    for (const size of BATCHES) {
      const runs = [];
      for (let i = 0; i < 3; i += 1) {
        await reset();
        runs.push(await sweep(tx, () => queries, size));
      }
      runs.sort((a, b) => a.elapsed - b.elapsed);
      const s = runs[0]!;
      const perBatch = [...new Set(s.perBatch)].join('/');
      console.log(
        `${label}: sweep claimed ${s.claimedTotal.toLocaleString('en')} reminders, found ${s.missingTotal.toLocaleString('en')} missing units and built ${s.privateTotal.toLocaleString('en')} private reminders for their representatives in ${ms(s.elapsed)} ` +
          `(best of 3; median ${ms(runs[1]!.elapsed)}; ${s.batches} batches of ≤ ${size}, ${perBatch} queries per batch + 1 empty claim to finish, ` +
          `${(s.elapsed / s.batches).toFixed(0)} ms per batch; target ≤ 2,000 ms with the private reminders; load average ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')} on ${cpus().length} CPUs)`,
      );
    }

    // The same reminders through a whole tick: claim, load, render, send (no-op), record deliveries.
    await store.db.$executeRawUnsafe(`UPDATE "Reminder" SET "state" = 'pending', "claimedBy" = NULL, "claimedAt" = NULL`);
    const scheduler = new Scheduler({
      store,
      clock: new ManualClock(NOW),
      i18n: new I18n('locales'),
      adapters: new Map([['telegram', noopAdapter]]),
      rollOver: (request) => rollOverHandover(store, request),
      instanceId: 'bench',
    });
    t0 = performance.now();
    const report = await scheduler.tick();
    const tick = performance.now() - t0;
    console.log(
      `${label}: full tick sent ${report.sent.toLocaleString('en')} reminders, recorded ${report.deliveries.toLocaleString('en')} chat and ${report.privateDeliveries.toLocaleString('en')} private deliveries in ${ms(tick)} ` +
        `(${(((report.deliveries + report.privateDeliveries) / tick) * 1000).toFixed(0)} deliveries/s; one INSERT per delivery, recorded right after its send)`,
    );
  } finally {
    await store.close();
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

/** Prints the sweep figures for SQLite, and for PostgreSQL when it answers. */
export async function benchReminders(): Promise<void> {
  console.log('\n== reminders: one sweep over 10,000 clusters ==');
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-reminders-'));
  try {
    await run('SQLite', `file:${join(dir, 'bench.db')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!(await postgresReachable())) {
    console.log(`PostgreSQL: not reachable at ${POSTGRES_URL}, skipped`);
    return;
  }
  const schema = `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  try {
    await run('PostgreSQL', POSTGRES_URL, schema);
  } finally {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchReminders();
