import type { DeliveryState } from '../domain/states.js';
import { Params, rawExecute } from './sql.js';
import type { Tx } from './tx.js';

/**
 * The record of each reminder's delivery to each chat, and privately to each person: what makes
 * "once per chat" and "once per person" hold across instances, restarts and taken-over leases
 * (the unique keys on reminder and chat, and on reminder and person).
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
  const count = await rawExecute(
    tx,
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
  await rawExecute(
    tx,
    `UPDATE "Chat" SET "removedAt" = ${q.p(tx.now)}, "updatedAt" = ${q.p(tx.now)} WHERE "id" = ${q.p(options.chatId)} AND "removedAt" IS NULL`,
    ...q.values,
  );
}

/** One attempt to deliver a reminder privately to a person, on their last private chat. */
export interface PrivateDeliveryAttempt {
  reminderId: number;
  personId: number;
  chatKey: string;
  state: DeliveryState;
  error?: string;
}

/**
 * Records one private delivery (or failure) of a reminder to a person at the handle's `now`,
 * right after the attempt: the unique key on reminder and person keeps "once per person" across
 * instances, restarts, taken-over leases, and a person who changes platform in between. Returns
 * false when the pair was already recorded. One `INSERT … ON CONFLICT DO NOTHING` statement.
 */
export async function recordPrivateDelivery(tx: Tx, delivery: PrivateDeliveryAttempt): Promise<boolean> {
  const q = new Params(tx);
  const count = await rawExecute(
    tx,
    `INSERT INTO "ReminderPrivateDelivery" ("reminderId", "personId", "chatKey", "state", "error", "createdAt")
      VALUES (${q.list([delivery.reminderId, delivery.personId, delivery.chatKey, delivery.state, delivery.error ?? null, tx.now])})
      ON CONFLICT ("reminderId", "personId") DO NOTHING`,
    ...q.values,
  );
  return count === 1;
}

/**
 * Forgets a person's private chat at the handle's `now` when the platform says it is gone or
 * the bot is blocked there: private reminders stop until the person writes to the bot again.
 * Only if it is still that chat (they may have written from another since).
 */
export async function forgetPrivateChat(tx: Tx, options: { personId: number; chatKey: string }): Promise<void> {
  const q = new Params(tx);
  await rawExecute(
    tx,
    `UPDATE "Person" SET "privateChatKey" = NULL, "privatePlatform" = NULL, "updatedAt" = ${q.p(tx.now)} WHERE "id" = ${q.p(options.personId)} AND "privateChatKey" = ${q.p(options.chatKey)}`,
    ...q.values,
  );
}
