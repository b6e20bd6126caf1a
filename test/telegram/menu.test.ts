import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MENU, menuCommands } from '../../src/adapters/telegram/commands.js';
import { LOCALES_DIR, testI18n } from './harness.js';

function ids(file: string): string[] {
  return [...readFileSync(join(LOCALES_DIR, file), 'utf8').matchAll(/^([a-z][a-z0-9-]*)\s*=/gm)].map((m) => m[1]!);
}

describe('Telegram locale files and command menu', () => {
  it('define the same message ids in Vietnamese and English', () => {
    const vi = ids('vi.telegram.ftl');
    const en = ids('en.telegram.ftl');
    expect(vi.length).toBeGreaterThan(30);
    expect([...vi].sort()).toEqual([...en].sort());
    expect(new Set(vi).size).toBe(vi.length);
  });

  it('list every contract command with its alias, within Telegram’s rules', () => {
    const { i18n, dispose } = testI18n();
    try {
      for (const locale of ['vi', 'en'] as const) {
        const menu = menuCommands(i18n, locale);
        expect(menu.length).toBe(MENU.length * 2 - 1);
        expect(menu.length).toBeLessThanOrEqual(100);
        for (const c of menu) {
          expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
          expect(c.description.length).toBeGreaterThan(0);
          expect(c.description.length).toBeLessThanOrEqual(256);
        }
      }
      expect(menuCommands(i18n, 'vi').find((c) => c.command === 'tieuchi')!.description).toContain('tiêu chí');
    } finally {
      dispose();
    }
  });

  it('match the commands the core knows (names and aliases)', async () => {
    const { COMMAND_INDEX } = await import('../../src/app/commands/index.js');
    const menu = new Set(MENU.flatMap((c) => [c.name, ...(c.alias ? [c.alias] : [])]));
    expect([...menu].sort()).toEqual([...COMMAND_INDEX.keys()].sort());
  });
});
