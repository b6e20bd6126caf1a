import { describe, expect, it } from 'vitest';
import { captionHtml, escapeHtml, htmlChunks, plainLength, toHtml, type Line } from '../../src/adapters/telegram/format.js';
import { parseTelegramHtml } from '../support/fake-telegram.js';

const text = (t: string): Line => ({ text: t, pre: false });
const pre = (t: string): Line => ({ text: t, pre: true });

describe('Telegram HTML rendering', () => {
  it('escapes the three characters Telegram reserves', () => {
    expect(escapeHtml('<b>A&B</b> "x"')).toBe('&lt;b&gt;A&amp;B&lt;/b&gt; "x"');
    expect(parseTelegramHtml(escapeHtml('<b>A&B</b> &amp;')).text).toBe('<b>A&B</b> &amp;');
  });

  it('wraps consecutive table lines in one <pre> and trims blank edges', () => {
    const html = toHtml([text(''), text('Kết quả <1>'), text(''), pre('Mã  Tên'), pre('A&B  Đơn vị'), text('Hết'), text('')]);
    expect(html).toBe('Kết quả &lt;1&gt;\n\n<pre>Mã  Tên\nA&amp;B  Đơn vị</pre>\nHết');
    expect(parseTelegramHtml(html)).toEqual({ text: 'Kết quả <1>\n\nMã  Tên\nA&B  Đơn vị\nHết', pre: ['Mã  Tên\nA&B  Đơn vị'] });
  });

  it('splits at line boundaries within the limit, reopening <pre> in the next message', () => {
    const lines = [text('a'.repeat(6)), text('b'.repeat(6)), pre('c'.repeat(6)), pre('d'.repeat(6)), pre('e'.repeat(6))];
    const chunks = htmlChunks(lines, 13);
    expect(chunks).toEqual(['aaaaaa\nbbbbbb', '<pre>cccccc\ndddddd</pre>', '<pre>eeeeee</pre>']);
    for (const chunk of chunks) expect(parseTelegramHtml(chunk).text.length).toBeLessThanOrEqual(13);
  });

  it('counts the limit on the visible text, not on the escaped HTML', () => {
    const lines = [text('<'.repeat(10)), text('&'.repeat(10))];
    expect(htmlChunks(lines, 21)).toHaveLength(1);
    expect(htmlChunks(lines, 20)).toHaveLength(2);
  });

  it('cuts a single line longer than the limit', () => {
    const chunks = htmlChunks([text('x'.repeat(10_000))]);
    expect(chunks.map((c) => c.length)).toEqual([4096, 4096, 1808]);
  });

  it('gives a caption only when it fits in 1,024 characters', () => {
    expect(captionHtml([text('Kết quả'), pre('1  SNV')])).toBe('Kết quả\n<pre>1  SNV</pre>');
    expect(captionHtml([text('x'.repeat(1025))])).toBeUndefined();
    expect(captionHtml([])).toBeUndefined();
    expect(plainLength([text('ab'), pre('cd')])).toBe(5);
  });
});
