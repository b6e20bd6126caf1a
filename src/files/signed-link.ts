/**
 * Signed download links (`PUBLIC_URL/files/<token>`): how a file reaches a platform that cannot
 * carry it (Zalo takes no uploads and pictures only by URL) and how a secretary forwards an
 * export to the provincial board. The token names the file and its expiry and carries an
 * HMAC-SHA256 of both, so nothing can be listed or guessed and a changed token is refused.
 * Pure: the secret and the time are passed in.
 *
 * ```ts
 * const token = signFileToken({ fileId, expiresAt }, secret);
 * verifyFileToken(token, secret, now); // → { fileId, expiresAt } or undefined
 * ```
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a link works unless said otherwise: 24 hours (CONTRACT.md). */
export const DEFAULT_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** What a token says: which stored file, and until when. */
export interface FileGrant {
  /** The stored file's id: random (a UUID), never a sequence number. */
  fileId: string;
  expiresAt: Date;
}

const ID = /^[A-Za-z0-9-]{1,64}$/;

function mac(fileId: string, expiresSeconds: number, secret: string): Buffer {
  return createHmac('sha256', secret).update(`file:${fileId}:${expiresSeconds}`).digest();
}

/** The token for a grant: `<fileId>.<expiry in seconds>.<base64url HMAC>`. */
export function signFileToken(grant: FileGrant, secret: string): string {
  if (!ID.test(grant.fileId)) throw new RangeError('a file id is 1 to 64 letters, digits or dashes');
  const expires = Math.floor(grant.expiresAt.getTime() / 1000);
  return `${grant.fileId}.${expires}.${mac(grant.fileId, expires, secret).toString('base64url')}`;
}

/**
 * The grant a token carries, or `undefined` when it is malformed, signed with another secret,
 * changed in any character, or expired at `now`. The signature is compared in constant time.
 */
export function verifyFileToken(token: string, secret: string, now: Date): FileGrant | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [fileId, expiresText, signature] = parts as [string, string, string];
  if (!ID.test(fileId) || !/^\d{1,12}$/.test(expiresText) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) return undefined;
  const expires = Number(expiresText);
  // Compared as text: base64url's last character has spare bits that decoding would ignore.
  const given = Buffer.from(signature);
  const expected = Buffer.from(mac(fileId, expires, secret).toString('base64url'));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (expires * 1000 <= now.getTime()) return undefined;
  return { fileId, expiresAt: new Date(expires * 1000) };
}

/** The public address of a token under `PUBLIC_URL` (with or without a trailing slash). */
export function fileLink(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/files/${token}`;
}
