import type { App } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Core } from '../../app/core.js';
import type { Incoming } from '../../app/ports.js';
import type { Locale } from '../../i18n/i18n.js';
import type { CommandLine } from '../kit/command-line.js';
import { parseCommandLine } from '../kit/command-line.js';
import type { ConversationLoop } from '../kit/conversation.js';
import { localeFor } from '../kit/locale.js';
import { attachmentsOf, type SlackFile } from './files.js';
import { chatKey, kindOf, unescape, mentionsOf, parseMentionText, parseSlashText, personKey, type SlackOrigin } from './incoming.js';
import { BUTTON_ACTION } from './outbox.js';
import type { SlackUsers } from './users.js';

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

/** A message event, as far as the bot reads it. */
interface MessageEvent {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  team?: string;
  files?: SlackFile[];
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

/** The sub-commands that open a modal instead of running a command. */
const FORMS = new Map<string, 'sheet' | 'criteria'>([
  ['sheet', 'sheet'],
  ['bangdiem', 'sheet'],
  ['criteriaform', 'criteria'],
  ['nhaptieuchi', 'criteria'],
]);

/**
 * Installs the Bolt listeners: the slash command, messages that start by mentioning the bot
 * (`app_mention` and `message.*` carry the same message: both have its channel and `ts` as
 * the ledger key, so it is one command), button presses, and the bot joining or leaving a
 * channel. Every listener acknowledges first and works after.
 */
export function installHandlers(app: App, deps: HandlerDeps): void {
  const queues = new ChannelQueues();
  const incomingOf = async (
    team: string,
    channel: string,
    kind: 'group' | 'private',
    user: string,
    updateId: string,
    parsed: CommandLine,
    title?: string,
  ) => {
    const person = await deps.users.get(team, user);
    const incoming: Incoming = {
      platform: 'slack',
      updateId,
      chat: { key: chatKey(team, channel), kind, ...(title ? { title } : {}) },
      sender: { key: personKey(team, user), displayName: person.displayName, username: person.username, languageCode: person.languageCode },
      command: parsed.command,
      args: parsed.args,
      body: parsed.body,
    };
    const mentions = mentionsOf(`${parsed.args}\n${parsed.body}`, team, deps.botUserId());
    if (mentions.length) incoming.mentions = mentions;
    return { incoming, locale: localeFor(person.languageCode, deps.fallback) };
  };

  app.command(deps.command, async ({ ack, command, body }) => {
    await ack();
    const team = command.team_id;
    const kind = kindOf(command.channel_id, command.channel_name === 'directmessage' ? 'im' : undefined);
    const parsed = parseSlashText(command.text ?? '');
    const origin: SlackOrigin = { team, channel: command.channel_id, user: command.user_id, kind };
    const title = command.channel_name && command.channel_name !== 'directmessage' ? `#${command.channel_name}` : undefined;
    await queues.run(command.channel_id, async () => {
      const { incoming, locale } = await incomingOf(
        team,
        command.channel_id,
        kind,
        command.user_id,
        `slack:${team}:command:${command.trigger_id}`,
        parsed,
        title,
      );
      const form = FORMS.get(parsed.command);
      if (form && deps.form && (await deps.form(form, { triggerId: body.trigger_id, origin, incoming, locale }))) return;
      await deps.loop.converse(incoming, origin, locale);
    });
  });

  const recent = new RecentMessages();
  const onMessage = async (event: MessageEvent, teamOfBody: string | undefined) => {
    if (event.bot_id || !event.user || (event.subtype && event.subtype !== 'file_share')) return;
    const kind = kindOf(event.channel, event.channel_type);
    // In a direct message everything is addressed to the bot: the mention is optional there.
    const parsed =
      parseMentionText(event.text, deps.botUserId()) ??
      (kind === 'private' && event.text?.trim() ? parseSlashText(unescape(event.text)) : undefined);
    if (!parsed) return;
    const team = teamOfBody ?? event.team ?? '';
    if (!recent.first(`${team}:${event.channel}:${event.ts}`)) return;
    const origin: SlackOrigin = {
      team,
      channel: event.channel,
      user: event.user,
      kind,
      ...(event.thread_ts ? { threadTs: event.thread_ts } : {}),
    };
    await queues.run(event.channel, async () => {
      const { incoming, locale } = await incomingOf(
        team,
        event.channel,
        kind,
        event.user!,
        `slack:${team}:${event.channel}:${event.ts}`,
        parsed,
      );
      const attachments = attachmentsOf(event.files, deps.token);
      if (attachments.length) incoming.attachments = attachments;
      await deps.loop.converse(incoming, origin, locale);
    });
  };
  app.event('app_mention', async ({ event, body }) => onMessage({ ...(event as unknown as MessageEvent), type: 'message' }, body.team_id));
  app.event('message', async ({ event, body }) => onMessage(event as unknown as MessageEvent, body.team_id));

  app.action(new RegExp(`^${BUTTON_ACTION}`), async ({ ack, body, action }) => {
    await ack();
    if (body.type !== 'block_actions' || !('value' in action) || typeof action.value !== 'string') return;
    const team = body.team?.id ?? body.user.team_id ?? '';
    const channel = body.channel?.id ?? body.container?.channel_id;
    if (!channel) return;
    const kind = kindOf(channel);
    const parsed = parseCommandLine(action.value) ?? { command: '', args: action.value.trim(), body: '' };
    const origin: SlackOrigin = { team, channel, user: body.user.id, kind };
    const value = action.value;
    const updateId = `slack:${team}:action:${body.trigger_id}:${'action_ts' in action ? String(action.action_ts) : ''}`;
    await queues.run(channel, async () => {
      const { incoming, locale } = await incomingOf(team, channel, kind, body.user.id, updateId, parsed);
      const form = FORMS.get(parsed.command);
      if (form && deps.form && (await deps.form(form, { triggerId: body.trigger_id, origin, incoming, locale }))) return;
      await deps.loop.converse({ ...incoming, action: value }, origin, locale);
    });
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
