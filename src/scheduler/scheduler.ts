import cron, { type ScheduledTask } from 'node-cron';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { pino, type Logger } from 'pino';
import type { Reply } from '../reply.js';
import { SendError, type Adapter, type SendFailure } from '../delivery.js';
import type { Clock } from '../domain/clock.js';
import { catchUpDecision, type SkipReason } from '../domain/reminders.js';
import type { I18n } from '../i18n/i18n.js';
import { LOCALES } from '../i18n/i18n.js';
import {
  claimDueReminders,
  deliveryKey,
  finishReminders,
  loadReminderBatch,
  markChatRemoved,
  recordDelivery,
  refreshClaims,
  rollOverHandover,
  type ClaimedReminder,
  type ClusterRef,
  type ReminderBatch,
} from '../store/reminders.js';
import type { Db } from '../store/client.js';
import type { Store } from '../store/store.js';
import { handoverReminderReply, meetingReminderReply, REMINDER_MESSAGE_IDS, rolloverReply, roundReminderReply } from './messages.js';

/** What the scheduler is built from; every part is injected (tests pass fakes and a ManualClock). */
export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  i18n: I18n;
  /** Adapters by platform (`telegram`, `slack`, `zalo`, `console`): a chat's platform picks one. */
  adapters: Map<string, Adapter>;
  /** node-cron expression for the tick (`SCHEDULER_CRON`); default every minute. */
  cron?: string;
  /** This instance's name in claims; default host, pid and a random suffix. */
  instanceId?: string;
  logger?: Logger;
  /** Reminders claimed and loaded at once; default 1,000. */
  batchSize?: number;
  /** A claim untouched this long belongs to a dead instance and may be taken over; default 5 min. */
  staleMs?: number;
}

/** What one tick did. */
export interface TickReport {
  /** Batches claimed and processed. */
  batches: number;
  /** Reminders this instance claimed. */
  claimed: number;
  /** Reminders sent out (to every chat that had not got them yet). */
  sent: number;
  /** Reminders marked skipped, by reason. */
  skipped: number;
  skippedBy: Partial<Record<SkipReason, number>>;
  /** Chat deliveries made and recorded. */
  deliveries: number;
  /** Chat deliveries that failed (recorded, not retried). */
  failures: number;
  /** Chats marked removed (the platform said gone or forbidden). */
  removedChats: number;
  /** Handovers done and years rolled over. */
  rollovers: number;
  /** Reminders left claimed after an error (taken over once the claim goes stale). */
  errors: number;
}

function emptyReport(): TickReport {
  return { batches: 0, claimed: 0, sent: 0, skipped: 0, skippedBy: {}, deliveries: 0, failures: 0, removedChats: 0, rollovers: 0, errors: 0 };
}

