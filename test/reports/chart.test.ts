import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { CLASS_COLOURS, rankingChartSvg } from '../../src/reports/chart-svg.js';
import { rankingChartPng } from '../../src/reports/chart.js';
import { chartFonts, dejavuFontFiles } from '../../src/reports/fonts.js';
import { GlyphText } from '../../src/reports/glyph-text.js';
import { decodePng } from './png.js';
import { reportsI18n, sampleInput } from './fixtures.js';

const i18n = reportsI18n();
const vi = i18n.translator('vi');

const hex = (colour: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];

/** The class-coloured bars of an SVG, in document order. */
function bars(svg: string): { x: number; y: number; width: number; fill: string }[] {
  return [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="18" rx="2" fill="(#[0-9a-f]{6})"\/>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    width: Number(m[3]),
    fill: m[4]!,
  }));
}

describe('rankingChartPng', () => {
  const { input } = sampleInput({ provisional: true });
  const svg = rankingChartSvg(input, vi, 'vi');
  const png = rankingChartPng(input, vi, 'vi');
  const image = decodePng(png);

  it('is a PNG 1000 px wide, as tall as its 13 rows need', () => {
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(image.width).toBe(1000);
    expect(image.height).toBe(height);
    expect(image.height).toBeGreaterThan(13 * 26);
    expect(image.height).toBeLessThan(700);
    expect(png.byteLength).toBeGreaterThan(10_000);
    expect(png.byteLength).toBeLessThan(400_000);
  });

  it('draws one bar per scored unit, in rank order, coloured by classification and as long as its total', () => {
    const drawn = bars(svg);
    const scored = input.table.rows.filter((r) => r.total !== null);
    expect(drawn).toHaveLength(scored.length);
    const full = drawn[0]!.width / (scored[0]!.total! / 100);
    scored.forEach((row, i) => {
      const bar = drawn[i]!;
      expect(bar.fill).toBe(CLASS_COLOURS[row.classification!]);
      expect(bar.width).toBeCloseTo((row.total! / 100) * full, 0);
      if (i > 0) expect(bar.y).toBeGreaterThan(drawn[i - 1]!.y);
      // The PNG shows that colour in the middle of the bar.
      expect(image.pixel(bar.x + bar.width / 2, bar.y + 9)).toEqual(hex(bar.fill));
    });
    expect(new Set(drawn.map((b) => b.fill)).size).toBe(4);
  });

  it('leaves the unit that never submitted last, unranked, with an empty bar', () => {
    const drawn = bars(svg);
    const lastBar = drawn[drawn.length - 1]!;
    const noSheetY = lastBar.y + 26;
    const [r, g, b] = image.pixel(lastBar.x + 400, noSheetY + 9);
    expect(Math.min(r, g, b)).toBeGreaterThan(230);
    expect(svg).toContain('aria-label="không nộp"');
    expect(svg.lastIndexOf('aria-label="VL"')).toBeGreaterThan(svg.lastIndexOf('aria-label="TV"'));
    expect(svg.slice(svg.lastIndexOf('aria-label="TV"'), svg.lastIndexOf('aria-label="VL"'))).toContain('aria-label="–"');
  });

  it('writes the cluster, year, round and provisional mark, values with a decimal comma', () => {
    expect(svg).toContain('aria-label="Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ"');
    expect(svg).toContain('aria-label="Kết quả chấm điểm thi đua năm 2026 – Tổng kết năm"');
    expect(svg).toContain('aria-label="(tạm tính)"');
    expect(svg).toContain('aria-label="97,5"');
    expect(svg).not.toContain('aria-label="97.5"');
    for (const label of ['Xuất sắc', 'Tốt', 'Hoàn thành', 'Chưa hoàn thành', 'Không nộp']) expect(svg).toContain(`aria-label="${label}"`);
    const en = rankingChartSvg(input, i18n.translator('en'), 'en');
    expect(en).toContain('aria-label="97.5"');
    expect(en).toContain('aria-label="(provisional)"');
  });

  it('escapes unit names and cuts long ones to fit', () => {
    expect(svg).toContain('aria-label="Sở Nội vụ thành phố Cần Thơ, &quot;TP tr…"');
    expect(svg).not.toMatch(/<Tây Đô>/);
    const { input: named } = sampleInput();
    named.table.rows[0]!.unitName = 'Sở A & B <C> "D"';
    const escaped = rankingChartSvg(named, vi, 'vi');
    expect(escaped).toContain('aria-label="Sở A &amp; B &lt;C&gt; &quot;D&quot;"');
    expect(() => new Resvg(escaped)).not.toThrow();
  });

  it('really draws the text: every row has ink left of its bar', () => {
    const drawn = bars(svg);
    for (const bar of drawn) {
      let ink = 0;
      for (let x = 30; x < 350; x++) for (let dy = 2; dy < 16; dy++) if (image.pixel(x, bar.y + dy)[0] < 128) ink++;
      expect(ink).toBeGreaterThan(40);
    }
  });

  it('has no title mark once the round is closed', () => {
    const closed = rankingChartSvg(sampleInput({ provisional: false }).input, vi, 'vi');
    expect(closed).not.toContain('tạm tính');
  });

  it('grows with the number of units and keeps them all', () => {
    const { input: many } = sampleInput({ withoutSheet: ['VL', 'AG'] });
    const svg2 = rankingChartSvg(many, vi, 'vi');
    expect(bars(svg2)).toHaveLength(11);
    expect((svg2.match(/aria-label="không nộp"/g) ?? []).length).toBe(2);
  });
});

