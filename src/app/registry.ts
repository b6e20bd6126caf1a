import type { CommandContext } from './context.js';
import type { Reply } from '../reply.js';

/** Where a command may be used. */
export type Scope = 'any' | 'group';

/**
 * One command of CONTRACT.md: its English name, its Vietnamese alias (no diacritics, as
 * Telegram allows), where it works, and its handler. Usage and description sentences are
 * `usage-<name>` and `cmd-<name>` in locales/.
 */
export interface Command {
  name: string;
  alias: string;
  scope: Scope;
  run(ctx: CommandContext): Promise<Reply[]>;
}

/** Shorthand for a reply of sentences. */
export function say(key: string, args?: Record<string, string | number>): Reply {
  return { text: [{ key, args }] };
}
