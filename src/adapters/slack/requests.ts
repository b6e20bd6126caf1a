import type { Incoming } from '../../app/ports.js';
import type { Locale } from '../../i18n/i18n.js';
import { parseCommandLine, type CommandLine } from '../kit/command-line.js';
import { localeFor } from '../kit/locale.js';
import { attachmentsOf, type SlackFile } from './files.js';
import { chatKey, kindOf, mentionsOf, parseMentionText, parseSlashText, personKey, unescape, type SlackOrigin } from './incoming.js';
import type { SlackUser } from './users.js';

/**
 * One command a person asked of the bot on Slack, read from the request's body as Slack sends
 * it (a slash command, a message that mentions the bot, a button press): the same reading for
 * Bolt's listeners and for the inbox worker, so both hand the core the same `Incoming` with
 * the same ledger key (the inbox row's key).
 */
export interface SlackAsk {
  team: string;
  channel: string;
  user: string;
  kind: 'group' | 'private';
  /** The ledger key: `slack:T…:command:<trigger>`, `slack:T…:C…:<ts>`, `slack:T…:action:<trigger>:<action ts>`. */
  updateId: string;
  parsed: CommandLine;
  /** `#channel`, when Slack names it (slash commands). */
  title?: string;
  /** The thread the message was typed in. */
  threadTs?: string;
  files?: SlackFile[];
  /** A button's value (the command line it carries). */
  action?: string;
  /** Lets a modal be opened (slash commands and buttons, for about 3 s). */
  triggerId?: string;
}

type Body = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const obj = (value: unknown) => (value && typeof value === 'object' ? (value as Body) : undefined);

/** The sub-commands that open a modal instead of running a command. */
export const FORMS: ReadonlyMap<string, 'sheet' | 'criteria'> = new Map([
  ['sheet', 'sheet'],
  ['bangdiem', 'sheet'],
  ['criteriaform', 'criteria'],
  ['nhaptieuchi', 'criteria'],
]);

/** A slash command's form fields (`/thidua <text>`). */
export function askOfCommand(body: Body): SlackAsk | undefined {
  const team = str(body.team_id) ?? '';
  const channel = str(body.channel_id);
  const user = str(body.user_id);
  if (!channel || !user) return undefined;
  const name = str(body.channel_name);
  return {
    team,
    channel,
    user,
    kind: kindOf(channel, name === 'directmessage' ? 'im' : undefined),
    updateId: `slack:${team}:command:${str(body.trigger_id) ?? ''}`,
    parsed: parseSlashText(str(body.text) ?? ''),
    ...(name && name !== 'directmessage' ? { title: `#${name}` } : {}),
    ...(str(body.trigger_id) ? { triggerId: str(body.trigger_id) } : {}),
  };
}

/**
 * A message event (`message.*` or `app_mention`) that starts by mentioning the bot, or any
 * message in a direct conversation with it; `undefined` for the rest (the bot's own messages,
 * edits, channel chatter).
 */
export function askOfMessage(event: Body, team: string, botUserId: string): SlackAsk | undefined {
  const subtype = str(event.subtype);
  const user = str(event.user);
  const channel = str(event.channel);
  const text = str(event.text);
  if (event.bot_id || !user || !channel || (subtype && subtype !== 'file_share')) return undefined;
  const kind = kindOf(channel, str(event.channel_type));
  // In a direct message everything is addressed to the bot: the mention is optional there.
  const parsed = parseMentionText(text, botUserId) ?? (kind === 'private' && text?.trim() ? parseSlashText(unescape(text)) : undefined);
  if (!parsed) return undefined;
  const threadTs = str(event.thread_ts);
  const files = Array.isArray(event.files) ? (event.files as SlackFile[]) : undefined;
  return {
    team,
    channel,
    user,
    kind,
    updateId: `slack:${team}:${channel}:${str(event.ts) ?? ''}`,
    parsed,
    ...(threadTs ? { threadTs } : {}),
    ...(files?.length ? { files } : {}),
  };
}

/** A press of one of the bot's buttons (`block_actions`): the command line its value carries. */
export function askOfAction(body: Body): SlackAsk | undefined {
  const action = obj((body.actions as unknown[] | undefined)?.[0]);
  const value = str(action?.value);
  const user = obj(body.user);
  const team = str(obj(body.team)?.id) ?? str(user?.team_id) ?? '';
  const channel = str(obj(body.channel)?.id) ?? str(obj(body.container)?.channel_id);
  const userId = str(user?.id);
  if (body.type !== 'block_actions' || value === undefined || !channel || !userId) return undefined;
  const trigger = str(body.trigger_id) ?? '';
  return {
    team,
    channel,
    user: userId,
    kind: kindOf(channel),
    updateId: `slack:${team}:action:${trigger}:${str(action?.action_ts) ?? ''}`,
    parsed: parseCommandLine(value) ?? { command: '', args: value.trim(), body: '' },
    action: value,
    ...(trigger ? { triggerId: trigger } : {}),
  };
}

/** Where the answers to an ask go. */
export function originOf(ask: SlackAsk): SlackOrigin {
  return { team: ask.team, channel: ask.channel, user: ask.user, kind: ask.kind, ...(ask.threadTs ? { threadTs: ask.threadTs } : {}) };
}

/**
 * The ask as the core reads it, with the person as `users.info` knows them (`person`), the
 * people it names, and the files it shares (downloaded with the bot token when the core asks).
 */
export function incomingOfAsk(
  ask: SlackAsk,
  person: SlackUser,
  options: { botUserId: string; token: string; fallback: Locale },
): { incoming: Incoming; locale: Locale } {
  const { parsed } = ask;
  const incoming: Incoming = {
    platform: 'slack',
    updateId: ask.updateId,
    chat: { key: chatKey(ask.team, ask.channel), kind: ask.kind, ...(ask.title ? { title: ask.title } : {}) },
    sender: {
      key: personKey(ask.team, ask.user),
      displayName: person.displayName,
      username: person.username,
      languageCode: person.languageCode,
    },
    command: parsed.command,
    args: parsed.args,
    body: parsed.body,
  };
  const mentions = mentionsOf(`${parsed.args}\n${parsed.body}`, ask.team, options.botUserId);
  if (mentions.length) incoming.mentions = mentions;
  const attachments = attachmentsOf(ask.files, options.token);
  if (attachments.length) incoming.attachments = attachments;
  if (ask.action !== undefined) incoming.action = ask.action;
  return { incoming, locale: localeFor(person.languageCode, options.fallback) };
}
