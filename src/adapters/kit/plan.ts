import type { Capabilities } from '../../delivery.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Button, FileOut, Msg, Reply } from '../../reply.js';
import { alignedTable, isBlank, packLines, plainLength, plainLines, replyLines, type Line, type TableRenderer } from './lines.js';

/** One message of a planned reply, in the order it is sent. */
export type Part = { kind: 'text'; lines: Line[] } | { kind: 'image' | 'file'; file: FileOut; caption: Line[] };

/** A part with where the reply's buttons and quote go: buttons on the last part, the quote on the first. */
export type PlannedPart = Part & {
  /** The buttons of the reply (only on its last part). */
  buttons?: Button[][];
  /** True for the first part when the reply answers the person's message. */
  quote: boolean;
};

/**
 * Plans one reply for a platform: the picture first (the whole reply as its caption when it
 * fits, else its sentences, else nothing), then the text packed under the text limit, then the
 * file with its caption. Whatever the platform cannot show is degraded here, once for every
 * adapter: buttons become the commands to type, a file or a picture a sentence saying where to
 * get it. Every part it returns can be delivered as it is.
 *
 * ```ts
 * for (const part of planReply({ i18n, locale, reply, capabilities, quote: true })) await sendPart(part);
 * ```
 */
export function planReply(options: {
  i18n: I18n;
  locale: string;
  reply: Reply;
  capabilities: Capabilities;
  quote?: boolean;
  /** How tables are written (default: aligned monospace columns). */
  renderTable?: TableRenderer;
}): PlannedPart[] {
  const { i18n, locale, capabilities: can } = options;
  const table = options.renderTable ?? alignedTable;
  const reply = options.reply;
  const t = (msg: Msg) => i18n.lines(locale, [msg]);
  const parts: Part[] = [];
  let textLines = replyLines(i18n, locale, reply, {}, table);
  const extra: Line[] = [];

  if (reply.image && can.images) {
    const split = imageCaption(i18n, locale, reply, can.captionLimit, table);
    textLines = split.after;
    parts.push({ kind: 'image', file: reply.image, caption: split.caption });
  } else if (reply.image) {
    extra.push(...plainLines(t({ key: 'kit-image-elsewhere', args: { file: reply.image.fileName } })));
  }
  if (reply.file && !can.files) {
    extra.push(...plainLines(t({ key: 'kit-file-elsewhere', args: { file: reply.file.fileName } })));
    // Without the file its caption is still worth reading, unless the text already says it.
    if (reply.file.caption && !reply.text?.length) extra.push(...plainLines(t(reply.file.caption)));
  }
  const buttons = reply.buttons?.filter((row) => row.length);
  if (buttons?.length && !can.buttons) {
    extra.push(
      ...buttons.flat().flatMap((b) => plainLines(t({ key: 'kit-button-command', args: { label: t(b.label), command: b.data } }))),
    );
  }
  if (extra.length) textLines = isBlank(textLines) ? extra : [...textLines, { text: '', pre: false }, ...extra];
  for (const lines of packLines(textLines, can.textLimit)) parts.push({ kind: 'text', lines });

  if (reply.file && can.files) {
    const caption = reply.file.caption ? plainLines(t(reply.file.caption)) : [];
    if (plainLength(caption) <= can.captionLimit) parts.push({ kind: 'file', file: reply.file, caption });
    else {
      for (const lines of packLines(caption, can.textLimit)) parts.push({ kind: 'text', lines });
      parts.push({ kind: 'file', file: reply.file, caption: [] });
    }
  }
  if (!parts.length && buttons?.length && can.buttons) {
    // Buttons need a message to hang on: their commands are that message.
    const lines = buttons.flat().flatMap((b) => plainLines(t({ key: 'kit-button-command', args: { label: t(b.label), command: b.data } })));
    for (const chunk of packLines(lines, can.textLimit)) parts.push({ kind: 'text', lines: chunk });
  }
  const shown = can.buttons && buttons?.length ? buttons : undefined;
  return parts.map((part, i) => ({
    ...part,
    quote: i === 0 && options.quote === true,
    ...(i === parts.length - 1 && shown ? { buttons: shown } : {}),
  }));
}

/**
 * Which lines go into a picture's caption and which follow it as messages: the whole reply when
 * it fits the caption limit, else its sentences, else nothing (a picture's own caption when the
 * reply has no text at all).
 */
function imageCaption(i18n: I18n, locale: string, reply: Reply, limit: number, table: TableRenderer): { caption: Line[]; after: Line[] } {
  const all = replyLines(i18n, locale, reply, {}, table);
  if (isBlank(all) && reply.image?.caption) {
    const own = plainLines(i18n.lines(locale, [reply.image.caption]));
    return plainLength(own) <= limit ? { caption: own, after: [] } : { caption: [], after: own };
  }
  if (!isBlank(all) && plainLength(all) <= limit) return { caption: all, after: [] };
  const sentences = replyLines(i18n, locale, reply, { table: false });
  if (!isBlank(sentences) && plainLength(sentences) <= limit)
    return { caption: sentences, after: replyLines(i18n, locale, reply, { text: false }, table) };
  return { caption: [], after: all };
}
