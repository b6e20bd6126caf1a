/**
 * The outward side of an adapter, as the scheduler and the composition root see it: which
 * platform it is, how to start and stop it, and `send` for messages the core starts itself.
 * A leaf module beside `reply.ts`, so that the scheduler needs nothing from `app/`.
 */
import type { Reply } from './reply.js';

/** The platforms the bot speaks on. */
export type Platform = 'console' | 'telegram' | 'slack' | 'zalo';

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
 * What a platform can show, declared once by its adapter and read by the core (a command skips
 * work the platform cannot show, such as the ranking chart) and by the kit's reply planner
 * (which degrades a reply to what is left: a button becomes the command to type, a file or a
 * picture a sentence saying where to get it).
 */
export interface Capabilities {
  /** Pictures (the ranking chart) can be sent. */
  readonly images: boolean;
  /** Documents (the `.xlsx` and `.csv` exports) can be sent. */
  readonly files: boolean;
  /** Buttons under a message that run a command when pressed. */
  readonly buttons: boolean;
  /** The bot can edit a message it sent. */
  readonly edits: boolean;
  /** The most characters one text message may hold. */
  readonly textLimit: number;
  /** The most characters the caption of a picture or a document may hold (0: no captions). */
  readonly captionLimit: number;
  /**
   * Files and pictures this platform cannot carry are delivered as signed download links
   * (`PUBLIC_URL/files/<token>`): true only where the instance has a public URL. Optional so
   * adapters that carry files need not declare it.
   */
  readonly links?: boolean;
}

/**
 * What the core assumes of a platform it was told nothing about (tests and tools that call the
 * core directly): text, buttons and files, no pictures, no edits, no limit on a message.
 */
export const DEFAULT_CAPABILITIES: Capabilities = {
  images: false,
  files: true,
  buttons: true,
  edits: false,
  textLimit: Number.POSITIVE_INFINITY,
  captionLimit: 0,
};

/**
 * What every platform adapter offers the composition root and the scheduler. Bolt's receiver
 * idea: `start`/`stop`, one entry point inwards (the `Core` given at construction), and an
 * outward `send` for messages the core starts itself.
 */
export interface Adapter {
  readonly platform: Platform;
  /** What this platform shows, declared once (the core and the reply planner read it). */
  readonly capabilities: Capabilities;
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Sends a reply to a chat outside of a conversation (reminders, notices), paced under the
   * platform's limits. Throws `SendError`.
   */
  send(chatKey: string, locale: string, reply: Reply): Promise<void>;
}
