import { GrammyError, InlineKeyboard, InputFile, type Api } from 'grammy';
import type { Logger } from 'pino';
import type { Button, Reply } from '../../reply.js';
import type { I18n } from '../../i18n/i18n.js';
import { captionHtml, htmlChunks, replyLines, type Line } from './format.js';

/** Telegram's limit for `callback_data`, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

/** Where in a chat a reply goes. */
export interface Placement {
  /** The message the first part answers (the person's command, in groups). */
  replyTo?: number;
  /** The forum topic of the conversation. */
  threadId?: number;
  /** Awaited before each API call (broadcast pacing); conversation replies pass none. */
  pace?: () => Promise<void>;
}

type Markup = InlineKeyboard | undefined;
type Step = (markup: Markup) => Promise<void>;

/**
 * Turns one `Reply` into Bot API calls: a photo with the table as its caption (or the table
 * after it when too long), the text split into messages of at most 4,096 characters, then the
 * file as a document. Buttons go on the last message; the first message answers the person's.
 */
export class Outbox {
  constructor(
    private readonly api: Api,
    private readonly i18n: I18n,
    private readonly logger: Logger,
  ) {}

  async sendReply(chatId: number, locale: string, reply: Reply, placement: Placement = {}): Promise<void> {
    let replyTo = placement.replyTo;
    /** Only the first message sent answers the person's message. */
    const common = () => {
      const options = {
        parse_mode: 'HTML' as const,
        message_thread_id: placement.threadId,
        reply_parameters: replyTo === undefined ? undefined : { message_id: replyTo, allow_sending_without_reply: true },
      };
      replyTo = undefined;
      return options;
    };
    const sendText = async (lines: Line[], markup: Markup): Promise<void> => {
      const chunks = htmlChunks(lines);
      for (const [i, html] of chunks.entries()) {
        await placement.pace?.();
        await this.api.sendMessage(chatId, html, {
          ...common(),
          link_preview_options: { is_disabled: true },
          reply_markup: i === chunks.length - 1 ? markup : undefined,
        });
      }
    };

    const steps: Step[] = [];
    let textLines = replyLines(this.i18n, locale, reply);
    const image = reply.image;
    if (image) {
      const split = this.photoCaption(locale, reply);
      textLines = split.after;
      steps.push(async (markup) => {
        await placement.pace?.();
        try {
          await this.api.sendPhoto(chatId, new InputFile(image.bytes, image.fileName), {
            ...common(),
            caption: split.caption.length ? captionHtml(split.caption) : undefined,
            reply_markup: markup,
          });
        } catch (error) {
          // Telegram refused the picture itself (size, format): the table says it all in text.
          if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
          this.logger.warn({ err: error, chatId }, 'telegram: photo refused, sending the text instead');
          if (split.caption.length) await sendText(split.caption, markup);
        }
      });
    }
    if (textLines.length) steps.push((markup) => sendText(textLines, markup));
    const file = reply.file;
    if (file) {
      steps.push(async (markup) => {
        await placement.pace?.();
        const caption = file.caption ? this.i18n.lines(locale, [file.caption]).split('\n').map((text) => ({ text, pre: false })) : [];
        await this.api.sendDocument(chatId, new InputFile(file.bytes, file.fileName), {
          ...common(),
          caption: captionHtml(caption),
          reply_markup: markup,
        });
      });
    }
    if (!steps.length) {
      if (reply.buttons?.length) this.logger.warn({ chatId }, 'telegram: a reply of buttons only cannot be shown');
      return;
    }
    const keyboard = this.keyboard(locale, reply.buttons);
    for (const [i, step] of steps.entries()) await step(i === steps.length - 1 ? keyboard : undefined);
  }

  /**
   * Which lines go into a photo's caption (at most 1,024 characters) and which follow it as a
   * message: the whole reply when it fits, else its sentences, else nothing.
   */
  private photoCaption(locale: string, reply: Reply): { caption: Line[]; after: Line[] } {
    const all = replyLines(this.i18n, locale, reply);
    if (!all.length && reply.image?.caption) {
      return { caption: [{ text: this.i18n.lines(locale, [reply.image.caption]), pre: false }], after: [] };
    }
    if (captionHtml(all) !== undefined) return { caption: all, after: [] };
    const sentences = replyLines(this.i18n, locale, reply, { table: false });
    if (sentences.length && captionHtml(sentences) !== undefined) {
      return { caption: sentences, after: replyLines(this.i18n, locale, reply, { text: false }) };
    }
    return { caption: [], after: all };
  }

  /** Inline buttons; a button whose data exceeds Telegram's 64 bytes is left out and logged. */
  keyboard(locale: string, buttons: Button[][] | undefined): InlineKeyboard | undefined {
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
