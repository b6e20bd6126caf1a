import type { ChartFonts } from './fonts.js';
import type { TrueTypeFont } from './ttf.js';
import { escapeXml } from './xml.js';

/** How a piece of text is set: size in px, weight, colour, and which end `x` refers to. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

interface Placed {
  glyph: number;
  x: number;
}

/**
 * Sets text as SVG paths from the fonts' own outlines, for the chart: `draw` places one glyph
 * reference per character (kerned, in font units inside a scaled group) and `defs` emits each
 * glyph outline once. Widths are exact, so `fit` and `wrap` cut labels precisely. Text is
 * normalised to NFC first: Vietnamese letters are then single precomposed glyphs. Create one per
 * chart: it remembers which glyphs that chart uses.
 */
export class GlyphText {
  private readonly used = new Map<string, string>();

  constructor(private readonly fonts: ChartFonts) {}

  private face(bold: boolean | undefined): TrueTypeFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  private layout(text: string, font: TrueTypeFont): { placed: Placed[]; advance: number } {
    const placed: Placed[] = [];
    let x = 0;
    let previous = -1;
    for (const ch of text.normalize('NFC')) {
      const glyph = font.glyph(ch.codePointAt(0)!);
      if (previous >= 0) x += font.kern(previous, glyph);
      placed.push({ glyph, x });
      x += font.advance(glyph);
      previous = glyph;
    }
    return { placed, advance: x };
  }

  /** The width of `text` in px at `size`. */
  width(text: string, size: number, bold = false): number {
    const font = this.face(bold);
    return (this.layout(text, font).advance * size) / font.unitsPerEm;
  }

  /** The longest start of `text` that fits `width` px, ending with `…` when something was cut. */
  fit(text: string, width: number, size: number, bold = false): string {
    const clean = text.normalize('NFC');
    if (this.width(clean, size, bold) <= width) return clean;
    const chars = [...clean];
    let lo = 0;
    let hi = chars.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.width(`${chars.slice(0, mid).join('').trimEnd()}…`, size, bold) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${chars.slice(0, lo).join('').trimEnd()}…`;
  }

  /** Wraps `text` at spaces into lines no wider than `width` px; at most `maxLines`, the last cut. */
  wrap(text: string, width: number, size: number, bold = false, maxLines = 2): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
      const next = line ? `${line} ${word}` : word;
      if (!line || this.width(next, size, bold) <= width) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    if (line) lines.push(line);
    const kept = lines.slice(0, maxLines);
    if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
    return kept.map((l) => this.fit(l, width, size, bold));
  }

  /** `text` as an SVG group at (`x`, baseline `y`), labelled with the text for readers. */
  draw(x: number, y: number, text: string, style: TextStyle): string {
    const font = this.face(style.bold);
    const scale = style.size / font.unitsPerEm;
    const { placed, advance } = this.layout(text, font);
    const left = style.anchor === 'end' ? x - advance * scale : style.anchor === 'middle' ? x - (advance * scale) / 2 : x;
    const prefix = style.bold ? 'b' : 'r';
    const uses: string[] = [];
    for (const { glyph, x: gx } of placed) {
      const id = `${prefix}${glyph}`;
      if (!this.used.has(id)) this.used.set(id, font.path(glyph));
      if (this.used.get(id)) uses.push(`<use xlink:href="#${id}" x="${gx}"/>`);
    }
    const fill = style.fill ? ` fill="${escapeXml(style.fill)}"` : '';
    // The text itself, escaped, for SVG readers and screen readers (the PNG does not need it).
    const label = ` aria-label="${escapeXml(text.normalize('NFC'))}"`;
    return `<g${label}${fill} transform="translate(${round(left)} ${round(y)}) scale(${round(scale, 6)})">${uses.join('')}</g>`;
  }

  /** The `<defs>` holding every glyph drawn so far. */
  defs(): string {
    const paths = [...this.used].filter(([, d]) => d).map(([id, d]) => `<path id="${id}" d="${d}"/>`);
    return `<defs>${paths.join('')}</defs>`;
  }
}

function round(value: number, digits = 2): string {
  const f = 10 ** digits;
  return String(Math.round(value * f) / f);
}
