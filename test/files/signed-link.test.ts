import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK_LIFETIME_MS, fileLink, signFileToken, verifyFileToken } from '../../src/files/signed-link.js';

const SECRET = 'link-secret-for-tests';
const NOW = new Date('2026-12-10T08:00:00Z');
const GRANT = { fileId: '3f2b8c1e-0d4a-4c55-9a61-7b2e8f0c9d11', expiresAt: new Date(NOW.getTime() + DEFAULT_LINK_LIFETIME_MS) };

describe('signed file links', () => {
  it('round-trips a grant until it expires, and not a second after', () => {
    const token = signFileToken(GRANT, SECRET);
    expect(verifyFileToken(token, SECRET, NOW)).toEqual(GRANT);
    expect(verifyFileToken(token, SECRET, new Date(GRANT.expiresAt.getTime() - 1000))).toEqual(GRANT);
    expect(verifyFileToken(token, SECRET, GRANT.expiresAt)).toBeUndefined();
  });

  it('refuses a token changed in any one character', () => {
    const token = signFileToken(GRANT, SECRET);
    for (let i = 0; i < token.length; i++) {
      const c = token[i] === 'A' ? 'B' : 'A';
      const changed = token.slice(0, i) + c + token.slice(i + 1);
      if (changed !== token) expect(verifyFileToken(changed, SECRET, NOW)).toBeUndefined();
    }
  });

  it('refuses a longer expiry with the old signature, another secret, and junk', () => {
    const token = signFileToken(GRANT, SECRET);
    const [id, expires, sig] = token.split('.') as [string, string, string];
    expect(verifyFileToken(`${id}.${Number(expires) + 86400}.${sig}`, SECRET, NOW)).toBeUndefined();
    expect(verifyFileToken(token, 'another-secret', NOW)).toBeUndefined();
    for (const junk of ['', '.', '..', 'a.b.c', `${id}.${expires}`, `${token}.x`, `../../etc.1.${sig}`]) {
      expect(verifyFileToken(junk, SECRET, NOW)).toBeUndefined();
    }
  });

  it('builds the address under PUBLIC_URL', () => {
    expect(fileLink('https://thidua.example.vn/', 'abc')).toBe('https://thidua.example.vn/files/abc');
    expect(() => signFileToken({ fileId: '../x', expiresAt: NOW }, SECRET)).toThrow(RangeError);
  });
});
