import { UserError } from '../../domain/errors.js';
import { isSecretary, representedUnitIds, type CommandContext } from '../context.js';
import type { Msg } from '../../reply.js';
import type { Command } from '../registry.js';

/** Who may use what, for the help listing: the roles a command needs. */
const AUDIENCE: Record<string, 'anyone' | 'member' | 'representative' | 'secretary'> = {
  help: 'anyone', lang: 'anyone', setup: 'anyone', join: 'anyone',
  status: 'member', results: 'member', reminders: 'member', criteria: 'member', rules: 'member',
  score: 'representative', submit: 'representative', mine: 'representative', confirm: 'representative',
  explain: 'representative', sign: 'representative', register: 'representative', template: 'representative',
  evidence: 'member', target: 'member',
  link: 'secretary', addunit: 'secretary', approve: 'secretary', secretary: 'secretary', term: 'secretary',
  leader: 'secretary', deputy: 'secretary', round: 'secretary', review: 'secretary', close: 'secretary',
  export: 'secretary', meeting: 'secretary', handover: 'secretary', reviewer: 'secretary',
};

/**
 * `/start`, `/help [command]` (`/trogiup`): what the bot does here and what this person may do
 * now; with a command name (English or alias), that command's usage.
 */
export function helpCommand(all: () => Command[]): Command {
  return {
    name: 'help',
    alias: 'trogiup',
    scope: 'any',
    async run(ctx: CommandContext) {
      const asked = ctx.incoming.args.trim().replace(/^\//, '').toLowerCase();
      const commands = all();
      if (asked) {
        const command = commands.find((c) => c.name === asked || c.alias === asked);
        if (!command) throw new UserError('error-unknown-command', { command: asked });
        return [{ text: [{ key: `usage-${command.name}` }, { key: `cmd-${command.name}` }] }];
      }
      const secretary = isSecretary(ctx);
      const representative = representedUnitIds(ctx).length > 0;
      const member = ctx.cluster !== null;
      const allowed = (name: string) => {
        const audience = AUDIENCE[name] ?? 'anyone';
        if (name === 'setup') return !member && ctx.incoming.chat.kind === 'group';
        if (name === 'join') return member && !representative;
        if (audience === 'secretary') return secretary || (name === 'review' && representative);
        if (audience === 'representative') return representative;
        if (audience === 'member') return member;
        return true;
      };
      const intro: Msg[] = [
        { key: member ? 'help-intro-cluster' : 'help-intro', args: { name: ctx.cluster?.name ?? '' } },
        { key: secretary ? 'help-you-secretary' : representative ? 'help-you-representative' : member ? 'help-you-member' : 'help-you-new' },
      ];
      const lines: Msg[] = commands
        .filter((c) => allowed(c.name))
        .map((c) => ({ key: 'help-line', args: { name: c.name, alias: c.alias, description: ctx.i18n.translator(ctx.locale)(`cmd-${c.name}`) } }));
      return [{ text: [...intro, ...lines, { key: 'help-more' }] }];
    },
  };
}
