import type { Incoming } from '../../app/ports.js';
import type { Locale } from '../../i18n/i18n.js';
import type { InboxWork } from '../kit/inbox-worker.js';
import { chatKey } from './incoming.js';
import { placementsOf } from './placement.js';
import { askOfAction, askOfCommand, askOfMessage, FORMS, originOf, type SlackAsk } from './requests.js';

type Body = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const obj = (value: unknown) => (value && typeof value === 'object' ? (value as Body) : undefined);

/** What the reader needs of the adapter. */
export interface SlackInboxContext {
  /** The bot's own user id (`U…`). */
  botUserId(): string;
  /** The slash command, with its slash (`/thidua`). */
  command: string;
  /** The core's `Incoming` for an ask (the person looked up with `users.info`). */
  incoming(ask: SlackAsk): Promise<{ incoming: Incoming; locale: Locale }>;
  /** The language of a person's Slack client (the greeting's, when the bot joins a channel). */
  languageOf(team: string, user: string): Promise<string | undefined>;
  /** Opens the modal a form sub-command or button asks for; absent when the adapter has no modals. */
  form?(form: 'sheet' | 'criteria', ask: SlackAsk & { triggerId: string }, incoming: Incoming, locale: Locale): Promise<void>;
}

/**
 * Reads a stored Slack request (the body as Slack posted it): slash commands, mentions and
 * button presses become `Incoming` for the core, placed where their answers go (the person
 * who asked, the thread, a channel or a direct message), so the worker commits the answers
 * with the command and the outbox delivers them; the bot joining a channel is a chat event
 * (greeted with its intro), leaving one is the other; a form sub-command opens its modal (the
 * adapter's own path: it changes nothing). `undefined` for anything else.
 */
export async function readSlackRequest(body: Body, ctx: SlackInboxContext): Promise<InboxWork | undefined> {
  const ask = askOf(body, ctx.command, ctx.botUserId());
  if (ask) {
    const { incoming, locale } = await ctx.incoming(ask);
    const form = FORMS.get(ask.parsed.command);
    const triggerId = ask.triggerId;
    if (form && ctx.form && triggerId) {
      const opener = ctx.form;
      return { kind: 'local', run: () => opener(form, { ...ask, triggerId }, incoming, locale) };
    }
    return { kind: 'incoming', incoming, ...placementsOf(originOf(ask)) };
  }
  if (body.type !== 'event_callback') return undefined;
  const event = obj(body.event) ?? {};
  const team = str(body.team_id) ?? '';
  const channel = str(event.channel);
  const eventId = str(body.event_id) ?? '';
  if (!channel) return undefined;
  if (event.type === 'member_joined_channel') {
    if (event.user !== ctx.botUserId()) return undefined;
    const inviter = str(event.inviter);
    const languageCode = inviter ? await ctx.languageOf(team, inviter) : undefined;
    const updateId = `slack:${team}:joined:${channel}:${eventId}`;
    return {
      kind: 'event',
      event: { type: 'bot-added', chatKey: chatKey(team, channel), updateId, ...(languageCode ? { languageCode } : {}) },
      ...placementsOf({ team, channel, user: inviter ?? '', kind: 'group' }, { intro: true }),
    };
  }
  if (event.type === 'channel_left' || event.type === 'group_left') {
    return {
      kind: 'event',
      event: { type: 'bot-removed', chatKey: chatKey(team, channel), updateId: `slack:${team}:left:${channel}:${eventId}` },
    };
  }
  return undefined;
}

/** The command a stored request asks for, read as Bolt's listeners read it. */
function askOf(body: Body, command: string, botUserId: string): SlackAsk | undefined {
  if (typeof body.command === 'string') return body.command === command ? askOfCommand(body) : undefined;
  if (body.type === 'block_actions') return askOfAction(body);
  const event = obj(body.event);
  if (body.type !== 'event_callback' || !event || (event.type !== 'message' && event.type !== 'app_mention')) return undefined;
  return askOfMessage({ ...event, type: 'message' }, str(body.team_id) ?? str(event.team) ?? '', botUserId);
}
