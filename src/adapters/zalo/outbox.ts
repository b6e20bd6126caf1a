import type { Logger } from 'pino';
import type { Capabilities } from '../../delivery.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import type { LinkMaker } from '../kit/links.js';
import { planReply, type PlannedPart } from '../kit/plan.js';
import type { ZaloBudget } from './budget.js';
import type { ZaloClient } from './client.js';
import { pauseBefore, retryable, type Backoff, type Sleep } from './errors.js';
import { compactTable, plainText } from './format.js';

/** What the outbox is built from. */
export interface ZaloOutboxDeps {
  client: ZaloClient;
  i18n: I18n;
  capabilities: Capabilities;
  logger: Logger;
  links?: LinkMaker;
  budget?: ZaloBudget;
  backoff: Backoff;
  sleep: Sleep;
  signal: AbortSignal;
}

/**
 * Turns one `Reply` into Zalo calls along the kit's plan: plain text of at most 2,000
 * characters a message split between lines, tables as compact lines, buttons as the commands to
 * type; a picture (the ranking chart) by `sendPhoto` with its signed link, since Zalo takes
 * pictures by URL only. Each message is counted against the monthly budget; a 429 or 5xx is
 * tried again after a bounded pause.
 */
export class ZaloOutbox {
  constructor(private readonly deps: ZaloOutboxDeps) {}

  /** Sends a reply to a chat; `pace` is awaited before each message (broadcasts). */
  async sendReply(chatId: string, locale: string, reply: Reply, options: { pace?: () => Promise<void> } = {}): Promise<void> {
    const { i18n, capabilities, budget } = this.deps;
    const parts = planReply({ i18n, locale, reply, capabilities, renderTable: compactTable });
    if (!parts.length) {
      this.deps.logger.warn({ chatId }, 'zalo: an empty reply was not sent');
      return;
    }
    await budget?.admit(parts.length, reply.repeat === true);
    let sent = 0;
    try {
      for (const part of parts) {
        await options.pace?.();
        await this.sendPart(chatId, locale, part);
        sent++;
      }
    } finally {
      await budget?.sent(sent).catch((error: unknown) => this.deps.logger.error({ err: error }, 'zalo: budget not counted'));
    }
  }

  private async sendPart(chatId: string, locale: string, part: PlannedPart): Promise<void> {
    const { client, links } = this.deps;
    if (part.kind === 'text') {
      await this.retrying(() => client.sendMessage(chatId, plainText(part.lines)));
      return;
    }
    if (part.kind === 'image' && links) {
      const { url, hours } = await links.link(part.file);
      const linkLine = this.deps.i18n.lines(locale, [{ key: 'links-image', args: { file: part.file.fileName, url, hours } }]);
      const caption = [plainText(part.caption), linkLine].filter(Boolean).join('\n\n');
      await this.retrying(() => client.sendPhoto(chatId, url, caption));
      return;
    }
    // No file reaches Zalo, and no picture without a link: what the part says goes as text.
    if (part.caption.length) await this.retrying(() => client.sendMessage(chatId, plainText(part.caption)));
  }

  /** Runs a call, pausing and trying again on 429 and 5xx, at most `backoff.attempts` times. */
  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (!retryable(error) || attempt >= this.deps.backoff.attempts) throw error;
        const ms = pauseBefore(this.deps.backoff, attempt);
        this.deps.logger.warn({ err: error, attempt, ms }, 'zalo: send failed, trying again');
        await this.deps.sleep(ms, this.deps.signal);
      }
    }
  }
}
