import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dejavuFontFiles } from '../../src/reports/fonts.js';
import { TrueTypeFont } from '../../src/reports/ttf.js';

describe('TrueTypeFont', () => {
  const font = new TrueTypeFont(readFileSync(dejavuFontFiles().regular));
  const glyph = (ch: string) => font.glyph(ch.codePointAt(0)!);

  it('reads DejaVu Sans metrics', () => {
    expect(font.unitsPerEm).toBe(2048);
    expect(font.advance(glyph('a'))).toBe(1255);
    expect(font.advance(glyph('0'))).toBe(1303);
    expect(font.kern(glyph('A'), glyph('V'))).toBeLessThan(0);
    expect(font.kern(glyph('a'), glyph('b'))).toBe(0);
  });

  it('maps every Vietnamese letter to a drawn glyph', () => {
    const letters = 'aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ';
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    for (const letter of letters) {
      for (const tone of letter === 'đ' || letter === 'Đ' ? [''] : tones) {
        const ch = (letter + tone).normalize('NFC');
        expect([...ch], ch).toHaveLength(1);
        expect(glyph(ch), ch).toBeGreaterThan(0);
        expect(font.path(glyph(ch)), ch).toMatch(/^M[-\d. ]+[LQ]/);
      }
    }
  });

  it('draws composite glyphs with all their parts', () => {
    // "ệ" is built from "e", the circumflex and the dot below: three or more closed contours.
    expect((font.path(glyph('ệ')).match(/Z/g) ?? []).length).toBeGreaterThanOrEqual(3);
    expect(font.path(glyph(' '))).toBe('');
  });

  it('answers 0, the missing-glyph box, for characters the font lacks', () => {
    expect(font.glyph(0x4e2d)).toBe(0);
  });

  it('refuses what is not a TrueType font', () => {
    expect(() => new TrueTypeFont(new Uint8Array(64))).toThrow(/TrueType/);
  });
});
