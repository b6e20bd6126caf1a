/**
 * The reply vocabulary: what the core answers with and what every adapter renders. A leaf
 * module (it imports nothing) so that the app, i18n, reports and the scheduler can all speak
 * it without importing each other.
 */

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
  /** Deliver `file` as a signed download link rather than the file itself (`/export link`). */
  link?: boolean;
  /**
   * A reminder repeating an earlier one of the same subject: the first message a platform with
   * a monthly budget (Zalo) drops when the budget is spent (the secretary is told).
   */
  repeat?: boolean;
}

/** A message the core wants sent to a chat on its own (reminders, notices). */
export interface Notice {
  chatKey: string;
  locale: string;
  reply: Reply;
}
