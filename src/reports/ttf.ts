/**
 * Just enough of a TrueType reader to draw text as SVG paths: character → glyph (cmap), advance
 * widths (hmtx), kerning pairs (kern), and glyph outlines (glyf, simple and composite).
 *
 * Why the chart draws its own glyphs instead of SVG `<text>`: resvg-js re-reads the whole font
 * file for every glyph of every `<text>` it lays out, which made a 50-unit chart several times
 * slower than the 200 ms budget. Outlines read once per process and placed as paths
 * render in a fraction of that, and the exact advance widths let labels be cut to fit exactly.
 */

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

const ARG_WORDS = 0x0001;
const ARGS_ARE_XY = 0x0002;
const HAS_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const HAS_XY_SCALE = 0x0040;
const HAS_2X2 = 0x0080;

interface Point {
  x: number;
  y: number;
  on: boolean;
}

/** One TrueType-outline font, parsed once; glyph outlines are decoded on first use and kept. */
export class TrueTypeFont {
  readonly unitsPerEm: number;
  private readonly view: DataView;
  private readonly tables = new Map<string, { offset: number; length: number }>();
  private readonly cmap = new Map<number, number>();
  private readonly kerning = new Map<number, number>();
  private readonly glyphCount: number;
  private readonly hMetricCount: number;
  private readonly longLoca: boolean;
  private readonly paths = new Map<number, string>();

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    const version = v.getUint32(0);
    if (version !== 0x00010000 && version !== 0x74727565) throw new Error('not a TrueType-outline font');
    for (let i = 0, n = v.getUint16(4); i < n; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));
      this.tables.set(tag, { offset: v.getUint32(at + 8), length: v.getUint32(at + 12) });
    }
    this.unitsPerEm = v.getUint16(this.table('head') + 18);
    this.longLoca = v.getInt16(this.table('head') + 50) === 1;
    this.glyphCount = v.getUint16(this.table('maxp') + 4);
    this.hMetricCount = v.getUint16(this.table('hhea') + 34);
    this.readCmap();
    this.readKerning();
  }

  private table(tag: string): number {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`font has no ${tag} table`);
    return t.offset;
  }

  private readCmap(): void {
    const v = this.view;
    const cmap = this.table('cmap');
    let format4 = -1;
    let format12 = -1;
    for (let i = 0, n = v.getUint16(cmap + 2); i < n; i++) {
      const at = cmap + 4 + i * 8;
      const platform = v.getUint16(at);
      const encoding = v.getUint16(at + 2);
      const sub = cmap + v.getUint32(at + 4);
      const format = v.getUint16(sub);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (unicode && format === 12) format12 = sub;
      if (unicode && format === 4) format4 = sub;
    }
    if (format12 >= 0) {
      for (let g = 0, n = v.getUint32(format12 + 12); g < n; g++) {
        const at = format12 + 16 + g * 12;
        const start = v.getUint32(at);
        const end = v.getUint32(at + 4);
        const glyph = v.getUint32(at + 8);
        for (let cp = start; cp <= end; cp++) this.cmap.set(cp, glyph + cp - start);
      }
      return;
    }
    if (format4 < 0) throw new Error('font has no Unicode cmap');
    const segments = v.getUint16(format4 + 6) / 2;
    const ends = format4 + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    for (let s = 0; s < segments; s++) {
      const start = v.getUint16(starts + s * 2);
      const end = v.getUint16(ends + s * 2);
      const delta = v.getInt16(deltas + s * 2);
      const rangeOffset = v.getUint16(rangeOffsets + s * 2);
      for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
        let glyph = (cp + delta) & 0xffff;
        if (rangeOffset !== 0) {
          const raw = v.getUint16(rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2);
          glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
        }
        if (glyph !== 0) this.cmap.set(cp, glyph);
      }
    }
  }

  /** Horizontal kerning pairs of a version-0 `kern` table, format-0 subtables. */
  private readKerning(): void {
    const kern = this.tables.get('kern');
    if (!kern) return;
    const v = this.view;
    if (v.getUint16(kern.offset) !== 0) return;
    let at = kern.offset + 4;
    for (let i = 0, n = v.getUint16(kern.offset + 2); i < n; i++) {
      const length = v.getUint16(at + 2);
      const coverage = v.getUint16(at + 4);
      const horizontal = (coverage & 0x1) !== 0 && (coverage & 0x4) === 0;
      if (coverage >> 8 === 0 && horizontal) {
        for (let p = 0, pairs = v.getUint16(at + 6); p < pairs; p++) {
          const pair = at + 14 + p * 6;
          this.kerning.set(v.getUint16(pair) * 65536 + v.getUint16(pair + 2), v.getInt16(pair + 4));
        }
      }
      at += length;
    }
  }

  /** The glyph of a character; 0 (the "missing" box) when the font has none. */
  glyph(codePoint: number): number {
    return this.cmap.get(codePoint) ?? 0;
  }

  /** The advance width of a glyph, in font units. */
  advance(glyph: number): number {
    const hmtx = this.table('hmtx');
    return this.view.getUint16(hmtx + Math.min(glyph, this.hMetricCount - 1) * 4);
  }

  /** The kerning between two glyphs, in font units (usually ≤ 0). */
  kern(left: number, right: number): number {
    return this.kerning.get(left * 65536 + right) ?? 0;
  }

  private glyphRange(glyph: number): [number, number] {
    const loca = this.table('loca');
    const at = (g: number) => (this.longLoca ? this.view.getUint32(loca + g * 4) : this.view.getUint16(loca + g * 2) * 2);
    const glyf = this.table('glyf');
    return [glyf + at(glyph), glyf + at(glyph + 1)];
  }

  /** A glyph's contours in font units (y up); composite glyphs are resolved. */
  private contours(glyph: number, depth = 0): Point[][] {
    if (glyph >= this.glyphCount || depth > 8) return [];
    const [start, end] = this.glyphRange(glyph);
    if (end <= start) return [];
    const v = this.view;
    const contourCount = v.getInt16(start);
    return contourCount >= 0 ? this.simple(start, contourCount) : this.composite(start, depth);
  }

  private simple(start: number, contourCount: number): Point[][] {
    const v = this.view;
    const endPoints: number[] = [];
    for (let i = 0; i < contourCount; i++) endPoints.push(v.getUint16(start + 10 + i * 2));
    const pointCount = contourCount ? endPoints[contourCount - 1]! + 1 : 0;
    let at = start + 10 + contourCount * 2;
    at += 2 + v.getUint16(at); // instructions
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = v.getUint8(at++);
      flags.push(flag);
      if (flag & REPEAT) for (let r = v.getUint8(at++); r > 0; r--) flags.push(flag);
    }
    const read = (short: number, same: number): number[] => {
      const values: number[] = [];
      let value = 0;
      for (const flag of flags.slice(0, pointCount)) {
        if (flag & short) {
          const d = v.getUint8(at++);
          value += flag & same ? d : -d;
        } else if (!(flag & same)) {
          value += v.getInt16(at);
          at += 2;
        }
        values.push(value);
      }
      return values;
    };
    const xs = read(X_SHORT, X_SAME_OR_POSITIVE);
    const ys = read(Y_SHORT, Y_SAME_OR_POSITIVE);
    const contours: Point[][] = [];
    let first = 0;
    for (const last of endPoints) {
      const contour: Point[] = [];
      for (let p = first; p <= last; p++) contour.push({ x: xs[p]!, y: ys[p]!, on: (flags[p]! & ON_CURVE) !== 0 });
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }

  private composite(start: number, depth: number): Point[][] {
    const v = this.view;
    const contours: Point[][] = [];
    let at = start + 10;
    for (;;) {
      const flags = v.getUint16(at);
      const component = v.getUint16(at + 2);
      at += 4;
      let dx = 0;
      let dy = 0;
      if (flags & ARG_WORDS) {
        dx = v.getInt16(at);
        dy = v.getInt16(at + 2);
        at += 4;
      } else {
        dx = v.getInt8(at);
        dy = v.getInt8(at + 1);
        at += 2;
      }
      // Point-matched placement (args are point numbers) is rare; such a component stays in place.
      if (!(flags & ARGS_ARE_XY)) dx = dy = 0;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (offset: number) => v.getInt16(offset) / 16384;
      if (flags & HAS_SCALE) {
        a = d = f2dot14(at);
        at += 2;
      } else if (flags & HAS_XY_SCALE) {
        a = f2dot14(at);
        d = f2dot14(at + 2);
        at += 4;
      } else if (flags & HAS_2X2) {
        [a, b, c, d] = [f2dot14(at), f2dot14(at + 2), f2dot14(at + 4), f2dot14(at + 6)];
        at += 8;
      }
      for (const contour of this.contours(component, depth + 1)) {
        contours.push(contour.map((p) => ({ x: a * p.x + c * p.y + dx, y: b * p.x + d * p.y + dy, on: p.on })));
      }
      if (!(flags & MORE_COMPONENTS)) break;
    }
    return contours;
  }

  /**
   * A glyph's outline as SVG path data in font units with y pointing down (SVG's way), origin
   * on the baseline at the left edge; empty for blank glyphs such as the space.
   */
  path(glyph: number): string {
    let d = this.paths.get(glyph);
    if (d !== undefined) return d;
    const n = (value: number) => String(Math.round(value * 100) / 100);
    const pt = (p: { x: number; y: number }) => `${n(p.x)} ${n(-p.y)}`;
    const parts: string[] = [];
    for (const contour of this.contours(glyph)) {
      if (contour.length < 2) continue;
      // Start on an on-curve point, or halfway between two off-curve points; two off-curve
      // points in a row imply an on-curve point halfway between them.
      const firstOn = contour.findIndex((p) => p.on);
      const start = firstOn >= 0 ? contour[firstOn]! : mid(contour[contour.length - 1]!, contour[0]!);
      const order = firstOn >= 0 ? [...contour.slice(firstOn + 1), ...contour.slice(0, firstOn)] : contour;
      parts.push(`M${pt(start)}`);
      let control: Point | null = null;
      for (const p of [...order, start]) {
        if (p.on) {
          parts.push(control ? `Q${pt(control)} ${pt(p)}` : `L${pt(p)}`);
          control = null;
        } else {
          if (control) parts.push(`Q${pt(control)} ${pt(mid(control, p))}`);
          control = p;
        }
      }
      parts.push('Z');
    }
    d = parts.join('');
    this.paths.set(glyph, d);
    return d;
  }
}

function mid(a: { x: number; y: number }, b: { x: number; y: number }): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, on: true };
}
