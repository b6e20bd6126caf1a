import type { Reply } from '../reply.js';
import { deliveryKey, type ClusterRef, type ReminderBatch } from '../store/reminder-batch.js';
import type { ClaimedReminder } from '../store/reminder-claims.js';
import { forgetPrivateChat, recordPrivateDelivery } from '../store/reminder-deliveries.js';
import type { PrivateRecipient } from '../store/reminder-recipients.js';
import { RecordError, type FanOutParts } from './fan-out.js';
import type { BatchLease } from './lease.js';
import type { TickReport } from './report.js';
import { attemptSend, failureText, isGone } from './send-attempt.js';

/**
 * The private reply for one recipient (what their unit still has to do), or null when the
 * reminder does not concern their unit (a deadline their unit has already met).
 */
export type PrivateReplyOf = (recipient: PrivateRecipient) => Reply | null;

/**
 * Sends one reminder privately to each representative it concerns who has not had it, on the
 * private chat where they last wrote to the bot, one person after another, recording each
 * attempt right after it (`ReminderPrivateDelivery`, unique per reminder and person: once per
 * person, whatever instance or restart). A failure is recorded and not retried; a chat the
 * platform says is gone (or where the bot is blocked) is forgotten, so the person's other
 * reminders (in this batch too) wait until they write again. The lease is checked before each person, as for chats:
 * false when the reminder went to another instance, which finishes the rest.
 */
export async function fanOutPrivately(
  parts: FanOutParts,
  reminder: ClaimedReminder,
  cluster: ClusterRef,
  batch: ReminderBatch,
  replyOf: PrivateReplyOf,
  lease: BatchLease,
  report: TickReport,
): Promise<boolean> {
  const { store, clock, adapters, logger } = parts;
  const seen = new Set<number>();
  for (const recipient of batch.recipients.get(reminder.id) ?? []) {
    if (seen.has(recipient.personId)) continue;
    seen.add(recipient.personId);
    const key = deliveryKey(reminder.id, recipient.personId);
    if (batch.deliveredPrivately.has(key)) continue;
    const reply = replyOf(recipient);
    if (!reply) continue;
    if (!(await lease.holds(reminder.id))) return false;
    const failure = await attemptSend(
      adapters,
      { platform: recipient.platform, chatKey: recipient.chatKey, locale: recipient.locale ?? cluster.locale },
      reply,
    );
    const gone = isGone(failure);
    try {
      await store.atomic(clock.now(), async (tx) => {
        await recordPrivateDelivery(tx, {
          reminderId: reminder.id,
          personId: recipient.personId,
          chatKey: recipient.chatKey,
          state: failure ? 'failed' : 'sent',
          error: failureText(failure),
        });
        if (gone) await forgetPrivateChat(tx, { personId: recipient.personId, chatKey: recipient.chatKey });
      });
    } catch (error) {
      throw new RecordError(error);
    }
    batch.deliveredPrivately.add(key);
    if (gone) forgetInBatch(batch, recipient);
    if (failure) {
      report.privateFailures += 1;
      logger.warn(
        { reminderId: reminder.id, personId: recipient.personId, failure: failure.kind, error: failure.message },
        'private reminder failed',
      );
    } else report.privateDeliveries += 1;
  }
  return true;
}

/** A forgotten chat gets none of the batch's other reminders either. */
function forgetInBatch(batch: ReminderBatch, gone: PrivateRecipient): void {
  for (const [reminderId, list] of batch.recipients) {
    batch.recipients.set(
      reminderId,
      list.filter((r) => !(r.personId === gone.personId && r.chatKey === gone.chatKey)),
    );
  }
}
