import { UserError } from '../../domain/errors.js';
import type { CommandContext } from '../context.js';
import type { Msg } from '../../reply.js';
import { allows, standingOf, type Command } from '../registry.js';

/**
 * `/start`, `/help [command]` (`/trogiup`): what the bot does here and what this person may do
 * now (each command's `who`); with a command name (English or alias), that command's usage.
 */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: 'help',
    alias: 'trogiup',
    scope: 'any',
    who: 'anyone',
    async run(ctx: CommandContext) {
      const asked = ctx.incoming.args.trim().replace(/^\//, '').toLowerCase();
      const commands = all();
      if (asked) {
        const command = commands.find((c) => c.name === asked || c.alias === asked);
        if (!command) throw new UserError('error-unknown-command', { command: asked });
        return [{ text: [{ key: `usage-${command.name}` }, { key: `cmd-${command.name}` }] }];
      }
      const term = ctx.cluster ? await ctx.db.term.findFirst({ where: { clusterId: ctx.cluster.id }, orderBy: { year: 'desc' } }) : null;
      const standing = standingOf(ctx, term?.leaderUnitId ?? null);
      const { secretary, representative, member } = standing;
      const intro: Msg[] = [
        { key: member ? 'help-intro-cluster' : 'help-intro', args: { name: ctx.cluster?.name ?? '' } },
        {
          key: secretary ? 'help-you-secretary' : representative ? 'help-you-representative' : member ? 'help-you-member' : 'help-you-new',
        },
      ];
      const lines: Msg[] = commands
        .filter((c) => allows(c.who, standing))
        .map((c) => ({
          key: 'help-line',
          args: { name: c.name, alias: c.alias, description: ctx.i18n.translator(ctx.locale)(`cmd-${c.name}`) },
        }));
      return [{ text: [...intro, ...lines, { key: 'help-more' }] }];
    },
  };
}
