import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Adapter } from '../../src/delivery.js';
import { ManualClock } from '../../src/domain/clock.js';
import { Scheduler, type TickReport } from '../../src/scheduler/index.js';
import { Store } from '../../src/store/store.js';
import { freshPostgresStore, freshSqliteStore, POSTGRES_URL } from '../support/store.js';
import { closeBallotOn, RecordingAdapter, reminderI18n, rollOverOn } from './fixtures.js';

/**
 * Three scheduler instances for the race tests (test/reminders/race.test.ts and
 * test/private/race.test.ts): in one process on three PostgreSQL Store objects, or in three
 * processes on one SQLite file (test/reminders/instance.ts). Each records what it sent as
 * `[chatKey, first message key]`.
 */

const i18n = reminderI18n();

/** Three scheduler instances: each tick round runs them concurrently and returns what each did. */
export interface Instances {
  tickAll(now: Date): Promise<{ report: TickReport; sent: [string, string][] }[]>;
  close(): Promise<void>;
}

/** Three schedulers on three Store objects in this process (PostgreSQL). */
export function inProcess(stores: Store[]): Instances {
  const clock = new ManualClock(new Date(0));
  const schedulers = stores.map((store, i) => {
    const telegram = new RecordingAdapter('telegram');
    const slack = new RecordingAdapter('slack');
    const adapters = new Map<string, Adapter>([
      ['telegram', telegram],
      ['slack', slack],
    ]);
    return {
      scheduler: new Scheduler({
        store,
        clock,
        i18n,
        adapters,
        rollOver: rollOverOn(store),
        closeBallot: closeBallotOn(store),
        instanceId: `instance-${i + 1}`,
        batchSize: 50,
      }),
      telegram,
      slack,
    };
  });
  return {
    async tickAll(now) {
      clock.set(now);
      return Promise.all(
        schedulers.map(async ({ scheduler, telegram, slack }) => {
          const report = await scheduler.tick();
          const sent = [...telegram.sent, ...slack.sent].map((m): [string, string] => [m.chatKey, m.reply.text![0]!.key]);
          telegram.clear();
          slack.clear();
          return { report, sent };
        }),
      );
    },
    async close() {
      for (const s of stores) await s.close();
    },
  };
}

/** Three schedulers in three processes on one SQLite file (test/reminders/instance.ts). */
export async function inProcesses(url: string): Promise<Instances> {
  const script = fileURLToPath(new URL('./instance.ts', import.meta.url));
  const children: ChildProcess[] = [1, 2, 3].map((n) =>
    fork(script, [url, `process-${n}`], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const next = (child: ChildProcess, type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const onMessage = (message: Record<string, unknown>) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message);
      };
      const onExit = (code: number | null) => reject(new Error(`instance exited with ${code} while waiting for ${type}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  await Promise.all(children.map((c) => next(c, 'ready')));
  return {
    async tickAll(now) {
      return Promise.all(
        children.map(async (child) => {
          const reply = next(child, 'ticked');
          child.send({ type: 'tick', now: now.toISOString() });
          const message = await reply;
          return { report: message.report as TickReport, sent: message.sent as [string, string][] };
        }),
      );
    },
    async close() {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.send({ type: 'exit' });
            }),
        ),
      );
    },
  };
}

/**
 * Runs `race` on three fresh instances on `database`: three processes on one new SQLite file, or
 * three Store objects on one new PostgreSQL schema in this process. Closes everything after.
 */
export async function withThreeInstances(
  database: 'SQLite' | 'PostgreSQL',
  race: (store: Store, instances: Instances) => Promise<void>,
): Promise<void> {
  if (database === 'SQLite') {
    const { store, url, close } = await freshSqliteStore();
    const instances = await inProcesses(url);
    try {
      await race(store, instances);
    } finally {
      await instances.close();
      await close();
    }
    return;
  }
  const first = await freshPostgresStore();
  const others = await Promise.all([
    Store.open(POSTGRES_URL, { schema: first.schema, migrate: false }),
    Store.open(POSTGRES_URL, { schema: first.schema, migrate: false }),
  ]);
  const instances = inProcess([first.store, ...others]);
  try {
    await race(first.store, instances);
  } finally {
    await instances.close();
    await first.close();
  }
}
