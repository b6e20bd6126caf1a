import type { BotCommand } from 'grammy/types';
import type { I18n } from '../../i18n/i18n.js';

/**
 * The contract's commands as they appear in Telegram's command menu: each English name with its
 * Vietnamese alias (Telegram allows only `[a-z0-9_]`, hence no diacritics). The description is
 * the locale message `telegram-cmd-<name>`.
 */
export const MENU: ReadonlyArray<{ name: string; alias?: string }> = [
  { name: 'start' },
  { name: 'help', alias: 'trogiup' },
  { name: 'setup', alias: 'lapcum' },
  { name: 'link', alias: 'lienket' },
  { name: 'addunit', alias: 'themdonvi' },
  { name: 'join', alias: 'thamgia' },
  { name: 'approve', alias: 'duyet' },
  { name: 'secretary', alias: 'thuky' },
  { name: 'term', alias: 'namthidua' },
  { name: 'leader', alias: 'cumtruong' },
  { name: 'deputy', alias: 'cumpho' },
  { name: 'criteria', alias: 'tieuchi' },
  { name: 'round', alias: 'dotcham' },
  { name: 'reviewer', alias: 'phancong' },
  { name: 'score', alias: 'cham' },
  { name: 'submit', alias: 'nop' },
  { name: 'mine', alias: 'cuatoi' },
  { name: 'status', alias: 'tinhhinh' },
  { name: 'review', alias: 'thamdinh' },
  { name: 'confirm', alias: 'xacnhan' },
  { name: 'explain', alias: 'giaitrinh' },
  { name: 'close', alias: 'chot' },
  { name: 'results', alias: 'ketqua' },
  { name: 'export', alias: 'xuat' },
  { name: 'rules', alias: 'quyche' },
  { name: 'sign', alias: 'ky' },
  { name: 'register', alias: 'dangky' },
  { name: 'meeting', alias: 'lichhop' },
  { name: 'handover', alias: 'bangiao' },
  { name: 'reminders', alias: 'nhacnho' },
  { name: 'lang', alias: 'ngonngu' },
  { name: 'attend', alias: 'diemdanh' },
  { name: 'ballot', alias: 'bophieu' },
  { name: 'vote', alias: 'bieuquyet' },
  { name: 'elect', alias: 'baucumtruong' },
  { name: 'minutes', alias: 'bienban' },
  { name: 'target', alias: 'chitieu' },
  { name: 'template', alias: 'mau' },
  { name: 'evidence', alias: 'minhchung' },
];

/**
 * The menu in one language: Vietnamese readers see the alias first, English readers the
 * English name first; both forms are always listed.
 */
export function menuCommands(i18n: I18n, locale: 'vi' | 'en'): BotCommand[] {
  const t = i18n.translator(locale);
  return MENU.flatMap(({ name, alias }) => {
    const description = t(`telegram-cmd-${name}`);
    const names = alias ? (locale === 'vi' ? [alias, name] : [name, alias]) : [name];
    return names.map((command) => ({ command, description }));
  });
}
