import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import opentype from 'opentype.js';

/** The DejaVu Sans files (regular, bold) as shipped by the `dejavu-fonts-ttf` npm package. */
export function dejavuFontFiles(): { regular: string; bold: string } {
  const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return { regular: join(dir, 'DejaVuSans.ttf'), bold: join(dir, 'DejaVuSans-Bold.ttf') };
}

/** The two faces the chart is drawn with, parsed by opentype.js. */
export interface ChartFonts {
  regular: opentype.Font;
  bold: opentype.Font;
}

let fonts: ChartFonts | null = null;

function load(file: string): opentype.Font {
  const bytes = readFileSync(file);
  // lowMemory: glyphs are parsed when first drawn, not all 6,000 at start (about 5× faster to load).
  return opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
}

/**
 * DejaVu Sans, regular and bold, read once per process from npm (`dejavu-fonts-ttf`): it has
 * every Vietnamese letter, and shipping it means the chart never depends on the fonts of the
 * server it runs on.
 */
export function chartFonts(): ChartFonts {
  if (!fonts) {
    const files = dejavuFontFiles();
    fonts = { regular: load(files.regular), bold: load(files.bold) };
  }
  return fonts;
}
