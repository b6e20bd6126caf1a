import type { DeliveryState } from '../domain/states.js';
import { Params } from './sql.js';
import type { Tx } from './tx.js';

/**
 * The record of each reminder's delivery to each chat: what makes "once per chat" hold across
 * instances, restarts and taken-over leases (the unique key on reminder and chat).
 */

/** One attempt to deliver a reminder to a chat. */
export interface DeliveryAttempt {
  reminderId: number;
  chatId: number;
  state: DeliveryState;
  error?: string;
}

/**
 * Records one delivery (or failure) of a reminder to a chat at the handle's `now`, right after
 * the attempt. Returns false when the pair was already recorded. One `INSERT … ON CONFLICT DO
 * NOTHING` statement.
 */
export async function recordDelivery(tx: Tx, delivery: DeliveryAttempt): Promise<boolean> {
  const q = new Params(tx);
  const count = await tx.db.$executeRawUnsafe(
    `INSERT INTO "ReminderDelivery" ("reminderId", "chatId", "state", "error", "createdAt")
      VALUES (${q.list([delivery.reminderId, delivery.chatId, delivery.state, delivery.error ?? null, tx.now])})
      ON CONFLICT ("reminderId", "chatId") DO NOTHING`,
    ...q.values,
  );
  return count === 1;
}

/** Marks a chat removed at the handle's `now` (the bot was kicked, the chat is gone): reminders stop going there. */
export async function markChatRemoved(tx: Tx, options: { chatId: number }): Promise<void> {
  const q = new Params(tx);
  await tx.db.$executeRawUnsafe(
    `UPDATE "Chat" SET "removedAt" = ${q.p(tx.now)}, "updatedAt" = ${q.p(tx.now)} WHERE "id" = ${q.p(options.chatId)} AND "removedAt" IS NULL`,
    ...q.values,
  );
}
