import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Core } from '../../app/core.js';
import type { Incoming } from '../../app/ports.js';
import type { Locale } from '../../i18n/i18n.js';
import type { ConversationLoop } from '../kit/conversation.js';
import type { SlackOrigin } from './incoming.js';
import { BUTTON_ACTION } from './outbox.js';
import { askOfAction, askOfCommand, askOfMessage, FORMS, incomingOfAsk, originOf, type SlackAsk } from './requests.js';
import type { SlackUsers } from './users.js';

type Body = Record<string, unknown>;
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** What the listeners need of the adapter. */
export interface HandlerDeps {
  core: Core;
  loop: ConversationLoop<SlackOrigin>;
  users: SlackUsers;
  logger: Logger;
  fallback: Locale;
  /** The slash command, with its slash (`/thidua`). */
  command: string;
  /** The bot's own user id (`U…`), known once the adapter started. */
  botUserId(): string;
  /** The bot token (file downloads). */
  token: string;
  /** Greets a channel the bot joined (the adapter's intro). */
  joined(team: string, channel: string, updateId: string, inviter?: string): Promise<void>;
  left(team: string, channel: string, updateId: string): Promise<void>;
  /** Opens a modal for a form sub-command or button; false when the adapter has none. */
  form?(form: 'sheet' | 'criteria', request: SheetRequest): Promise<boolean>;
}

/** Who asked for a score-sheet modal, and where. */
export interface SheetRequest {
  triggerId: string;
  origin: SlackOrigin;
  incoming: Incoming;
  locale: Locale;
}

/**
 * Messages seen lately, by channel and `ts`: `app_mention` and `message.*` carry the same
 * message, and the second one is dropped here before it costs a transaction (the ledger would
 * refuse it anyway, across restarts and instances).
 */
class RecentMessages {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly capacity = 10_000,
    private readonly ttlMs = 10 * 60 * 1000,
  ) {}

  /** True the first time a key is offered (within the window). */
  first(key: string, now = Date.now()): boolean {
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.set(key, now);
    if (this.seen.size > this.capacity) for (const old of this.seen.keys()) if (this.seen.size > this.capacity) this.seen.delete(old);
    return true;
  }
}

/**
 * Handles the requests of one channel one after the other, in the order they arrived (Bolt
 * runs every request at once): a reply with a file never arrives after the answer to the
 * next command. Channels run in parallel.
 */
class ChannelQueues {
  private readonly tails = new Map<string, Promise<void>>();

  run(channel: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(channel) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(channel, tail);
    void tail.then(() => {
      if (this.tails.get(channel) === tail) this.tails.delete(channel);
    });
    return next;
  }
}

/**
 * Installs the Bolt listeners: the slash command, messages that start by mentioning the bot
 * (`app_mention` and `message.*` carry the same message: both have its channel and `ts` as
 * the ledger key, so it is one command), button presses, and the bot joining or leaving a
 * channel. Every listener acknowledges first and works after.
 */
export function installHandlers(app: App, deps: HandlerDeps): void {
  const queues = new ChannelQueues();
  const run = async (ask: SlackAsk | undefined) => {
    if (!ask) return;
    await queues.run(ask.channel, async () => {
      const person = await deps.users.get(ask.team, ask.user);
      const { incoming, locale } = incomingOfAsk(ask, person, { botUserId: deps.botUserId(), token: deps.token, fallback: deps.fallback });
      const origin = originOf(ask);
      const form = FORMS.get(ask.parsed.command);
      if (form && ask.triggerId && deps.form && (await deps.form(form, { triggerId: ask.triggerId, origin, incoming, locale }))) return;
      await deps.loop.converse(incoming, origin, locale);
    });
  };

  app.command(deps.command, async ({ ack, body }) => {
    await ack();
    await run(askOfCommand(body as unknown as Body));
  });

  const recent = new RecentMessages();
  const onMessage = async (event: Body, team: string | undefined) => {
    const ask = askOfMessage(event, team ?? str(event.team) ?? '', deps.botUserId());
    if (!ask || !recent.first(ask.updateId)) return;
    await run(ask);
  };
  app.event('app_mention', async ({ event, body }) => onMessage({ ...(event as unknown as Body), type: 'message' }, body.team_id));
  app.event('message', async ({ event, body }) => onMessage(event as unknown as Body, body.team_id));

  app.action(new RegExp(`^${BUTTON_ACTION}`), async ({ ack, body }) => {
    await ack();
    await run(askOfAction(body as unknown as Body));
  });

  app.event('member_joined_channel', async ({ event, body }) => {
    if (event.user !== deps.botUserId()) return;
    await deps.joined(body.team_id, event.channel, `slack:${body.team_id}:joined:${event.channel}:${body.event_id}`, event.inviter);
  });
  for (const name of ['channel_left', 'group_left'] as const) {
    app.event(name, async ({ event, body }) =>
      deps.left(body.team_id, event.channel, `slack:${body.team_id}:left:${event.channel}:${body.event_id}`),
    );
  }
  app.error(async (error) => {
    deps.logger.error({ err: error }, 'slack: listener failed');
  });
}
