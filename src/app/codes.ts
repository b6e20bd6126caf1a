import { randomInt } from 'node:crypto';

/** The letters of codes people type: A–Z and 2–9 without the look-alikes I, O, 0 and 1. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A new random code of 8 characters of `ALPHABET`: the one-time code of `/link` and the
 * cluster's invite code of `/invite` (easy to read aloud and type on a phone).
 */
export function newCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}
