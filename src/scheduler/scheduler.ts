import cron, { type ScheduledTask } from 'node-cron';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { pino, type Logger } from 'pino';
import type { Reply } from '../reply.js';
import type { Adapter } from '../delivery.js';
import type { Clock } from '../domain/clock.js';
import { afterBallotClose, afterRollover, decideReminder, type ReminderDecision, type SubjectNow } from '../domain/reminder-decisions.js';
import type { SkipReason } from '../domain/reminders.js';
import type { I18n } from '../i18n/i18n.js';
import { LOCALES } from '../i18n/i18n.js';
import { loadReminderBatch, type ReminderBatch } from '../store/reminder-batch.js';
import { claimDueReminders, finishReminders, type ClaimedReminder } from '../store/reminder-claims.js';
import type { Store } from '../store/store.js';
import { fanOut, RecordError, type FanOutParts } from './fan-out.js';
import { BatchLease } from './lease.js';
import { ballotReminderReply, privateBallotReply } from './ballot-messages.js';
import { handoverReminderReply, meetingReminderReply, REMINDER_MESSAGE_IDS, rolloverReply, roundReminderReply } from './messages.js';
import { fanOutPrivately, type PrivateReplyOf } from './private-fan-out.js';
import { PRIVATE_REMINDER_MESSAGE_IDS, privateHandoverReply, privateMeetingReply, privateRoundReply } from './private-messages.js';
import type { CloseBallot, RollOver } from './ports.js';
import { emptyReport, type TickReport } from './report.js';

/** What the scheduler is built from; every part is injected (tests pass fakes and a ManualClock). */
export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  i18n: I18n;
  /** Adapters by platform (`telegram`, `slack`, `zalo`, `console`): a chat's platform picks one. */
  adapters: Map<string, Adapter>;
  /** The year's rollover at a handover's moment (the app's use case, wired in `main.ts`). */
  rollOver: RollOver;
  /**
   * Closing a ballot at its closing time (the app's use case, wired in `main.ts`). Without it a
   * ballot's closing-time reminder fails and is left claimed for a later retry (logged).
   */
  closeBallot?: CloseBallot;
  /** node-cron expression for the tick (`SCHEDULER_CRON`); default every minute. */
  cron?: string;
  /** This instance's name in claims; default host, pid and a random suffix. */
  instanceId?: string;
  logger?: Logger;
  /** Reminders claimed at once: small, so a batch is sent in seconds; default 100. */
  batchSize?: number;
  /**
   * How long a claim lasts without renewal; default 20 s. The holder renews it every third of
   * that; once it lapses (the instance died mid-send), another instance takes the rest over,
   * looking for lapsed leases every quarter of it: a dead instance's reminders go out at most
   * 25 s after its last renewal.
   */
  leaseMs?: number;
}

type Outcome = { kind: 'sent' } | { kind: 'skipped'; reason: SkipReason } | { kind: 'lost' };

/**
 * Sends due reminders, once per chat and once per person, however many instances run.
 *
 * A tick claims due reminders in small batches, each claim a lease (`store/reminder-claims.ts`),
 * loads each batch's clusters, chats, subjects and missing units with a constant number of
 * queries, decides each reminder (`domain/reminder-decisions.ts`), sends it to every chat bound
 * to its cluster and privately to each representative it concerns (as the cluster's rules
 * choose), records each delivery right after it happens, and marks the batch done; the
 * leases are renewed while it works. `start()` runs one tick first (the catch-up after
 * downtime), then ticks on the cron schedule, and between ticks takes over lapsed leases of
 * dead instances every quarter lease; tests call `tick()` directly with a `ManualClock`.
 *
 * ```ts
 * const scheduler = new Scheduler({ store, clock: systemClock, i18n, adapters, rollOver, cron: config.schedulerCron, logger });
 * await scheduler.start();
 * // … on shutdown
 * await scheduler.stop();
 * ```
 */
export class Scheduler {
  readonly instanceId: string;
  private readonly store: Store;
  private readonly clock: Clock;
  private readonly rollOver: RollOver;
  private readonly closeBallot: CloseBallot | undefined;
  private readonly cronExpression: string;
  private readonly logger: Logger;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly parts: FanOutParts;
  private task: ScheduledTask | null = null;
  private takeover: NodeJS.Timeout | null = null;
  private running: Promise<TickReport | null> | null = null;