describe('GlyphText', () => {
  it('draws text as resvg would with the same DejaVu fonts', () => {
    const text = 'Sở Nội vụ Bạc Liêu – Đồng Tháp, Cần Thơ: 96,75 điểm · AVATAR';
    for (const bold of [false, true]) {
      const type = new GlyphText(chartFonts());
      const body = type.draw(10, 40, text, { size: 20, bold });
      const frame = (inner: string, defs = '') =>
        `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="800" height="60">${defs}<rect width="100%" height="100%" fill="#fff"/>${inner}</svg>`;
      const files = dejavuFontFiles();
      const ours = new Resvg(frame(body, type.defs()), { font: { loadSystemFonts: false } }).render().pixels;
      const reference = new Resvg(
        frame(`<text x="10" y="40" font-family="DejaVu Sans" font-size="20"${bold ? ' font-weight="bold"' : ''}>${text}</text>`),
        {
          font: { fontFiles: [files.regular, files.bold], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
        },
      ).render().pixels;
      let differing = 0;
      let ink = 0;
      for (let i = 0; i < ours.length; i += 4) {
        if (Math.abs(ours[i]! - reference[i]!) > 80) differing++;
        if (reference[i]! < 128) ink++;
      }
      expect(ink).toBeGreaterThan(2000);
      expect(differing).toBeLessThan(ink * 0.02);
    }
  });

  it('measures exactly and cuts text to a width', () => {
    const type = new GlyphText(chartFonts());
    // DejaVu Sans: "a" is 1255 units of 2048.
    expect(type.width('aaaa', 2048)).toBe(4 * 1255);
    expect(type.width('AV', 20)).toBeLessThan(type.width('A', 20) + type.width('V', 20));
    const cut = type.fit('Sở Nội vụ thành phố Cần Thơ', 120, 13);
    expect(cut.endsWith('…')).toBe(true);
    expect(type.width(cut, 13)).toBeLessThanOrEqual(120);
    expect(type.fit('Sở Nội vụ', 120, 13)).toBe('Sở Nội vụ');
    expect(type.wrap('Cụm thi đua Sở Nội vụ các tỉnh, thành miền Tây Nam Bộ', 300, 20, true, 2)).toHaveLength(2);
  });
});
