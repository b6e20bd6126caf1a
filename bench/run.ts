/**
 * `npm run bench`: every benchmark, figures printed (never asserted in tests). One part can be
 * run alone: `npm run bench -- core|reports|telegram|slack|zalo|reminders`.
 */
import { benchCore } from './core.js';
import { benchReminders } from './reminders.js';
import { benchReports } from './reports.js';
import { benchSlack } from './slack.js';
import { benchTelegram } from './telegram.js';
import { benchZalo } from './zalo.js';

const parts: Record<string, () => Promise<void>> = {
  core: benchCore,
  reports: benchReports,
  telegram: benchTelegram,
  slack: benchSlack,
  zalo: benchZalo,
  reminders: benchReminders,
};
const chosen = process.argv.slice(2).filter((name) => name in parts);
for (const name of chosen.length ? chosen : Object.keys(parts)) await parts[name]!();
