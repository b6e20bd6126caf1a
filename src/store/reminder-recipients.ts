import { Params, rawQuery } from './sql.js';
import { dialectOf, type Tx } from './tx.js';

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
  const pg = dialectOf(tx) === 'postgresql';
  // One row per reminder, its recipients aggregated into one JSON array: the driver's per-row,
  // per-cell cost (not the database's) is what 1,300 plain rows a batch would spend.
  const rows = await rawQuery<{ reminderId: unknown; recipients: unknown }[]>(
    tx,
    `SELECT m."id" AS "reminderId",
        (SELECT ${pg ? 'json_agg(json_build_array' : 'json_group_array(json_array'}(r."unitId", u."code", u."name", p."id", p."privateChatKey", p."privatePlatform", p."locale", d."id"))
           FROM "Role" r
           JOIN "Unit" u ON u."id" = r."unitId"
           JOIN "Person" p ON p."id" = r."personId" AND p."privateChatKey" IS NOT NULL
           LEFT JOIN "ReminderPrivateDelivery" d ON d."reminderId" = m."id" AND d."personId" = p."id"
          WHERE r."clusterId" = m."clusterId" AND r."kind" = 'representative' AND r."status" = 'active' AND r."unitId" IS NOT NULL) AS "recipients"
       FROM "Reminder" m
      WHERE ${q.in('m."id"', options.reminderIds)}`,
    ...q.values,
  );
  type Item = [number, string, string, number, string, string | null, string | null, number | null];
  for (const row of rows) {
    const reminderId = Number(row.reminderId);
    const items = (typeof row.recipients === 'string' ? JSON.parse(row.recipients) : (row.recipients ?? [])) as Item[];
    const list: PrivateRecipient[] = items
      .map(([unitId, unitCode, unitName, personId, chatKey, platform, locale, deliveryId]) => {
        if (deliveryId !== null) found.delivered.add(`${reminderId}:${Number(personId)}`);
        return {
          personId: Number(personId),
          unitId: Number(unitId),
          unitCode: String(unitCode),
          unitName: String(unitName),
          chatKey: String(chatKey),
          platform: platform ?? String(chatKey).split(':')[0]!,
          locale,
        };
      })
      .sort((x, y) => x.unitId - y.unitId || x.personId - y.personId);
    if (list.length) found.recipients.set(reminderId, list);
  }
  return found;
}
