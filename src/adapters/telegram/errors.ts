import { GrammyError, HttpError } from 'grammy';
import { SendError, type SendFailure } from '../../delivery.js';

/**
 * Whose fault a failed send was, as the scheduler needs it: the chat is `gone` (the bot was
 * removed, the group deleted, the account closed: stop sending there), `forbidden` (the bot
 * may not write there now: blocked by a person, muted in a group), `rate-limited` (a 429 longer
 * than auto-retry waits), or `other`.
 */
function sendFailure(error: unknown): SendFailure {
  if (error instanceof GrammyError) {
    const text = error.description.toLowerCase();
    if (error.error_code === 429) return 'rate-limited';
    if (error.error_code === 403) {
      if (/kicked|not a member|deactivated|chat was deleted|group chat was deleted/.test(text)) return 'gone';
      return 'forbidden';
    }
    if (error.error_code === 400 && /chat not found|group chat was deleted|peer_id_invalid|user not found/.test(text)) return 'gone';
    return 'other';
  }
  return 'other';
}

/** Wraps any failure of a send as a `SendError` (kept as is when it already is one). */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const message = error instanceof GrammyError || error instanceof HttpError ? error.message : String(error);
  return new SendError(sendFailure(error), message);
}

/** The new chat id when Telegram refused because a group became a supergroup. */
export function migratedTo(error: unknown): number | undefined {
  return error instanceof GrammyError ? error.parameters?.migrate_to_chat_id : undefined;
}

/** True when Telegram refused because the bot may not write to that person privately. */
export function cannotWritePrivately(error: unknown): boolean {
  if (!(error instanceof GrammyError)) return false;
  // 403 for a person who never started the bot; "chat not found" for one it has never met.
  return error.error_code === 403 || (error.error_code === 400 && /chat not found/i.test(error.description));
}
