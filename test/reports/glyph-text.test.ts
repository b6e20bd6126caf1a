import { describe, expect, it } from 'vitest';
import { chartFonts } from '../../src/reports/fonts.js';
import { GlyphText } from '../../src/reports/glyph-text.js';

/** The path data `GlyphText` defines for one character drawn alone. */
function outline(ch: string, bold = false): { id: string; d: string } {
  const type = new GlyphText(chartFonts());
  const drawn = type.draw(0, 0, ch, { size: 10, bold });
  const id = /xlink:href="#([rb]\d+)"/.exec(drawn)?.[1] ?? '';
  const d = new RegExp(`<path id="${id}" d="([^"]*)"/>`).exec(type.defs())?.[1] ?? '';
  return { id, d };
}

describe('GlyphText on DejaVu Sans (opentype.js)', () => {
  it('draws every Vietnamese letter, precomposed or typed with combining marks, as a real glyph', () => {
    const letters = 'aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐ';
    const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
    for (const letter of letters) {
      for (const tone of letter === 'đ' || letter === 'Đ' ? [''] : tones) {
        for (const bold of [false, true]) {
          const { id, d } = outline(letter + tone, bold);
          expect(id, letter + tone).not.toMatch(/^[rb]0$/);
          expect(d, letter + tone).toMatch(/^M[-\d. ]+[LQC]/);
        }
      }
    }
  });

  it('draws composite glyphs with all their parts, and nothing for a space', () => {
    // "ệ" is "e", the circumflex and the dot below: three or more contours.
    expect((outline('ệ').d.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(3);
    const type = new GlyphText(chartFonts());
    expect(type.draw(0, 0, ' ', { size: 10 })).not.toContain('xlink:href');
  });

  it('uses the font metrics: advances, Latin kerning, the missing-glyph box', () => {
    const type = new GlyphText(chartFonts());
    expect(chartFonts().regular.unitsPerEm).toBe(2048);
    expect(type.width('a', 2048)).toBe(1255);
    expect(type.width('0', 2048)).toBe(1303);
    expect(type.width('AV', 2048)).toBeLessThan(type.width('A', 2048) + type.width('V', 2048));
    expect(type.width('ab', 2048)).toBe(type.width('a', 2048) + type.width('b', 2048));
    expect(outline('中').id).toBe('r0');
  });
});
