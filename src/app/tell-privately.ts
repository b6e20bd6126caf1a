import type { ClusterRecord, PersonRecord } from '../store/records.js';
import type { Msg } from '../reply.js';
import type { CommandContext } from './context.js';

/**
 * Queues one sentence for each person privately, on the private chat where they last wrote to
 * the bot (any platform), in their language (else the cluster's). Someone who never wrote to
 * the bot privately cannot be reached there and is left out: CONTRACT.md's "who is told
 * privately" (a join request approved or refused).
 */
export function tellPrivately(ctx: CommandContext, people: PersonRecord[], cluster: Pick<ClusterRecord, 'locale'>, msg: Msg): void {
  for (const person of people) {
    if (!person.privateChatKey || person.privateChatKey === ctx.chat.key) continue;
    ctx.notices.push({ chatKey: person.privateChatKey, locale: person.locale ?? cluster.locale, reply: { text: [msg] } });
  }
}

/**
 * Queues one sentence privately for each active representative of a unit (as `tellPrivately`):
 * CONTRACT.md's "a unit's representatives when their sheet is reviewed". A representative who is
 * the one acting, in the chat they act in, is not told twice.
 */
export async function tellUnitRepresentatives(
  ctx: CommandContext,
  cluster: Pick<ClusterRecord, 'id' | 'locale'>,
  unitId: number,
  msg: Msg,
): Promise<void> {
  const roles = await ctx.db.role.findMany({
    where: { clusterId: cluster.id, unitId, kind: 'representative', status: 'active' },
    include: { person: true },
    orderBy: { id: 'asc' },
  });
  tellPrivately(
    ctx,
    roles.map((r) => r.person),
    cluster,
    msg,
  );
}
