import type { Logger } from 'pino';
import type { Adapter } from '../delivery.js';
import type { Clock } from '../domain/clock.js';
import { mayRepeat } from '../domain/reminders.js';
import type { Reply } from '../reply.js';
import { deliveryKey, type ChatRef, type ClusterRef, type ReminderBatch } from '../store/reminder-batch.js';
import type { ClaimedReminder } from '../store/reminder-claims.js';
import { markChatRemoved, recordDelivery } from '../store/reminder-deliveries.js';
import { isRepeatReminder } from '../store/reminder-repeats.js';
import type { Store } from '../store/store.js';
import type { BatchLease } from './lease.js';
import { chatGoneReply } from './messages.js';
import { attemptSend, failureText, isGone } from './send-attempt.js';
import type { TickReport } from './report.js';

/** Recording a delivery failed: the batch stops, so at most one sent message is unrecorded. */
export class RecordError extends Error {
  constructor(cause: unknown) {
    super(`could not record a reminder delivery: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'RecordError';
  }
}

/** What fanning out needs: the store, the clock, the platforms, the log. */
export interface FanOutParts {
  store: Store;
  clock: Clock;
  adapters: Map<string, Adapter>;
  logger: Logger;
}

/**
 * Sends one reminder to each chat of its cluster that has not had it, one chat after another,
 * recording each attempt right after it. A failing chat is recorded as failed and not retried;
 * a chat the platform says is gone (or forbids the bot) is marked removed and the cluster's other
 * chats are told. One chat's failure
 * never stops the others. Before each chat the lease is checked (and renewed when due): false
 * when it went to another instance, which finishes the remaining chats.
 */
export async function fanOut(
  parts: FanOutParts,
  reminder: ClaimedReminder,
  cluster: ClusterRef,
  batch: ReminderBatch,
  reply: Reply,
  lease: BatchLease,
  report: TickReport,
): Promise<boolean> {
  const { store, clock, adapters, logger } = parts;
  // Platforms with a monthly budget (Zalo) drop repeated reminders first: they are told which.
  if (
    mayRepeat(reminder.slot) &&
    (batch.chats.get(cluster.id) ?? []).some((c) => c.platform === 'zalo') &&
    (await isRepeatReminder({ db: store.db }, reminder))
  ) {
    reply = { ...reply, repeat: true };
  }
  for (const chat of batch.chats.get(cluster.id) ?? []) {
    if (batch.delivered.has(deliveryKey(reminder.id, chat.id))) continue;
    if (!(await lease.holds(reminder.id))) return false;
    const failure = await attemptSend(adapters, { platform: chat.platform, chatKey: chat.key, locale: cluster.locale }, reply);
    const gone = isGone(failure);
    try {
      await store.atomic(clock.now(), async (tx) => {
        await recordDelivery(tx, {
          reminderId: reminder.id,
          chatId: chat.id,
          state: failure ? 'failed' : 'sent',
          error: failureText(failure),
        });
        if (gone) await markChatRemoved(tx, { chatId: chat.id });
      });
    } catch (error) {
      throw new RecordError(error);
    }
    batch.delivered.add(deliveryKey(reminder.id, chat.id));
    if (gone) {
      batch.chats.set(
        cluster.id,
        (batch.chats.get(cluster.id) ?? []).filter((c) => c.id !== chat.id),
      );
      report.removedChats += 1;
      await tellChatGone(parts, cluster.locale, chat, batch.chats.get(cluster.id) ?? []);
    }
    if (failure) {
      report.failures += 1;
      logger.warn({ reminderId: reminder.id, chat: chat.key, failure: failure.kind, error: failure.message }, 'reminder delivery failed');
    } else report.deliveries += 1;
  }
  return true;
}

/**
 * Tells a cluster's other chats that one of them is gone (the bot was removed, or the channel
 * archived), so a secretary can bind it again: best effort, each failure logged, none retried.
 */
async function tellChatGone(parts: FanOutParts, locale: string, gone: ChatRef, others: ChatRef[]): Promise<void> {
  const reply = chatGoneReply(gone.title ?? gone.key);
  for (const other of others) {
    if (!parts.adapters.has(other.platform)) continue;
    const failure = await attemptSend(parts.adapters, { platform: other.platform, chatKey: other.key, locale }, reply);
    if (failure)
      parts.logger.warn(
        { chat: other.key, gone: gone.key, failure: failure.kind, error: failure.message },
        'could not tell a chat that another one is gone',
      );
  }
}
