import { afterAll, describe, expect, it } from 'vitest';
import { planReply, type PlannedPart } from '../../../src/adapters/kit/plan.js';
import type { Capabilities } from '../../../src/delivery.js';
import type { Reply } from '../../../src/reply.js';
import { testI18n } from '../../telegram/harness.js';

const { i18n, dispose } = testI18n();
afterAll(dispose);

const ALL: Capabilities = { images: true, files: true, buttons: true, edits: true, textLimit: 4096, captionLimit: 1024 };
const NOTHING: Capabilities = { images: false, files: false, buttons: false, edits: false, textLimit: 2000, captionLimit: 0 };
const say = (text: string) => ({ key: 't-echo', args: { text } });
const png = { fileName: 'xep-hang.png', mimeType: 'image/png', bytes: new Uint8Array([1]) };
const csv = { fileName: 'bang-tong-hop.csv', mimeType: 'text/csv', bytes: new Uint8Array([2]), caption: say('Bảng tổng hợp') };
const table = {
  headers: [say('Hạng'), say('Đơn vị')],
  rows: [
    [1, 'SNV'],
    [2, 'CA'],
  ],
  numeric: [0],
};
const buttons = [[{ label: say('Sơ kết'), data: '/results midyear' }]];

const plan = (reply: Reply, capabilities = ALL, quote = true) => planReply({ i18n, locale: 'vi', reply, capabilities, quote });
const texts = (parts: PlannedPart[]) => parts.map((p) => (p.kind === 'text' ? p.lines : p.caption).map((l) => l.text).join('\n'));

describe('reply planning', () => {
  it('orders picture, text, file; buttons on the last part; the quote on the first only', () => {
    const parts = plan({ text: [say('Kết quả')], table, image: png, file: csv, buttons });
    expect(parts.map((p) => p.kind)).toEqual(['image', 'file']);
    expect(texts(parts)[0]).toMatch(/^Kết quả\n\nHạng\s+Đơn vị\n/);
    expect(parts.map((p) => p.quote)).toEqual([true, false]);
    expect(parts.map((p) => p.buttons)).toEqual([undefined, buttons]);
    expect(plan({ text: [say('a')] }, ALL, false)[0]!.quote).toBe(false);
  });

  it('moves a table that does not fit a caption after the picture, keeping the sentences as caption', () => {
    const rows = Array.from({ length: 80 }, (_, i) => [i + 1, `Đơn vị số ${i}`]);
    const parts = plan({ text: [say('Kết quả')], table: { ...table, rows }, image: png });
    expect(parts.map((p) => p.kind)).toEqual(['image', 'text']);
    expect(texts(parts)[0]).toBe('Kết quả');
    expect(parts[1]!.kind === 'text' && parts[1]!.lines.every((l) => l.pre)).toBe(true);
  });

  it('degrades buttons to the commands to type, files and pictures to a sentence saying where to get them', () => {
    const parts = plan({ text: [say('Kết quả')], table, image: png, file: csv, buttons }, NOTHING);
    expect(parts.map((p) => p.kind)).toEqual(['text']);
    expect(parts[0]!.buttons).toBeUndefined();
    const [text] = texts(parts);
    expect(text).toContain('Kết quả');
    expect(text).toMatch(/^ +1 +SNV$/m);
    expect(text).toContain('• Sơ kết: gõ /results midyear');
    expect(text).toContain('Tệp “bang-tong-hop.csv” không gửi được trên nền tảng này');
    expect(text).toContain('Biểu đồ “xep-hang.png” không hiển thị được');
  });

  it('never plans an undeliverable part: long text is packed under the limit, buttons alone get their commands', () => {
    const long = Array.from({ length: 200 }, (_, i) => `Dòng ${i}: ${'đánh giá '.repeat(3)}`).join('\n');
    const parts = plan({ text: [say(long)], file: csv }, NOTHING);
    for (const part of parts)
      expect(part.kind === 'text' && part.lines.reduce((n, l) => n + l.text.length + 1, -1)).toBeLessThanOrEqual(2000);
    expect(texts(parts).join('\n')).toContain('Dòng 199: ');
    const alone = plan({ buttons });
    expect(alone).toHaveLength(1);
    expect(alone[0]!.buttons).toEqual(buttons);
    expect(texts(alone)[0]).toBe('• Sơ kết: gõ /results midyear');
    expect(plan({})).toEqual([]);
  });

  it('sends a caption too long for the document as text before it', () => {
    const parts = plan({ file: { ...csv, caption: say('x'.repeat(1500)) } });
    expect(parts.map((p) => p.kind)).toEqual(['text', 'file']);
    expect(parts[1]!.kind === 'file' && parts[1]!.caption).toEqual([]);
  });
});
