import { afterEach, beforeEach } from 'vitest';
import type { Adapter } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { Scheduler } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgresStore, freshSqliteStore, POSTGRES_URL, postgresAvailable } from '../support/store.js';
import { RecordingAdapter, reminderI18n, rollOverOn } from './fixtures.js';

/** The scheduler suites' clock start and the round deadline they use (30/06/2025 23:59 local, UTC+7). */
export const START = new Date('2025-06-01T03:00:00Z');
export const DEADLINE = new Date('2025-06-30T16:59:00Z');
/** The scheduler's default lease. */
export const LEASE = 20_000;
/** The locales the reminders are written with. */
export const i18n = reminderI18n();

const pg = await postgresAvailable();
if (!pg)
  console.log(`PostgreSQL is not reachable at ${POSTGRES_URL}: running the scheduler tests on SQLite only (CI=true makes this a failure).`);
/** The databases the scheduler suites run on. */
export const SCHEDULER_DATABASES = pg ? (['SQLite', 'PostgreSQL'] as const) : (['SQLite'] as const);

/** What each scheduler test starts from: a fresh store, a clock at `START`, a recording console adapter. */
export interface SchedulerWorld {
  store: Store;
  clock: ManualClock;
  adapter: RecordingAdapter;
}

/**
 * Registers the set-up and tear-down of each test of a scheduler suite on `database` and
 * returns the world they fill, and a scheduler on it (as several instances would build theirs).
 */
export function useSchedulerWorld(database: (typeof SCHEDULER_DATABASES)[number]): {
  world: SchedulerWorld;
  scheduler: (options?: { instanceId?: string; adapters?: Map<string, Adapter> }) => Scheduler;
} {
  const world = {} as SchedulerWorld;
  let close: () => Promise<void>;
  beforeEach(async () => {
    let store: Store;
    ({ store, close } = database === 'SQLite' ? await freshSqliteStore() : await freshPostgresStore());
    Object.assign(world, { store, clock: new ManualClock(START), adapter: new RecordingAdapter('console') });
  });
  afterEach(async () => {
    await close();
  });
  const scheduler = (options: { instanceId?: string; adapters?: Map<string, Adapter> } = {}) =>
    new Scheduler({
      store: world.store,
      clock: world.clock,
      i18n,
      adapters: options.adapters ?? new Map([['console', world.adapter]]),
      rollOver: rollOverOn(world.store),
      instanceId: options.instanceId ?? 'test-1',
    });
  return { world, scheduler };
}
