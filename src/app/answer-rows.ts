import { insertOutbox, type OutboxInput } from '../store/outbox.js';
import type { Tx } from '../store/tx.js';
import type { HandleResult, OutboxOptions } from './core.js';

/**
 * The outbox rows of one answer, in the order an adapter would send them: the replies to the
 * conversation (a private one addressed to the sender), then the notices to other chats. The
 * first reply in the chat gets the adapter's `placement` (e.g. quoting the person's message),
 * the later ones its `follow`, as a conversation reads.
 */
export function answerRows(
  chatKey: string,
  senderKey: string | undefined,
  group: boolean,
  result: Pick<HandleResult, 'locale' | 'replies' | 'notices'>,
  options: OutboxOptions,
): OutboxInput[] {
  const rows: OutboxInput[] = [];
  let where = options.placement;
  for (const reply of result.replies) {
    const privately = Boolean(reply.privately && group && senderKey);
    rows.push({ chatKey, locale: result.locale, reply, privateTo: privately ? senderKey : undefined, placement: where, kind: 'reply' });
    if (!privately) where = options.follow;
  }
  for (const notice of result.notices) rows.push({ chatKey: notice.chatKey, locale: notice.locale, reply: notice.reply, kind: 'notice' });
  return rows;
}

/** Writes an answer's rows in the command's transaction, leased to the worker that will send them. */
export async function commitAnswer(tx: Tx, rows: OutboxInput[], options: OutboxOptions): Promise<number[]> {
  return insertOutbox(tx, rows, { owner: options.owner, until: options.leaseUntil, now: tx.now });
}