/** Recording a delivery failed: the batch stops, so at most one sent message is unrecorded. */
class RecordError extends Error {
  constructor(cause: unknown) {
    super(`could not record a reminder delivery: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'RecordError';
  }
}

type Outcome = { kind: 'sent' } | { kind: 'skipped'; reason: SkipReason };

/**
 * Sends due reminders, once per chat, however many instances run.
 *
 * A tick claims due reminders in batches with one conditional update (an instance owns what its
 * update changed), loads each batch's clusters, chats, subjects and missing units with a constant
 * number of queries, sends every reminder to every chat bound to its cluster, records each
 * delivery right after it happens, and marks the batch done. `start()` runs one tick first
 * (the catch-up after downtime), then ticks on the cron schedule; tests call `tick()` directly
 * with a `ManualClock`.
 *
 * ```ts
 * const scheduler = new Scheduler({ store, clock: systemClock, i18n, adapters, cron: config.schedulerCron, logger });
 * await scheduler.start();
 * // … on shutdown
 * await scheduler.stop();
 * ```
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly adapters: Map<string, Adapter>;
  private readonly cronExpression: string;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly staleMs: number;
  private task: ScheduledTask | null = null;
  private running: Promise<TickReport | null> | null = null;

  constructor(options: SchedulerOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.adapters = options.adapters;
    this.cronExpression = options.cron ?? '* * * * *';
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'scheduler', instance: this.instanceId });
    this.batchSize = options.batchSize ?? 1_000;
    this.staleMs = options.staleMs ?? 5 * 60_000;
    if (!cron.validate(this.cronExpression)) throw new Error(`SCHEDULER_CRON "${this.cronExpression}" is not a valid node-cron expression`);
    for (const locale of LOCALES) {
      const missing = REMINDER_MESSAGE_IDS.filter((id) => !options.i18n.ids.get(locale)?.has(id));
      if (missing.length) throw new Error(`locale ${locale} lacks reminder messages: ${missing.join(', ')}`);
    }
  }

  /**
   * Catches up (one tick for everything that fell due while the bot was down), then ticks on
   * the cron schedule. A tick still running when the next is due is not overlapped.
   */
  async start(): Promise<void> {
    if (this.task) return;
    await this.runOnce('catch-up');
    this.task = cron.schedule(this.cronExpression, () => this.runOnce('scheduled'), { name: `reminders-${this.instanceId}`, noOverlap: true });
  }

  /** Stops the schedule and waits for a tick in progress to finish. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    if (task) {
      await task.stop();
      await task.destroy();
    }
    await this.running;
  }

  /** One tick unless one is running; errors are logged, never thrown (the next tick retries). */
  private runOnce(reason: 'catch-up' | 'scheduled'): Promise<TickReport | null> {
    if (this.running) return this.running;
    this.running = this.tick()
      .then((report) => {
        if (report.claimed) this.logger.info({ reason, ...report }, 'reminders tick');
        return report;
      })
      .catch((error: unknown) => {
        this.logger.error({ err: error, reason }, 'reminders tick failed');
        return null;
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Claims and sends everything due now, batch after batch, until nothing due is left. */
  async tick(): Promise<TickReport> {
    const report = emptyReport();
    const { provider } = this.store;
    for (;;) {
      const now = this.clock.now();
      const { claimed, batch } = await this.atomic(async (db) => {
        const claimed = await claimDueReminders(db, { provider, now, instanceId: this.instanceId, limit: this.batchSize, staleMs: this.staleMs });
        return { claimed, batch: await loadReminderBatch(db, provider, claimed, now) };
      });
      if (!claimed.length) return report;
      report.batches += 1;
      report.claimed += claimed.length;
      await this.processBatch(claimed, batch, now, report);
    }
  }

  /**
   * Runs the scheduler's own statements. On PostgreSQL they go straight to the pool. On SQLite
   * they run in a transaction of their own: Prisma's SQLite adapter has one connection, and a
   * statement issued while a command's transaction is open on it joins that transaction, so a
   * command that fails (and rolls back) would take the scheduler's claims and delivery records
   * with it. `store.tx` waits for the open transaction to end instead.
   */
  private atomic<T>(work: (db: Db) => Promise<T>): Promise<T> {
    return this.store.provider === 'sqlite' ? this.store.tx(work) : work(this.store.db);
  }

  private async processBatch(claimed: ClaimedReminder[], batch: ReminderBatch, now: Date, report: TickReport): Promise<void> {
    const { provider } = this.store;
    const sent: number[] = [];
    const skipped: number[] = [];
    let refreshedAt = now.getTime();
    try {
      for (const [index, reminder] of claimed.entries()) {
        if (this.clock.now().getTime() - refreshedAt > this.staleMs / 3) {
          refreshedAt = this.clock.now().getTime();
          const ids = claimed.slice(index).map((r) => r.id);
          await this.atomic((db) => refreshClaims(db, provider, ids, this.instanceId, this.clock.now()));
        }
        let outcome: Outcome;
        try {
          outcome = await this.handle(reminder, batch, now, report);
        } catch (error) {
          if (error instanceof RecordError) throw error;
          report.errors += 1;
          this.logger.error({ err: error, reminderId: reminder.id }, 'reminder failed; left claimed for a later retry');
          continue;
        }
        if (outcome.kind === 'sent') {
          sent.push(reminder.id);
          report.sent += 1;
        } else {
          skipped.push(reminder.id);
          report.skipped += 1;
          report.skippedBy[outcome.reason] = (report.skippedBy[outcome.reason] ?? 0) + 1;
        }
      }
    } finally {
      const done = this.clock.now();
      await this.atomic(async (db) => {
        await finishReminders(db, provider, sent, 'sent', this.instanceId, done);
        await finishReminders(db, provider, skipped, 'skipped', this.instanceId, done);
      });
    }
  }

  /** Decides, renders and fans out one reminder. */
  private async handle(reminder: ClaimedReminder, batch: ReminderBatch, now: Date, report: TickReport): Promise<Outcome> {
    const cluster = batch.clusters.get(reminder.clusterId);
    if (!cluster) return { kind: 'skipped', reason: 'subject-changed' };
    const decision = catchUpDecision(reminder, now, batch.superseded.has(reminder.id));
    if (!decision.send) return { kind: 'skipped', reason: decision.reason };
    const sameTime = (at: Date) => at.getTime() === reminder.eventAt.getTime();
    let reply: Reply;
    if (reminder.subjectType === 'round') {
      const round = batch.rounds.get(reminder.subjectId);
      if (!round || round.state === 'closed' || !sameTime(round.deadline)) return { kind: 'skipped', reason: 'subject-changed' };
      if (!round.missing.length) return { kind: 'skipped', reason: 'nothing-missing' };
      reply = roundReminderReply(round, reminder.slot === 'overdue', now, cluster.timezone);
    } else if (reminder.subjectType === 'meeting') {
      const meeting = batch.meetings.get(reminder.subjectId);
      if (!meeting || meeting.state !== 'scheduled' || !sameTime(meeting.at)) return { kind: 'skipped', reason: 'subject-changed' };
      reply = meetingReminderReply(meeting, now, cluster.timezone);
    } else {
      const handover = batch.handovers.get(reminder.subjectId);
      if (!handover || handover.state === 'cancelled' || !sameTime(handover.at)) return { kind: 'skipped', reason: 'subject-changed' };
      if (reminder.slot === 'h0') {
        const rollover = await this.store.tx((tx) => rollOverHandover(tx, this.store.provider, handover.id, cluster.id, now));
        if (rollover.state !== 'done') return { kind: 'skipped', reason: 'subject-changed' };
        if (rollover.rolled) report.rollovers += 1;
        reply = rolloverReply(handover, rollover.closedYear, cluster.timezone);
      } else {
        if (handover.state !== 'scheduled') return { kind: 'skipped', reason: 'subject-changed' };
        reply = handoverReminderReply(handover, now, cluster.timezone);
      }
    }
    await this.fanOut(reminder, cluster, batch, reply, report);
    return { kind: 'sent' };
  }

  /**
   * Sends one reminder to each chat of its cluster that has not had it, one chat after another,
   * recording each attempt right after it. A failing chat is recorded as failed and not retried;
   * a chat the platform says is gone (or forbids the bot) is marked removed. One chat's failure
   * never stops the others.
   */
  private async fanOut(reminder: ClaimedReminder, cluster: ClusterRef, batch: ReminderBatch, reply: Reply, report: TickReport): Promise<void> {
    for (const chat of batch.chats.get(cluster.id) ?? []) {
      if (batch.delivered.has(deliveryKey(reminder.id, chat.id))) continue;
      const adapter = this.adapters.get(chat.platform);
      let failure: { kind: SendFailure; message: string } | null = null;
      if (!adapter) failure = { kind: 'other', message: `no adapter for platform ${chat.platform}` };
      else {
        try {
          await adapter.send(chat.key, cluster.locale, reply);
        } catch (error) {
          failure = error instanceof SendError ? { kind: error.failure, message: error.message } : { kind: 'other', message: (error as Error)?.message ?? String(error) };
        }
      }
      const at = this.clock.now();
      try {
        const gone = failure !== null && (failure.kind === 'gone' || failure.kind === 'forbidden');
        await this.atomic(async (db) => {
          await recordDelivery(db, this.store.provider, {
            reminderId: reminder.id,
            chatId: chat.id,
            state: failure ? 'failed' : 'sent',
            error: failure ? `${failure.kind}: ${failure.message}`.slice(0, 500) : undefined,
            at,
          });
          if (gone) await markChatRemoved(db, this.store.provider, chat.id, at);
        });
        batch.delivered.add(deliveryKey(reminder.id, chat.id));
        if (gone) {
          batch.chats.set(cluster.id, (batch.chats.get(cluster.id) ?? []).filter((c) => c.id !== chat.id));
          report.removedChats += 1;
        }
      } catch (error) {
        throw new RecordError(error);
      }
      if (failure) {
        report.failures += 1;
        this.logger.warn({ reminderId: reminder.id, chat: chat.key, failure: failure.kind, error: failure.message }, 'reminder delivery failed');
      } else report.deliveries += 1;
    }
  }
}