  constructor(options: SchedulerOptions) {
    this.store = options.store;
    this.clock = options.clock;
    this.rollOver = options.rollOver;
    this.closeBallot = options.closeBallot;
    this.cronExpression = options.cron ?? '* * * * *';
    this.instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'scheduler', instance: this.instanceId });
    this.batchSize = options.batchSize ?? 100;
    this.leaseMs = options.leaseMs ?? 20_000;
    this.parts = { store: this.store, clock: this.clock, adapters: options.adapters, logger: this.logger };
    if (!cron.validate(this.cronExpression)) throw new Error(`SCHEDULER_CRON "${this.cronExpression}" is not a valid node-cron expression`);
    for (const locale of LOCALES) {
      const missing = [...REMINDER_MESSAGE_IDS, ...PRIVATE_REMINDER_MESSAGE_IDS].filter((id) => !options.i18n.ids.get(locale)?.has(id));
      if (missing.length) throw new Error(`locale ${locale} lacks reminder messages: ${missing.join(', ')}`);
    }
  }

  /**
   * Catches up (one tick for everything that fell due while the bot was down), then ticks on
   * the cron schedule and takes over lapsed leases every quarter lease. A tick still running when
   * the next is due is not overlapped.
   */
  async start(): Promise<void> {
    if (this.task) return;
    await this.runOnce('catch-up');
    this.task = cron.schedule(this.cronExpression, () => this.runOnce('scheduled'), {
      name: `reminders-${this.instanceId}`,
      noOverlap: true,
    });
    this.takeover = setInterval(() => void this.runOnce('takeover'), Math.max(1_000, Math.floor(this.leaseMs / 4)));
    this.takeover.unref();
  }

  /** Stops the schedule and waits for a tick in progress to finish. */
  async stop(): Promise<void> {
    const task = this.task;
    this.task = null;
    if (this.takeover) clearInterval(this.takeover);
    this.takeover = null;
    if (task) {
      await task.stop();
      await task.destroy();
    }
    await this.running;
  }

  /** One tick unless one is running; errors are logged, never thrown (the next tick retries). */
  private runOnce(reason: 'catch-up' | 'scheduled' | 'takeover'): Promise<TickReport | null> {
    if (this.running) return this.running;
    this.running = this.tick({ lapsedOnly: reason === 'takeover' })
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

  /**
   * Claims and sends everything due now (and every lapsed lease), batch after batch, until
   * nothing claimable is left; with `lapsedOnly`, lapsed leases only.
   */
  async tick(options: { lapsedOnly?: boolean } = {}): Promise<TickReport> {
    const report = emptyReport();
    for (;;) {
      const now = this.clock.now();
      const { claimed, batch } = await this.store.atomic(now, async (tx) => {
        const claimed = await claimDueReminders(tx, {
          instanceId: this.instanceId,
          limit: this.batchSize,
          leaseMs: this.leaseMs,
          lapsedOnly: options.lapsedOnly,
        });
        return { claimed, batch: await loadReminderBatch(tx, { reminders: claimed }) };
      });
      if (!claimed.length) return report;
      report.batches += 1;
      report.claimed += claimed.length;
      await this.processBatch(claimed, batch, now, report);
    }
  }

  private async processBatch(claimed: ClaimedReminder[], batch: ReminderBatch, now: Date, report: TickReport): Promise<void> {
    const lease = new BatchLease(
      this.store,
      this.clock,
      this.instanceId,
      this.leaseMs,
      claimed.map((r) => r.id),
    ).keepAlive();
    const sent: number[] = [];
    const skipped: number[] = [];
    try {
      for (const reminder of claimed) {
        let outcome: Outcome;
        try {
          outcome = (await lease.holds(reminder.id)) ? await this.handle(reminder, batch, now, lease, report) : { kind: 'lost' };
        } catch (error) {
          if (error instanceof RecordError) throw error;
          report.errors += 1;
          lease.drop(reminder.id);
          this.logger.error({ err: error, reminderId: reminder.id }, 'reminder failed; left claimed for a later retry');
          continue;
        }
        if (outcome.kind === 'lost') report.lost += 1;
        else if (outcome.kind === 'sent') {
          sent.push(reminder.id);
          report.sent += 1;
        } else {
          skipped.push(reminder.id);
          report.skipped += 1;
          report.skippedBy[outcome.reason] = (report.skippedBy[outcome.reason] ?? 0) + 1;
        }
      }
    } finally {
      lease.release();
      await this.store.atomic(this.clock.now(), async (tx) => {
        await finishReminders(tx, { ids: sent, state: 'sent', instanceId: this.instanceId });
        await finishReminders(tx, { ids: skipped, state: 'skipped', instanceId: this.instanceId });
      });
    }
  }

  /** Decides, renders and fans out one reminder. */
  private async handle(
    reminder: ClaimedReminder,
    batch: ReminderBatch,
    now: Date,
    lease: BatchLease,
    report: TickReport,
  ): Promise<Outcome> {
    const cluster = batch.clusters.get(reminder.clusterId);
    if (!cluster) return { kind: 'skipped', reason: 'subject-changed' };
    let decision: ReminderDecision = decideReminder(reminder, subjectNow(reminder, batch), now, batch.superseded.has(reminder.id));
    if (!decision.send) return { kind: 'skipped', reason: decision.reason };
    let reply: Reply;
    let replyOf: PrivateReplyOf | null = null;
    const unit = (r: { unitId: number; unitCode: string; unitName: string }) => ({ id: r.unitId, code: r.unitCode, name: r.unitName });
    if (reminder.subjectType === 'round') {
      const round = batch.rounds.get(reminder.subjectId)!;
      const overdue = reminder.slot === 'overdue';
      reply = roundReminderReply(round, overdue, now, cluster.timezone);
      const missing = new Map(round.missing.map((u) => [u.id, u]));
      replyOf = (r) => (missing.has(r.unitId) ? privateRoundReply(round, missing.get(r.unitId)!, overdue, now, cluster.timezone) : null);
    } else if (reminder.subjectType === 'meeting') {
      const meeting = batch.meetings.get(reminder.subjectId)!;
      reply = meetingReminderReply(meeting, now, cluster.timezone);
      replyOf = (r) => privateMeetingReply(meeting, unit(r), now, cluster.timezone);
    } else if (reminder.subjectType === 'ballot') {
      const ballot = batch.ballots.get(reminder.subjectId)!;
      if (decision.close) {
        if (!this.closeBallot) throw new Error('no closeBallot port: the ballot is not closed at its closing time');
        const closing = await this.closeBallot({ ballotId: ballot.id, clusterId: cluster.id, reminderId: reminder.id, now });
        decision = afterBallotClose(closing);
        if (!decision.send) return { kind: 'skipped', reason: decision.reason };
        if (!closing.reply) throw new Error(`ballot ${ballot.id} closed without a count to publish`);
        if (closing.closedNow) report.ballotsClosed += 1;
        reply = closing.reply;
      } else {
        reply = ballotReminderReply(ballot, now, cluster.timezone);
        const missing = new Map(ballot.missing.map((u) => [u.id, u]));
        // A council's ballot reminds its members who have not voted by person (those who are representatives).
        const idOf = (r: { unitId: number; personId: number }) => (ballot.council ? r.personId : r.unitId);
        replyOf = (r) => (missing.has(idOf(r)) ? privateBallotReply(ballot, missing.get(idOf(r))!, now, cluster.timezone) : null);
      }
    } else {
      const handover = batch.handovers.get(reminder.subjectId)!;
      if (decision.rollover) {
        const rollover = await this.rollOver({ handoverId: handover.id, clusterId: cluster.id, now });
        decision = afterRollover(rollover);
        if (!decision.send) return { kind: 'skipped', reason: decision.reason };
        if (rollover.rolled) report.rollovers += 1;
        reply = rolloverReply(handover, rollover.closedYear, cluster.timezone);
      } else {
        reply = handoverReminderReply(handover, now, cluster.timezone);
        replyOf = (r) => privateHandoverReply(handover, unit(r), now, cluster.timezone);
      }
    }
    // The group chats (unless the rules say private only; the rollover's news and a ballot's
    // count always go there),
    // then each representative concerned privately (unless the rules say group only).
    if ((cluster.channels !== 'private' || !replyOf) && !(await fanOut(this.parts, reminder, cluster, batch, reply, lease, report)))
      return { kind: 'lost' };
    if (replyOf && cluster.channels !== 'group' && !(await fanOutPrivately(this.parts, reminder, cluster, batch, replyOf, lease, report)))
      return { kind: 'lost' };
    return { kind: 'sent' };
  }
}

/** A reminder's subject as the batch found it, as the decision reads it. */
function subjectNow(reminder: ClaimedReminder, batch: ReminderBatch): SubjectNow {
  if (reminder.subjectType === 'round') {
    const round = batch.rounds.get(reminder.subjectId);
    return round ? { type: 'round', state: round.state, deadline: round.deadline, missing: round.missing.length } : null;
  }
  if (reminder.subjectType === 'meeting') {
    const meeting = batch.meetings.get(reminder.subjectId);
    return meeting ? { type: 'meeting', state: meeting.state, at: meeting.at } : null;
  }
  if (reminder.subjectType === 'ballot') {
    const b = batch.ballots.get(reminder.subjectId);
    return b ? { type: 'ballot', state: b.state, openedAt: b.openedAt, closesAt: b.closesAt, missing: b.missing.length } : null;
  }
  const handover = batch.handovers.get(reminder.subjectId);
  return handover ? { type: 'handover', state: handover.state, at: handover.at } : null;
}
