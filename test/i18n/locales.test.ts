import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/app/commands/index.js';
import { I18n } from '../../src/i18n/i18n.js';

const i18n = new I18n(resolve('locales'));
const vi = i18n.ids.get('vi')!;
const en = i18n.ids.get('en')!;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Message ids the code names literally, plus the families it builds from a prefix. */
function usedIds(): Set<string> {
  const used = new Set<string>();
  const literal = /(?:\bkey:\s*|\b(?:say|UserError|ui|t)\(|\.format\([^,()]+,\s*)['"`]([a-z][a-z0-9-]+)['"`]/g;
  for (const file of sources(resolve('src'))) {
    // Doc comments show examples; only code counts.
    const text = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n');
    for (const m of text.matchAll(literal)) used.add(m[1]!);
  }
  for (const c of COMMANDS) used.add(`usage-${c.name}`).add(`cmd-${c.name}`);
  for (const k of ['section', 'criterion', 'bonus', 'deduction']) used.add(`kind-${k}`);
  for (const k of ['excellent', 'good', 'completed', 'not-completed', 'none']) used.add(`class-${k}`);
  for (const k of ['none', 'draft', 'submitted', 'reviewed', 'confirmed', 'disputed']) used.add(`sheet-state-${k}`);
  for (const k of ['leader', 'deputy']) used.add(`${k}-done`);
  return used;
}

describe('locales', () => {
  it('have the same message ids in Vietnamese and English', () => {
    expect(
      [...vi].filter((id) => !en.has(id)),
      'in vi.ftl only',
    ).toEqual([]);
    expect(
      [...en].filter((id) => !vi.has(id)),
      'in en.ftl only',
    ).toEqual([]);
  });

  it('define every id the code uses', () => {
    const missing = [...usedIds()].filter((id) => !vi.has(id) && !en.has(id));
    expect(missing).toEqual([]);
  });

  it('format Vietnamese numbers with a decimal comma and years without grouping', () => {
    expect(i18n.format('vi', 'score-recorded-one', { unit: 'BL', code: '1.1', points: 8.5, scored: 1, required: 14, total: 1234.5 })).toBe(
      'Đã ghi BL tự chấm tiêu chí 1.1: 8,5 điểm. Đã chấm 1/14 tiêu chí, tạm tính 1234,5 điểm.',
    );
    expect(i18n.format('en', 'term-opened', { year: 2026 })).toContain('Emulation year 2026 is open');
    expect(i18n.points('vi', 24.75)).toBe('24,75');
    expect(i18n.points('en', 24.75)).toBe('24.75');
  });

  it('throws on an unknown id rather than showing it', () => {
    expect(() => i18n.format('vi', 'no-such-message')).toThrow(/missing locale message/);
  });
});
