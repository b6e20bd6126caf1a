import type { Command } from '../registry.js';
import { addunit } from './addunit.js';
import { approve } from './approve.js';
import { attend } from './attend.js';
import { ballot } from './ballot.js';
import { close } from './close.js';
import { cluster } from './cluster.js';
import { confirm, explain } from './confirm.js';
import { register, sign } from './covenant.js';
import { criteria } from './criteria.js';
import { elect } from './elect.js';
import { exportTable } from './export.js';
import { helpCommand } from './help.js';
import { invite } from './invite.js';
import { join } from './join.js';
import { lang } from './lang.js';
import { deputy, leader } from './leader.js';
import { link } from './link.js';
import { mine } from './mine.js';
import { minutes } from './minutes.js';
import { refuse } from './refuse.js';
import { reminders } from './reminders.js';
import { results } from './results.js';
import { review } from './review.js';
import { reviewer } from './reviewer.js';
import { round } from './round.js';
import { rules } from './rules.js';
import { handover, meeting } from './schedule.js';
import { score } from './score.js';
import { secretary } from './secretary.js';
import { setup } from './setup.js';
import { status } from './status.js';
import { submit } from './submit.js';
import { term } from './term.js';
import { vote } from './vote.js';
import { evidence } from './evidence.js';
import { target } from './target.js';
import { template } from './template.js';

/** Every command of CONTRACT.md (plus `/reviewer` and `/rules`), in the order `/help` lists them. */
export const COMMANDS: Command[] = [];
const help = helpCommand(() => COMMANDS);
COMMANDS.push(
  help,
  setup,
  link,
  addunit,
  join,
  approve,
  secretary,
  term,
  leader,
  deputy,
  criteria,
  round,
  reviewer,
  target,
  score,
  template,
  evidence,
  submit,
  mine,
  status,
  review,
  confirm,
  explain,
  close,
  results,
  exportTable,
  rules,
  sign,
  register,
  meeting,
  handover,
  reminders,
  lang,
);
// The year-end meeting (issue 12): attendance, secret ballots, the election, the minutes.
COMMANDS.push(attend, ballot, vote, elect, minutes);
// Private chats (issue 11): the invite code, joining with it, refusing a request, choosing the cluster.
COMMANDS.push(invite, refuse, cluster);

/** Command names and aliases → command; `/start` is `/help`. */
export const COMMAND_INDEX: ReadonlyMap<string, Command> = new Map([
  ['start', help],
  ...COMMANDS.flatMap(
    (c) =>
      [
        [c.name, c],
        [c.alias, c],
      ] as [string, Command][],
  ),
]);
