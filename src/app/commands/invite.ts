import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import { inviteValid, replaceInvite } from '../../store/invites.js';
import { newCode } from '../codes.js';
import { requireSecretary } from '../context.js';
import type { Reply } from '../../reply.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';

/** The words that ask for a new code: `/invite new` (`/moi moi`). */
const RENEW = new Set(['new', 'moi']);

/**
 * `/invite` (`/moi`): the cluster's invite code, with which a person joins from a private chat
 * (`/join CODE INVITE`) on any platform. The same code until the secretary replaces it
 * (`/invite new`) or a year of the cluster closes (then a new one is made on the next
 * `/invite`). Asked in a group, the code goes to the secretary privately (it admits people to
 * the cluster) and the group is told it was sent.
 */
export const invite: Command = {
  name: 'invite',
  alias: 'moi',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const arg = ctx.incoming.args.trim().toLowerCase();
    if (arg && !RENEW.has(arg)) throw new UserError('usage-invite');
    let code = cluster.inviteCode;
    if (arg || !code || !(await inviteValid(ctx, cluster))) {
      const before = code;
      do code = newCode();
      while (!(await replaceInvite(ctx, { clusterId: cluster.id, code })));
      await writeAudit(ctx, {
        clusterId: cluster.id,
        actorId: ctx.person.id,
        action: 'invite.replace',
        subjectType: 'cluster',
        subjectId: cluster.id,
        before: before ? { invite: before } : undefined,
        after: { invite: code },
      });
    }
    const group = ctx.incoming.chat.kind === 'group';
    const reply: Reply = { ...say('invite-code', { code, name: cluster.name }), privately: group };
    return group ? [reply, say('invite-sent-privately')] : [reply];
  },
};
