import type { Reply } from '../../reply.js';
import { channelOf, kindOf, type SlackOrigin } from './incoming.js';
import type { Placement } from './outbox.js';

/** The keys of the replies shown only to the person who asked (errors, usage). */
const PERSONAL = /^(error-|usage-|kit-error)/;

/**
 * Where a reply goes in a Slack conversation, as the outbox keeps it (`placement`, opaque to
 * the core): the person who asked (`u`: errors and usage are shown to them only, in a channel),
 * whether the conversation is a channel or a direct message (`k`), the thread (`t`), and `i`
 * on the bot's greeting when it joined a channel (its Slack intro follows).
 */
export interface SlackPlacement {
  u?: string;
  k?: 'g' | 'p';
  t?: string;
  i?: 1;
}

/** The placement of an answer's first reply and of the later ones (the same: Slack quotes nothing). */
export function placementsOf(origin: SlackOrigin, options: { intro?: boolean } = {}): { placement: string; follow: string } {
  const place: SlackPlacement = {
    ...(origin.user ? { u: origin.user } : {}),
    k: origin.kind === 'group' ? 'g' : 'p',
    ...(origin.threadTs ? { t: origin.threadTs } : {}),
  };
  return { placement: JSON.stringify(options.intro ? { ...place, i: 1 } : place), follow: JSON.stringify(place) };
}

/**
 * An outbox row's conversation read back: its channel from the chat key, the rest from its
 * placement (a row without one is a channel's, or a direct message's by its `D…` id).
 * `undefined` when the key is not a Slack channel.
 */
export function originOfRow(key: string, placement: string | undefined): { origin: SlackOrigin; intro: boolean } | undefined {
  const target = channelOf(key);
  if (!target) return undefined;
  let place: SlackPlacement = {};
  try {
    place = placement ? (JSON.parse(placement) as SlackPlacement) : {};
  } catch {
    place = {};
  }
  const kind = place.k === 'g' ? 'group' : place.k === 'p' ? 'private' : kindOf(target.channel);
  const origin: SlackOrigin = { ...target, user: place.u ?? '', kind, ...(place.t ? { threadTs: place.t } : {}) };
  return { origin, intro: place.i === 1 };
}

/**
 * Where one reply goes: in the conversation (its thread, if any), or, in a channel, shown only
 * to one person (ephemeral): to `privateTo` (a person key, `slack:T…:U…`) or the person who
 * asked for a `privately` reply, and to the person who asked for errors and usage.
 */
export function whereTo(origin: SlackOrigin, reply: Reply, privateTo?: string): Placement {
  const personal = origin.kind === 'group' && Boolean(privateTo || reply.privately || PERSONAL.test(reply.text?.[0]?.key ?? ''));
  const user = privateTo?.split(':')[2] ?? origin.user;
  return {
    channel: origin.channel,
    ...(personal && user ? { ephemeralTo: user } : {}),
    ...(origin.threadTs ? { threadTs: origin.threadTs } : {}),
  };
}
