import { createHmac } from 'node:crypto';
import type { FakeSlack } from './fake-slack.js';

/** What the app answered to one request. */
export interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** How a request is signed (tests of bad signatures change these). */
export interface Signing {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  retryNum?: number;
}

/**
 * Slack's side of the Events API, slash commands and interactivity: requests signed as Slack
 * signs them (`v0=` HMAC-SHA256 of `v0:{ts}:{body}`) posted to the app's `/slack/events`.
 * Mentions arrive twice, as Slack sends them to an app subscribed to `app_mention` and
 * `message.channels`.
 */
export class SlackEvents {
  private seq = 0;
  /** The last message event posted (for redelivery tests). */
  last?: { body: string; contentType: string };

  constructor(
    private readonly fake: FakeSlack,
    readonly url: string,
    readonly secret: string,
  ) {}

  /** Posts a raw body with Slack's headers. */
  async post(body: string, contentType: string, signing: Signing = {}): Promise<Answer> {
    const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType };
    if (!signing.unsigned) {
      headers['x-slack-request-timestamp'] = String(timestamp);
      headers['x-slack-signature'] = `v0=${createHmac('sha256', signing.secret ?? this.secret)
        .update(`v0:${timestamp}:${body}`)
        .digest('hex')}`;
    }
    if (signing.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(signing.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    const started = performance.now();
    const response = await fetch(this.url, { method: 'POST', headers, body });
    return { status: response.status, body: await response.text(), ms: performance.now() - started };
  }

  /** `/thidua <text>` typed in a channel. */
  slash(channel: string, user: string, text: string, command = '/thidua', signing?: Signing): Promise<Answer> {
    const form = new URLSearchParams({
      token: 'legacy',
      team_id: this.fake.team,
      team_domain: 'north',
      channel_id: channel,
      channel_name: channel.startsWith('D') ? 'directmessage' : `kenh-${channel.toLowerCase()}`,
      user_id: user,
      user_name: user.toLowerCase(),
      command,
      text,
      api_app_id: 'A0THIDUA',
      response_url: `${this.fake.origin}/response/${++this.seq}`,
      trigger_id: `${++this.seq}.trigger.${Math.random().toString(36).slice(2)}`,
    });
    return this.post(form.toString(), 'application/x-www-form-urlencoded', signing);
  }

  /**
   * A message in a channel that starts by mentioning the bot (`text` after the mention), with
   * files if any: posted as `app_mention` and then as `message` (same channel and `ts`).
   */
  async mention(
    channel: string,
    user: string,
    text: string,
    options: { files?: Record<string, unknown>[]; bare?: boolean; threadTs?: string } = {},
  ): Promise<{ ts: string; answers: Answer[] }> {
    const ts = this.fake.ts();
    const full = options.bare ? text : `<@${this.fake.botUserId}> ${text}`;
    const event = {
      user,
      text: full,
      ts,
      channel,
      team: this.fake.team,
      ...(options.files ? { files: options.files, subtype: 'file_share' } : {}),
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    };
    const answers: Answer[] = [];
    const types = channel.startsWith('D') ? ['message'] : ['app_mention', 'message'];
    for (const type of types) {
      const body = this.callback({
        ...event,
        type,
        ...(type === 'message' ? { channel_type: channel.startsWith('D') ? 'im' : 'channel' } : {}),
      });
      if (type === 'message') this.last = { body, contentType: 'application/json' };
      answers.push(await this.post(body, 'application/json'));
    }
    return { ts, answers };
  }

  /** Slack retries the last message event (as after a slow answer). */
  redeliver(retryNum = 1): Promise<Answer> {
    return this.post(this.last!.body, this.last!.contentType, { retryNum });
  }

  /** A person presses a button (`value` as the bot posted it, or forged). */
  press(channel: string, user: string, value: string, messageTs = this.fake.ts(), actionId = 'thidua-button-0'): Promise<Answer> {
    const payload = {
      type: 'block_actions',
      team: { id: this.fake.team, domain: 'north' },
      user: { id: user, team_id: this.fake.team },
      api_app_id: 'A0THIDUA',
      trigger_id: `${++this.seq}.trigger.press`,
      channel: { id: channel },
      container: { type: 'message', message_ts: messageTs, channel_id: channel },
      message: { ts: messageTs },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b', value, action_ts: this.fake.ts() }],
    };
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }

  /** A person submits a modal with `values` (block id → action id → value). */
  submit(
    user: string,
    view: Record<string, unknown>,
    values: Record<string, Record<string, { type: string; value: string | null }>>,
  ): Promise<Answer> {
    const payload = {
      type: 'view_submission',
      team: { id: this.fake.team, domain: 'north' },
      user: { id: user, team_id: this.fake.team },
      api_app_id: 'A0THIDUA',
      trigger_id: `${++this.seq}.trigger.view`,
      view: { ...view, id: `V${++this.seq}`, state: { values } },
    };
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
  }

  /** The bot is added to a channel. */
  botJoins(channel: string, inviter: string): Promise<Answer> {
    return this.post(
      this.callback({
        type: 'member_joined_channel',
        user: this.fake.botUserId,
        channel,
        channel_type: 'C',
        team: this.fake.team,
        inviter,
        event_ts: this.fake.ts(),
      }),
      'application/json',
    );
  }

  private callback(event: Record<string, unknown>): string {
    return JSON.stringify({
      token: 'legacy',
      team_id: this.fake.team,
      api_app_id: 'A0THIDUA',
      event: { ...event, event_ts: event.event_ts ?? event.ts },
      type: 'event_callback',
      event_id: `Ev${++this.seq}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: this.fake.team, user_id: this.fake.botUserId, is_bot: true }],
    });
  }
}
