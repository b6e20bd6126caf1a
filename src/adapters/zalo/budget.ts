import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { SendError } from '../../delivery.js';
import type { Notice } from '../../reply.js';

/** The zone a month is counted in: Zalo's plan renews with the Vietnamese calendar month. */
const MONTH_ZONE = 'Asia/Ho_Chi_Minh';

/** The share of the budget at which secretaries are told (80 %). */
const WARN_SHARE = 0.8;

/** The month a moment falls in, in Vietnam: `2026-12`. */
export function budgetMonth(now: Date): string {
  return DateTime.fromJSDate(now, { zone: MONTH_ZONE }).toFormat('yyyy-MM');
}

/**
 * Where the month's tally lives (the store, shared by every instance): `main.ts` passes
 * `outboundLedger(store, 'zalo')`.
 */
export interface BudgetLedger {
  soFar(month: string): Promise<number>;
  count(month: string, messages: number): Promise<number>;
  /** True once a month per mark, for whichever instance gets there first. */
  mark(month: string, mark: 'warned' | 'spent'): Promise<boolean>;
  /** The clusters on this platform and the chats their secretaries are told in. */
  recipients(): Promise<Array<{ locale: string; chatKeys: string[] }>>;
}

/**
 * Zalo's monthly budget (`ZALO_MONTHLY_QUOTA`, the free plan's ≈ 3,000 outbound messages):
 * every message sent is counted; at 80 % the secretaries are told once; once it is spent a
 * repeated reminder (not the first of its subject) is not sent, raising `SendError` so the
 * scheduler records why, and the secretaries are told once. Replies to people and first
 * reminders still go out: Zalo itself refuses them when the plan is really exhausted.
 */
export class ZaloBudget {
  private readonly marked = new Set<string>();

  constructor(
    private readonly options: {
      quota: number;
      ledger: BudgetLedger;
      now: () => Date;
      /** Sends notices (through the router; Zalo chats among them are counted too). */
      notify: (notices: Notice[]) => Promise<void>;
      logger?: Logger;
    },
  ) {}

  /** Throws `SendError` when `messages` more would go past the budget and the reply is a repeat. */
  async admit(messages: number, repeat: boolean): Promise<void> {
    if (!repeat) return;
    const month = budgetMonth(this.options.now());
    const used = await this.options.ledger.soFar(month);
    if (used + messages <= this.options.quota) return;
    this.options.logger?.warn({ used, quota: this.options.quota, month }, 'zalo: monthly budget spent, repeated reminder dropped');
    await this.tell(month, 'spent', used);
    throw new SendError(
      'rate-limited',
      `Zalo monthly budget spent (${used} of ${this.options.quota} messages in ${month}): repeated reminder not sent`,
    );
  }

  /** Counts messages sent; tells the secretaries when the month crosses 80 % or the budget. */
  async sent(messages: number): Promise<void> {
    if (messages <= 0) return;
    const month = budgetMonth(this.options.now());
    const used = await this.options.ledger.count(month, messages);
    if (used >= this.options.quota * WARN_SHARE) await this.tell(month, 'warned', used);
    if (used >= this.options.quota) await this.tell(month, 'spent', used);
  }

  private async tell(month: string, mark: 'warned' | 'spent', used: number): Promise<void> {
    // Once this instance knows the month's mark is set (by it or another), it stops asking.
    const known = `${month}:${mark}`;
    if (this.marked.has(known)) return;
    const first = await this.options.ledger.mark(month, mark);
    this.marked.add(known);
    if (!first) return;
    const [year, mm] = month.split('-');
    const args = { used, quota: this.options.quota, month: `${mm}/${year}` };
    const key = mark === 'warned' ? 'zalo-budget-warned' : 'zalo-budget-spent';
    const notices: Notice[] = [];
    for (const cluster of await this.options.ledger.recipients()) {
      for (const chatKey of cluster.chatKeys) notices.push({ chatKey, locale: cluster.locale, reply: { text: [{ key, args }] } });
    }
    this.options.logger?.warn(
      { month, used, quota: this.options.quota, mark, chats: notices.length },
      'zalo: secretaries told about the monthly budget',
    );
    // Not awaited: a notice to a Zalo chat passes through this budget again.
    void this.options.notify(notices).catch((error: unknown) => this.options.logger?.error({ err: error }, 'zalo: budget notice failed'));
  }
}
