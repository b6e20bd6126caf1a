import { SendError, type Adapter, type SendFailure } from '../delivery.js';
import type { Reply } from '../reply.js';

/** Why one send failed, as a reminder's delivery record keeps it. */
export interface SendAttemptFailure {
  kind: SendFailure;
  message: string;
}

/**
 * Sends one reply through the platform's adapter and says how it went (null: sent), so every
 * fan-out (chats, private messages) classifies failures the same way: no adapter for the
 * platform, a `SendError`'s kind, anything else as `other`.
 */
export async function attemptSend(
  adapters: ReadonlyMap<string, Adapter>,
  target: { platform: string; chatKey: string; locale: string },
  reply: Reply,
): Promise<SendAttemptFailure | null> {
  const adapter = adapters.get(target.platform);
  if (!adapter) return { kind: 'other', message: `no adapter for platform ${target.platform}` };
  try {
    await adapter.send(target.chatKey, target.locale, reply);
    return null;
  } catch (error) {
    return error instanceof SendError
      ? { kind: error.failure, message: error.message }
      : { kind: 'other', message: (error as Error)?.message ?? String(error) };
  }
}

/** The platform says the chat is gone or forbids the bot: stop sending there. */
export function isGone(failure: SendAttemptFailure | null): boolean {
  return failure !== null && (failure.kind === 'gone' || failure.kind === 'forbidden');
}

/** A failure as the delivery record's `error` column keeps it (at most 500 characters). */
export function failureText(failure: SendAttemptFailure | null): string | undefined {
  return failure ? `${failure.kind}: ${failure.message}`.slice(0, 500) : undefined;
}
