import { FluentResource } from '@fluent/bundle';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { I18n } from '../../src/i18n/i18n.js';
import { REMINDER_MESSAGE_IDS } from '../../src/scheduler/index.js';
import { reminderI18n } from './fixtures.js';

function ids(file: string): string[] {
  return new FluentResource(readFileSync(`locales/${file}`, 'utf8')).body.map((entry) => entry.id).sort();
}

const SAMPLE = {
  kind: 'midyear',
  deadline: '30/06/2025 23:59',
  days: 3,
  count: 2,
  code: 'BL',
  name: 'Sở Nội vụ Bạc Liêu',
  at: '24/08/2025 08:00',
  place: 'Bạc Liêu',
  year: 2025,
  due: '29/06/2025 08:00',
  id: 3,
  question: 'Đề nghị tặng Cờ thi đua',
  round: 1,
  closes: '10/12/2026 17:00',
  opened: '10/12/2026 09:00',
  issued: 13,
  chat: 'Cụm thi đua miền Tây',
};

describe('reminder locale files', () => {
  it('define the same ids in Vietnamese and English, exactly those the code uses', () => {
    expect(ids('vi.reminders.ftl')).toEqual(ids('en.reminders.ftl'));
    expect(ids('vi.reminders.ftl')).toEqual([...REMINDER_MESSAGE_IDS].sort());
  });

  it('format every message in both languages without errors', () => {
    const i18n = reminderI18n();
    for (const id of REMINDER_MESSAGE_IDS) {
      const vi = i18n.format('vi', id, SAMPLE);
      const en = i18n.format('en', id, SAMPLE);
      expect(vi.length).toBeGreaterThan(0);
      expect(en.length).toBeGreaterThan(0);
      expect(vi).not.toMatch(/\{|\}/);
    }
  });

  it('write Vietnamese with its diacritics and say days naturally', () => {
    const i18n = reminderI18n();
    const t = (days: number) => i18n.format('vi', 'reminder-round-submit', { ...SAMPLE, days });
    expect(t(0)).toContain('(hôm nay)');
    expect(t(1)).toContain('(ngày mai)');
    expect(t(3)).toContain('(còn 3 ngày nữa)');
    expect(i18n.format('vi', 'reminder-round-submit', { ...SAMPLE, kind: 'yearend' })).toContain('tổng kết năm');
    expect(i18n.format('en', 'reminder-meeting', { ...SAMPLE, days: 1 })).toBe(
      "📅 The cluster's mid-year review meeting is at 24/08/2025 08:00 (tomorrow).",
    );
  });

  it('load next to the other locale files without clashing ids', () => {
    const i18n = new I18n('locales');
    for (const id of REMINDER_MESSAGE_IDS) {
      expect(i18n.ids.get('vi')!.has(id)).toBe(true);
      expect(i18n.ids.get('en')!.has(id)).toBe(true);
    }
  });
});
