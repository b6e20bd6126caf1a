/**
 * Text made well-formed at the adapter boundary, so no input can reach the store malformed: a
 * lone UTF-16 surrogate (which a forged webhook can carry in JSON `\ud800` escapes, and which
 * PostgreSQL and Prisma reject) becomes U+FFFD, and NUL characters (PostgreSQL text cannot hold
 * them) are removed. Every string of an `Incoming` or a `ChatEvent` goes through it.
 */

/** One string, well-formed: lone surrogates → U+FFFD, NUL removed. */
export function wellFormed(text: string): string {
  // Fast path: the usual message has neither.
  if (!/[\u0000\ud800-\udfff]/.test(text)) return text;
  return text.replace(/\u0000/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * A copy of `value` with every string in it (object values, array items, nested) well-formed.
 * Functions (an attachment's `download`) and other non-plain values are kept as they are.
 */
export function wellFormedDeep<T>(value: T): T {
  if (typeof value === 'string') return wellFormed(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => wellFormedDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) copy[wellFormed(key)] = wellFormedDeep(v);
    return copy as T;
  }
  return value;
}
