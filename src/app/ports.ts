/**
 * The seam between the platform-neutral core and the chat platforms. Adapters turn platform
 * events into an `Incoming` and render `Reply` values; they hold no business rule.
 * Ids are opaque and platform-prefixed (`telegram:-100123`, `slack:C123`, `console:group`).
 */

/** The platforms the bot speaks on. */
export type Platform = 'console' | 'telegram' | 'slack' | 'zalo';

/** A file a person attached to a message (e.g. a criteria `.csv` or `.xlsx`). */
export interface Attachment {
  fileName: string;
  mimeType?: string;
  /** Downloads the bytes; adapters fetch lazily so a message without a command costs nothing. */
  download(): Promise<Uint8Array>;
}

/** Someone named in a message (`/secretary @user`); `key` is set when the platform knows the id. */
export interface Mention {
  username?: string;
  key?: string;
  displayName?: string;
}

/** One message or button press from a platform, in the core's terms. */
export interface Incoming {
  platform: Platform;
  /** Platform-prefixed id of the update, for the processed-update ledger; absent = no dedupe. */
  updateId?: string;
  chat: { key: string; kind: 'group' | 'private'; title?: string };
  sender: { key: string; displayName: string; username?: string; languageCode?: string };
  /** Lower-case command name without the slash or `@botname`, e.g. `score`. */
  command: string;
  /** The rest of the first line. */
  args: string;
  /** The following lines of the same message (may be empty). */
  body: string;
  attachments?: Attachment[];
  mentions?: Mention[];
  /** Set for a button press: the payload of the pressed button (`Button.data`). */
  action?: string;
  /** What the platform can show; the core skips work (e.g. rendering a chart) it cannot. */
  capabilities?: { images?: boolean; files?: boolean };
}

/** A translatable text: a locale message id and its arguments. */
export interface Msg {
  key: string;
  args?: Record<string, string | number>;
}

/** A button that runs a command when pressed; `data` is sent back as `Incoming.action`. */
export interface Button {
  label: Msg;
  /** A command line, e.g. `/approve BL`; at most 64 bytes (Telegram's limit). */
  data: string;
}

/** One table cell: text as is, a number of points (formatted per language), a translated word, or empty. */
export type Cell = string | number | null | Msg;

/** A table: headers and cells; numbers in cells are points, formatted by the renderer. */
export interface Table {
  headers: Msg[];
  rows: Cell[][];
  /** Columns to align right (numbers). */
  numeric?: number[];
}

/** A file to send. */
export interface FileOut {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  caption?: Msg;
}

/** One reply. Any mix of parts; adapters render what their platform shows. */
export interface Reply {
  text?: Msg[];
  table?: Table;
  file?: FileOut;
  /** A PNG picture (the ranking chart); platforms without images fall back to the table. */
  image?: FileOut;
  buttons?: Button[][];
  /** Send to the person privately instead of the chat (e.g. a secret code). */
  privately?: boolean;
}

/** A message the core wants sent to a chat on its own (reminders, notices). */
export interface Notice {
  chatKey: string;
  locale: string;
  reply: Reply;
}

/** Why a send failed, as the scheduler needs to know it. */
export type SendFailure = 'gone' | 'forbidden' | 'rate-limited' | 'other';

/** A platform refused or failed to deliver; `gone` means stop sending to this chat. */
export class SendError extends Error {
  constructor(
    readonly failure: SendFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/**
 * What every platform adapter offers the composition root and the scheduler. Bolt's receiver
 * idea: `start`/`stop`, one entry point inwards (the `Core` given at construction), and an
 * outward `send` for messages the core starts itself.
 */
export interface Adapter {
  readonly platform: Platform;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Sends a reply to a chat outside of a conversation (reminders, notices), paced under the
   * platform's limits. Throws `SendError`.
   */
  send(chatKey: string, locale: string, reply: Reply): Promise<void>;
}
