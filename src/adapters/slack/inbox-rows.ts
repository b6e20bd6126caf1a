import { chatKey } from './incoming.js';

/**
 * One Slack request as a row of the durable inbox (`store/inbox.ts`): its key is the same as
 * the processed-update ledger's, so the two events of one message (`app_mention` and
 * `message.*`, known by channel and `ts`) and Slack's retries are stored once.
 */
export interface SlackInboxRow {
  key: string;
  platform: 'slack';
  chatKey: string;
  /** The request's body as JSON, as Slack posted it: read by the inbox worker (`inbox-parse.ts`). */
  payload: string;
}

/** What stores rows before Slack is told they arrived (the kit's `InboxWorker`). */
export interface SlackInbox {
  receive(rows: readonly SlackInboxRow[]): Promise<void>;
}

type Body = Record<string, unknown>;

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const obj = (value: unknown) => (value && typeof value === 'object' ? (value as Body) : undefined);

/**
 * The inbox row of a request, or `undefined` when it is not stored: a modal submission (Slack
 * waits for its answer: errors on the fields), a message not addressed to the bot (channel
 * chatter costs nothing), or anything the bot does not handle.
 */
export function inboxRowOf(body: Body, botUserId: string): SlackInboxRow | undefined {
  const payload = JSON.stringify(body);
  const row = (key: string, team: string, channel: string | undefined): SlackInboxRow | undefined =>
    channel ? { key, platform: 'slack', chatKey: chatKey(team, channel), payload } : undefined;
  if (typeof body.command === 'string') {
    const team = str(body.team_id) ?? '';
    return row(`slack:${team}:command:${str(body.trigger_id) ?? ''}`, team, str(body.channel_id));
  }
  if (body.type === 'block_actions') {
    const team = str(obj(body.team)?.id) ?? str(obj(body.user)?.team_id) ?? '';
    const action = obj((body.actions as unknown[] | undefined)?.[0]);
    const channel = str(obj(body.channel)?.id) ?? str(obj(body.container)?.channel_id);
    return row(`slack:${team}:action:${str(body.trigger_id) ?? ''}:${str(action?.action_ts) ?? ''}`, team, channel);
  }
  if (body.type !== 'event_callback') return undefined;
  const team = str(body.team_id) ?? '';
  const event = obj(body.event) ?? {};
  const channel = str(event.channel);
  if (event.type === 'message' || event.type === 'app_mention') {
    const text = str(event.text) ?? '';
    const direct = event.channel_type === 'im';
    if (event.bot_id || !event.user || !(direct || new RegExp(`^\\s*<@${botUserId}[|>]`).test(text))) return undefined;
    return row(`slack:${team}:${channel ?? ''}:${str(event.ts) ?? ''}`, team, channel);
  }
  if (event.type === 'member_joined_channel' || event.type === 'channel_left' || event.type === 'group_left') {
    return row(`slack:${team}:event:${str(body.event_id) ?? ''}`, team, channel);
  }
  return undefined;
}
