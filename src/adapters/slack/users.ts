import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;
import type { Logger } from 'pino';
import { waitingOutRateLimits, type Sleep } from './rate-limit.js';

/** What the bot knows of a Slack user: the name to show and the language of their client. */
export interface SlackUser {
  displayName: string;
  username?: string;
  /** Two-letter language from the user's Slack locale (`vi-VN` → `vi`). */
  languageCode?: string;
}

/** How long a looked-up user is trusted (names and languages change rarely). */
const TTL_MS = 60 * 60 * 1000;

/**
 * Display names and languages from `users.info` (with `include_locale`), cached per
 * workspace and user so a busy channel costs one call a person an hour. A failed look-up
 * gives the id as the name: the command still runs.
 */
export class SlackUsers {
  private readonly cache = new Map<string, { user: SlackUser; at: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly logger: Logger,
    private readonly limits: { maxSeconds: number; sleep: Sleep },
    private readonly now: () => number = Date.now,
  ) {}

  async get(team: string, id: string): Promise<SlackUser> {
    const key = `${team}:${id}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.user;
    let user: SlackUser = { displayName: id };
    try {
      const answer = await waitingOutRateLimits(() => this.client.users.info({ user: id, include_locale: true }), this.limits);
      const u = answer.user;
      if (u) {
        const displayName = u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || id;
        user = { displayName, username: u.name, languageCode: u.locale?.slice(0, 2).toLowerCase() };
      }
      this.cache.set(key, { user, at: this.now() });
    } catch (error) {
      this.logger.warn({ err: error, user: id }, 'slack: users.info failed');
    }
    return user;
  }
}
