import { SendError } from '../../delivery.js';
import { ZaloApiError } from './client.js';

/**
 * A failed Zalo send as the scheduler needs it: a 429 (the quota or the rate) is `rate-limited`;
 * a bad token or any other refusal is `other` (Zalo names no "blocked" or "chat gone" error the
 * bot could tell apart, so a chat is never written off on Zalo's word alone).
 */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  if (error instanceof ZaloApiError) return new SendError(error.failure === 'rate-limited' ? 'rate-limited' : 'other', error.message);
  return new SendError('other', error instanceof Error ? error.message : String(error));
}

/** True for failures worth another try after a pause (429, 5xx, the network). */
export function retryable(error: unknown): boolean {
  return error instanceof ZaloApiError && (error.failure === 'rate-limited' || error.failure === 'unavailable');
}

/** Bounded exponential backoff: `baseMs`, doubled each time, at most `maxMs`. */
export interface Backoff {
  baseMs: number;
  maxMs: number;
  /** Tries of one send in all (polling retries forever, with the same bound on each pause). */
  attempts: number;
}

/** Pauses of 1 s, 2 s, 4 s… up to 60 s; a send is tried 4 times. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 1000, maxMs: 60_000, attempts: 4 };

/** The pause before try `n + 1` (n ≥ 1). */
export function pauseBefore(backoff: Backoff, n: number): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, n - 1));
}

/** Waits `ms`, or rejects at once when `signal` aborts (stopping). */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Real time. */
export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('stopped'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(new Error('stopped'));
    };
    signal.addEventListener('abort', abort, { once: true });
  });
