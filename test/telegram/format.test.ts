import { describe, expect, it } from 'vitest';
import { packLines, type Line } from '../../src/adapters/kit/lines.js';
import { escapeHtml, toHtml } from '../../src/adapters/telegram/format.js';
import { parseTelegramHtml } from '../support/fake-telegram.js';

const text = (t: string): Line => ({ text: t, pre: false });
const pre = (t: string): Line => ({ text: t, pre: true });

describe('Telegram HTML rendering', () => {
  it('escapes the three characters Telegram reserves', () => {
    expect(escapeHtml('<b>A&B</b> "x"')).toBe('&lt;b&gt;A&amp;B&lt;/b&gt; "x"');
    expect(parseTelegramHtml(escapeHtml('<b>A&B</b> &amp;')).text).toBe('<b>A&B</b> &amp;');
  });

  it('wraps consecutive table lines in one <pre>', () => {
    const html = toHtml([text('Kết quả <1>'), text(''), pre('Mã  Tên'), pre('A&B  Đơn vị'), text('Hết')]);
    expect(html).toBe('Kết quả &lt;1&gt;\n\n<pre>Mã  Tên\nA&amp;B  Đơn vị</pre>\nHết');
    expect(parseTelegramHtml(html)).toEqual({ text: 'Kết quả <1>\n\nMã  Tên\nA&B  Đơn vị\nHết', pre: ['Mã  Tên\nA&B  Đơn vị'] });
  });

  it('reopens <pre> in each packed message, and counts the limit on the visible text', () => {
    const chunks = packLines(
      [text('a'.repeat(6)), text('b'.repeat(6)), pre('c'.repeat(6)), pre('d'.repeat(6)), pre('e'.repeat(6))],
      13,
    ).map(toHtml);
    expect(chunks).toEqual(['aaaaaa\nbbbbbb', '<pre>cccccc\ndddddd</pre>', '<pre>eeeeee</pre>']);
    for (const chunk of chunks) expect(parseTelegramHtml(chunk).text.length).toBeLessThanOrEqual(13);
    expect(packLines([text('<'.repeat(10)), text('&'.repeat(10))], 21)).toHaveLength(1);
  });
});
