import { Params, rawQuery, rawExecute } from './sql.js';
import type { Reader, Tx } from './tx.js';

/**
 * Outbound messages counted per platform and calendar month: what a platform with a monthly
 * budget (Zalo's free plan, about 3,000 messages) needs to know before it sends, on every
 * instance alike. Each count is one atomic `INSERT … ON CONFLICT DO UPDATE`.
 */

/** Which once-a-month notice a mark stands for. */
export type BudgetMark = 'warned' | 'spent';

/** Adds `count` messages to the month's tally and returns the new total. */
export async function countOutbound(tx: Tx, options: { platform: string; month: string; count: number }): Promise<number> {
  const q = new Params(tx);
  const rows = await rawQuery<{ sent: number | bigint }[]>(
    tx,
    `INSERT INTO "OutboundCount" ("platform", "month", "sent", "updatedAt") VALUES (${q.list([options.platform, options.month, options.count, tx.now])})
      ON CONFLICT ("platform", "month") DO UPDATE SET "sent" = "OutboundCount"."sent" + excluded."sent", "updatedAt" = excluded."updatedAt"
      RETURNING "sent"`,
    ...q.values,
  );
  return Number(rows[0]?.sent ?? options.count);
}

/** The month's tally so far (0 before the first message). */
export async function outboundSoFar(reader: Tx, options: { platform: string; month: string }): Promise<number> {
  const q = new Params(reader);
  const rows = await rawQuery<{ sent: number | bigint }[]>(
    reader,
    `SELECT "sent" FROM "OutboundCount" WHERE "platform" = ${q.p(options.platform)} AND "month" = ${q.p(options.month)}`,
    ...q.values,
  );
  return Number(rows[0]?.sent ?? 0);
}

/**
 * Marks the month's `warned` or `spent` notice as given. True only for the one caller that set
 * it (whichever instance gets there first), so secretaries are told once a month.
 */
export async function markBudget(tx: Tx, options: { platform: string; month: string; mark: BudgetMark }): Promise<boolean> {
  const column = options.mark === 'warned' ? '"warnedAt"' : '"spentAt"';
  const q = new Params(tx);
  await rawExecute(
    tx,
    `INSERT INTO "OutboundCount" ("platform", "month", "sent", "updatedAt") VALUES (${q.list([options.platform, options.month, 0, tx.now])})
      ON CONFLICT ("platform", "month") DO NOTHING`,
    ...q.values,
  );
  const u = new Params(tx);
  const changed = await rawExecute(
    tx,
    `UPDATE "OutboundCount" SET ${column} = ${u.p(tx.now)} WHERE "platform" = ${u.p(options.platform)} AND "month" = ${u.p(options.month)} AND ${column} IS NULL`,
    ...u.values,
  );
  return changed === 1;
}

/** The chats of one cluster a budget notice goes to. */
export interface ClusterChats {
  clusterId: number;
  locale: string;
  chatKeys: string[];
}

/**
 * The clusters with a live chat on `platform`, each with the chats its secretary is told in:
 * its chats on other platforms when it has any (a notice there costs nothing of the budget),
 * else its chats on this platform.
 */
export async function clustersOnPlatform(reader: Reader, platform: string): Promise<ClusterChats[]> {
  const chats = await reader.db.chat.findMany({
    where: { removedAt: null, clusterId: { not: null }, cluster: { chats: { some: { platform, removedAt: null } } } },
    select: { key: true, platform: true, clusterId: true, cluster: { select: { locale: true } } },
    orderBy: { id: 'asc' },
  });
  const byCluster = new Map<number, { locale: string; own: string[]; other: string[] }>();
  for (const chat of chats) {
    const entry = byCluster.get(chat.clusterId!) ?? { locale: chat.cluster?.locale ?? 'vi', own: [], other: [] };
    (chat.platform === platform ? entry.own : entry.other).push(chat.key);
    byCluster.set(chat.clusterId!, entry);
  }
  return [...byCluster].map(([clusterId, e]) => ({ clusterId, locale: e.locale, chatKeys: e.other.length ? e.other : e.own }));
}

/**
 * The month's tally of one platform as an adapter's budget reads it (the shape of
 * `BudgetLedger` in `adapters/zalo/budget.ts`): a count is one statement of its own (never
 * part of a command's transaction), a mark a short transaction.
 */
export function outboundLedger(
  store: { atomic<T>(now: Date, work: (tx: Tx) => Promise<T>): Promise<T>; handle(now: Date): Tx; db: Reader['db'] },
  platform: string,
  now: () => Date = () => new Date(),
) {
  return {
    soFar: (month: string) => outboundSoFar(store.handle(now()), { platform, month }),
    count: (month: string, messages: number) => countOutbound(store.handle(now()), { platform, month, count: messages }),
    mark: (month: string, mark: BudgetMark) => store.atomic(now(), (tx) => markBudget(tx, { platform, month, mark })),
    recipients: () => clustersOnPlatform({ db: store.db }, platform),
  };
}
