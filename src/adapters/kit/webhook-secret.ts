import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * True when a webhook request carries the expected shared secret (Telegram's
 * `X-Telegram-Bot-Api-Secret-Token`, Zalo's `X-Bot-Api-Secret-Token`). Pure and constant-time:
 * both sides are hashed to digests of equal length before `timingSafeEqual`, so neither the
 * content nor the length of the secret leaks through timing. A missing header never matches.
 *
 * ```ts
 * if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], secret)) res.writeHead(401);
 * ```
 */
export function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || !expected) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
