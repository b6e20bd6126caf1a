import { UserError } from '../../domain/errors.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/** `/lang vi|en` (`/ngonngu`): this person's language. */
export const lang: Command = {
  name: 'lang',
  alias: 'ngonngu',
  scope: 'any',
  who: 'anyone',
  async run(ctx) {
    const value = ctx.incoming.args.trim().toLowerCase();
    if (value !== 'vi' && value !== 'en') throw new UserError('usage-lang');
    await ctx.db.person.update({ where: { id: ctx.person.id }, data: { locale: value } });
    ctx.locale = value;
    return [say('lang-done')];
  },
};
