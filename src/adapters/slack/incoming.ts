import type { Mention } from '../../app/ports.js';
import { parseCommandLine, type CommandLine } from '../kit/command-line.js';
import type { Origin } from '../kit/conversation.js';

/** The chat key the core knows a Slack conversation by: `slack:T…:C…` (opaque to the core). */
export function chatKey(team: string, channel: string): string {
  return `slack:${team}:${channel}`;
}

/** The person key of a Slack user: `slack:T…:U…`, so one app can serve several workspaces. */
export function personKey(team: string, user: string): string {
  return `slack:${team}:${user}`;
}

/** The workspace and channel inside a chat key, or `undefined` when the key belongs elsewhere. */
export function channelOf(key: string): { team: string; channel: string } | undefined {
  const match = /^slack:([A-Z0-9]+):([A-Z0-9]+)$/.exec(key);
  return match ? { team: match[1]!, channel: match[2]! } : undefined;
}

/** Direct messages (`D…`, `im`) are private chats; channels and private channels are groups. */
export function kindOf(channel: string, channelType?: string): 'group' | 'private' {
  return channelType === 'im' || (channelType === undefined && channel.startsWith('D')) ? 'private' : 'group';
}

/**
 * The command carried by the slash command's text: `/thidua score 1.1 8,5 ghi chú` arrives as
 * the text `score 1.1 8,5 ghi chú`, whose first word is the sub-command (an English name or
 * its Vietnamese alias, which the core resolves). `/thidua` alone is help.
 */
export function parseSlashText(text: string): CommandLine {
  const trimmed = text.replace(/^\s+/, '');
  if (!trimmed) return { command: 'help', args: '', body: '' };
  return parseCommandLine(`/${trimmed.replace(/^\/+/, '')}`) ?? { command: trimmed.split(/\s/, 1)[0]!.toLowerCase(), args: '', body: '' };
}

/**
 * The command of a message that starts by mentioning the bot: `<@BOT> score 1.1 8,5` (a slash
 * before the sub-command is allowed), its following lines the body. `undefined` when the
 * message does not start with the bot's mention.
 */
export function parseMentionText(text: string | undefined, botUserId: string): CommandLine | undefined {
  if (!text) return undefined;
  const match = new RegExp(`^\\s*<@${botUserId}(?:\\|[^>]*)?>[\\s:,]*`).exec(text);
  if (!match) return undefined;
  return parseSlashText(unescape(text.slice(match[0].length)));
}

/** Undoes Slack's escaping of `&`, `<` and `>` in message text (mentions stay as Slack wrote them). */
export function unescape(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const PERSON = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>|(?<![\w<])@([\p{L}\p{N}._-]+)/gu;

/**
 * The people a command names, as Slack writes them: `<@U123>` and `<@U123|lan>` (the id is
 * known: the key carries the workspace) and a plain `@name` (only the name is known). The
 * bot's own mention is left out.
 */
export function mentionsOf(text: string, team: string, botUserId: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(PERSON)) {
    const [, id, label, name] = match;
    if (id) {
      if (id !== botUserId) mentions.push({ key: personKey(team, id), ...(label ? { username: label, displayName: label } : {}) });
    } else if (name) mentions.push({ username: name });
  }
  return mentions;
}

/** Where the answers to one command go, on Slack. */
export interface SlackOrigin extends Origin {
  team: string;
  channel: string;
  user: string;
  /** The command's message, when it was one (answers in a thread stay in the thread). */
  threadTs?: string;
}
