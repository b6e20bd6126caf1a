/**
 * The seam between the platform-neutral core and the chat platforms, inwards: adapters turn
 * platform events into an `Incoming`. The reply vocabulary lives in `../reply.ts`, the outward
 * adapter port in `../delivery.ts`. Ids are opaque and platform-prefixed (`telegram:-100123`,
 * `slack:C123`, `console:group`).
 */
import type { Platform } from '../delivery.js';

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
}
