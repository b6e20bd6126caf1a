import { Params } from './sql.js';
import type { Tx } from './tx.js';

/**
 * Who gets a reminder privately: the active representatives of a reminder's cluster, with the
 * private chat where each last wrote to the bot (and its platform), read for a whole batch of
 * reminders in one statement. Which units a reminder concerns (the missing ones for a deadline,
 * every unit for a meeting or a handover) is the scheduler's choice, made from the unit ids.
 */

/** One representative a reminder may reach privately. */
export interface PrivateRecipient {
  personId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  chatKey: string;
  platform: string;
  /** The person's language, if they chose one (else the cluster's). */
  locale: string | null;
}

/** What one statement found for a batch: recipients by reminder, pairs already recorded. */
export interface PrivateRecipients {
  recipients: Map<number, PrivateRecipient[]>;
  /** `reminderId:personId` pairs already delivered (or failed) privately. */
  delivered: Set<string>;
}

/**
 * The private recipients of `reminderIds`, with the deliveries already recorded for them: one
 * statement (reminder → cluster's active representative roles and their units → people with a
 * private chat → their delivery record), whatever the number of reminders, units or people.
 */
export async function loadPrivateRecipients(tx: Tx, options: { reminderIds: number[] }): Promise<PrivateRecipients> {
  const found: PrivateRecipients = { recipients: new Map(), delivered: new Set() };
  if (!options.reminderIds.length) return found;
  const q = new Params(tx);
  const rows = await tx.db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT m."id" AS "reminderId", r."unitId", u."code" AS "unitCode", u."name" AS "unitName", p."id" AS "personId", p."privateChatKey", p."privatePlatform", p."locale", d."id" AS "deliveryId"
       FROM "Reminder" m
       JOIN "Role" r ON r."clusterId" = m."clusterId" AND r."kind" = 'representative' AND r."status" = 'active' AND r."unitId" IS NOT NULL
       JOIN "Unit" u ON u."id" = r."unitId"
       JOIN "Person" p ON p."id" = r."personId" AND p."privateChatKey" IS NOT NULL
       LEFT JOIN "ReminderPrivateDelivery" d ON d."reminderId" = m."id" AND d."personId" = p."id"
      WHERE ${q.in('m."id"', options.reminderIds)}
      ORDER BY m."id", r."unitId", p."id"`,
    ...q.values,
  );
  for (const row of rows) {
    const reminderId = Number(row.reminderId);
    const personId = Number(row.personId);
    const recipient: PrivateRecipient = {
      personId,
      unitId: Number(row.unitId),
      unitCode: String(row.unitCode),
      unitName: String(row.unitName),
      chatKey: String(row.privateChatKey),
      platform: String(row.privatePlatform ?? String(row.privateChatKey).split(':')[0]),
      locale: row.locale === null || row.locale === undefined ? null : String(row.locale),
    };
    const list = found.recipients.get(reminderId);
    if (list) list.push(recipient);
    else found.recipients.set(reminderId, [recipient]);
    if (row.deliveryId !== null && row.deliveryId !== undefined) found.delivered.add(`${reminderId}:${personId}`);
  }
  return found;
}
