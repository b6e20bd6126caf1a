import { isSecretary, representedUnitIds, type CommandContext } from './context.js';
import type { Reply } from '../reply.js';

/** Where a command may be used. */
export type Scope = 'any' | 'group';

/**
 * Who may use a command, CONTRACT.md's "who" column, declared once on the command: `/help`
 * lists a command to the people it allows, and commands whose right depends on more than one
 * role (`/export`) check it with `allows`. `unbound-group`: a group not bound to a cluster yet
 * (`/setup`); `newcomer`: in a cluster, not yet representing a unit (`/join`); `reviewer`: the
 * secretary, the leader or a representative (the assignment itself is checked by `/review`).
 */
export type Who = 'anyone' | 'unbound-group' | 'newcomer' | 'member' | 'representative' | 'reviewer' | 'secretary' | 'secretary-or-leader';

/** What the person is where they write, as `allows` reads it. */
export interface Standing {
  /** The chat (or, in a private chat, the person) belongs to a cluster. */
  member: boolean;
  group: boolean;
  secretary: boolean;
  representative: boolean;
  /** Represents the unit that leads the cluster in its latest year. */
  leader: boolean;
}

/** The person's standing in the context's cluster; `leaderUnitId` is the latest year's leader unit. */
export function standingOf(ctx: CommandContext, leaderUnitId: number | null): Standing {
  const units = representedUnitIds(ctx);
  return {
    member: ctx.cluster !== null,
    group: ctx.incoming.chat.kind === 'group',
    secretary: isSecretary(ctx),
    representative: units.length > 0,
    leader: leaderUnitId !== null && units.includes(leaderUnitId),
  };
}

/** True when `who` lets a person of this standing use the command. */
export function allows(who: Who, s: Standing): boolean {
  switch (who) {
    case 'anyone':
      return true;
    case 'unbound-group':
      return s.group && !s.member;
    case 'newcomer':
      return s.member && !s.representative;
    case 'member':
      return s.member;
    case 'representative':
      return s.member && s.representative;
    case 'reviewer':
      return s.member && (s.secretary || s.leader || s.representative);
    case 'secretary':
      return s.member && s.secretary;
    case 'secretary-or-leader':
      return s.member && (s.secretary || s.leader);
  }
}

/**
 * One command of CONTRACT.md: its English name, its Vietnamese alias (no diacritics, as
 * Telegram allows), where it works, who may use it, and its handler. Usage and description
 * sentences are `usage-<name>` and `cmd-<name>` in locales/.
 */
export interface Command {
  name: string;
  alias: string;
  scope: Scope;
  who: Who;
  run(ctx: CommandContext): Promise<Reply[]>;
}

/** Shorthand for a reply of sentences. */
export function say(key: string, args?: Record<string, string | number>): Reply {
  return { text: [{ key, args }] };
}
