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
