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
