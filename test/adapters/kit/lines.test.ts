import { describe, expect, it } from 'vitest';
import { packLines, plainLength, plainLines, type Line } from '../../../src/adapters/kit/lines.js';

const text = (t: string): Line => ({ text: t, pre: false });
const pre = (t: string): Line => ({ text: t, pre: true });

describe('packing lines under a limit', () => {
  it('breaks only between lines, each message within the limit, nothing lost', () => {
    const lines = plainLines(Array.from({ length: 100 }, (_, i) => `dòng ${i} ${'x'.repeat(50)}`).join('\n'));
    const chunks = packLines(lines, 1000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(plainLength(chunk)).toBeLessThanOrEqual(1000);
    expect(chunks.flat()).toEqual(lines);
  });

  it('keeps a table row whole and cuts only a line that alone exceeds the limit', () => {
    const chunks = packLines([text('a'.repeat(6)), pre('1  SNV  9,5'), pre('2  CA   8'), text('x'.repeat(25))], 12);
    expect(chunks).toEqual([
      [text('a'.repeat(6))],
      [pre('1  SNV  9,5')],
      [pre('2  CA   8')],
      [text('x'.repeat(12))],
      [text('x'.repeat(12))],
      [text('x')],
    ]);
  });

  it('drops blank edges and messages of blank lines only', () => {
    expect(packLines([text(''), text('Kết quả'), text(''), text('')], 100)).toEqual([[text('Kết quả')]]);
    expect(packLines([text(' '), text('')], 100)).toEqual([]);
    expect(packLines([pre('')], 100)).toEqual([[pre('')]]);
  });
});
