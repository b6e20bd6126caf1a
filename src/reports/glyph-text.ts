import type opentype from 'opentype.js';
import type { ChartFonts } from './fonts.js';
import { escapeXml } from './xml.js';

/** How a piece of text is set: size in px, weight, colour, and which end `x` refers to. */
export interface TextStyle {
  size: number;
  bold?: boolean;
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

interface Placed {
  glyph: opentype.Glyph;
  x: number;
}

/** The part of opentype.js 2's GPOS reader used here (its typings, @types/opentype.js 1.3, predate it). */
interface Positioning {
  getKerningTables(script: string): unknown;
  getKerningValue(tables: unknown, left: number, right: number): number;
}

/**
 * What the chart needs of one face, looked up through opentype.js once per glyph, pair and
 * process: glyph per character, advance widths, kerning, and each glyph's outline as SVG path
 * data in font units with y down, origin on the baseline. Kerning is read from the GPOS lookups
 * of the Latin script, as a shaper does for Vietnamese (DejaVu's default-script lookups leave
 * Latin pairs such as `AV` unkerned), else from the `kern` table.
 */
class Face {
  readonly unitsPerEm: number;
  private readonly glyphs = new Map<string, opentype.Glyph>();
  private readonly kerning = new Map<number, number>();
  private readonly paths = new Map<number, string>();
  private readonly position: Positioning | undefined;
  private readonly latin: unknown;

  constructor(private readonly font: opentype.Font) {
    this.unitsPerEm = font.unitsPerEm;
    this.position = (font as opentype.Font & { position?: Positioning }).position;
    this.latin = this.position?.getKerningTables('latn');
  }

  /** The glyph of a character; the missing-glyph box (index 0) when the font has none. */
  glyph(ch: string): opentype.Glyph {
    let glyph = this.glyphs.get(ch);
    if (!glyph) {
      glyph = this.font.glyphs.get(this.font.charToGlyphIndex(ch));
      this.glyphs.set(ch, glyph);
    }
    return glyph;
  }

  kern(left: number, right: number): number {
    const key = left * 65536 + right;
    let value = this.kerning.get(key);
    if (value === undefined) {
      value = this.position && this.latin ? this.position.getKerningValue(this.latin, left, right) : this.font.getKerningValue(left, right);
      this.kerning.set(key, value);
    }
    return value;
  }

  path(glyph: opentype.Glyph): string {
    let d = this.paths.get(glyph.index);
    if (d === undefined) {
      d = glyph.getPath(0, 0, this.unitsPerEm).toPathData(2);
      this.paths.set(glyph.index, d);
    }
    return d;
  }
}

const faces = new WeakMap<opentype.Font, Face>();

function faceOf(font: opentype.Font): Face {
  let face = faces.get(font);
  if (!face) {
    face = new Face(font);
    faces.set(font, face);
  }
  return face;
}

/**
 * Sets text as SVG paths from the fonts' own outlines (read by opentype.js), for the chart:
 * `draw` places one glyph reference per character (kerned, in font units inside a scaled group)
 * and `defs` emits each glyph outline once. Widths are exact, so `fit` and `wrap` cut labels
 * precisely. Text is normalised to NFC first: Vietnamese letters are then single precomposed
 * glyphs. Create one per chart: it remembers which glyphs that chart uses.
 *
 * Why paths rather than SVG `<text>`: resvg-js re-reads the whole font file for every glyph of
 * every `<text>` it lays out, which made a 50-unit chart several times slower than its 200 ms
 * budget; outlines parsed once per process and placed as paths render in a fraction of that.
 */
export class GlyphText {
  private readonly used = new Map<string, string>();

  constructor(private readonly fonts: ChartFonts) {}

  private face(bold: boolean | undefined): Face {
    return faceOf(bold ? this.fonts.bold : this.fonts.regular);
  }

  private layout(text: string, font: Face): { placed: Placed[]; advance: number } {
    const placed: Placed[] = [];
    let x = 0;
    let previous = -1;
    for (const ch of text.normalize('NFC')) {
      const glyph = font.glyph(ch);
      if (previous >= 0) x += font.kern(previous, glyph.index);
      placed.push({ glyph, x });
      x += glyph.advanceWidth ?? 0;
      previous = glyph.index;
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
      const id = `${prefix}${glyph.index}`;
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
