import { GrammyError, InlineKeyboard, InputFile, type Api } from 'grammy';
import type { Logger } from 'pino';
import type { Capabilities } from '../../delivery.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Button, Reply } from '../../reply.js';
import { packLines, type Line } from '../kit/lines.js';
import { planReply, type PlannedPart } from '../kit/plan.js';
import { toHtml } from './format.js';

/** Telegram's limit for `callback_data`, in bytes. */
const CALLBACK_DATA_LIMIT = 64;

/** Where in a chat a reply goes. */
export interface Placement {
  /** The message the first part answers (the person's command, in groups). */
  replyTo?: number;
  /** The forum topic of the conversation. */
  threadId?: number;
  /** Awaited before each API call (broadcast pacing); conversation replies pass none. */
  pace?: () => Promise<void>;
}

/**
 * Turns one `Reply` into Bot API calls along the kit's plan: a photo, text messages, a document,
 * in that order; buttons on the last one, the quote on the first. Only the rendering is
 * Telegram's: HTML, inline keyboards, `reply_parameters`, and a refused photo sent as text.
 */
export class Outbox {
  constructor(
    private readonly api: Api,
    private readonly i18n: I18n,
    private readonly capabilities: Capabilities,
    private readonly logger: Logger,
  ) {}

  async sendReply(chatId: number, locale: string, reply: Reply, placement: Placement = {}): Promise<void> {
    const parts = planReply({ i18n: this.i18n, locale, reply, capabilities: this.capabilities, quote: placement.replyTo !== undefined });
    if (!parts.length) {
      this.logger.warn({ chatId }, 'telegram: an empty reply was not sent');
      return;
    }
    for (const part of parts) await this.sendPart(chatId, locale, part, placement);
  }

  private async sendPart(chatId: number, locale: string, part: PlannedPart, placement: Placement): Promise<void> {
    const options = {
      parse_mode: 'HTML' as const,
      message_thread_id: placement.threadId,
      reply_parameters:
        part.quote && placement.replyTo !== undefined ? { message_id: placement.replyTo, allow_sending_without_reply: true } : undefined,
      reply_markup: this.keyboard(locale, part.buttons),
    };
    await placement.pace?.();
    if (part.kind === 'text') {
      await this.api.sendMessage(chatId, toHtml(part.lines), { ...options, link_preview_options: { is_disabled: true } });
      return;
    }
    const caption = part.caption.length ? toHtml(part.caption) : undefined;
    const input = new InputFile(part.file.bytes, part.file.fileName);
    if (part.kind === 'file') {
      await this.api.sendDocument(chatId, input, { ...options, caption });
      return;
    }
    try {
      await this.api.sendPhoto(chatId, input, { ...options, caption });
    } catch (error) {
      // Telegram refused the picture itself (size, format): its caption says it all in text.
      if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
      this.logger.warn({ err: error, chatId }, 'telegram: photo refused, sending the text instead');
      await this.sendLines(chatId, part.caption, options);
    }
  }

  private async sendLines(chatId: number, lines: Line[], options: Parameters<Api['sendMessage']>[2]): Promise<void> {
    const chunks = packLines(lines, this.capabilities.textLimit);
    for (const [i, chunk] of chunks.entries()) {
      await this.api.sendMessage(chatId, toHtml(chunk), {
        ...options,
        reply_parameters: i === 0 ? options?.reply_parameters : undefined,
        reply_markup: i === chunks.length - 1 ? options?.reply_markup : undefined,
      });
    }
  }

  /** Inline buttons; a button whose data exceeds Telegram's 64 bytes is left out and logged. */
  private keyboard(locale: string, buttons: Button[][] | undefined): InlineKeyboard | undefined {
    if (!buttons?.length) return undefined;
    const t = this.i18n.translator(locale);
    const rows = buttons
      .map((row) =>
        row.filter((button) => {
          const fits = Buffer.byteLength(button.data, 'utf8') <= CALLBACK_DATA_LIMIT;
          if (!fits) this.logger.error({ data: button.data }, 'telegram: button data over 64 bytes left out');
          return fits;
        }),
      )
      .filter((row) => row.length)
      .map((row) => row.map((button) => InlineKeyboard.text(t(button.label.key, button.label.args), button.data)));
    return rows.length ? InlineKeyboard.from(rows) : undefined;
  }
}
