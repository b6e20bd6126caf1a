import { SendError } from '../../delivery.js';

/** Slack's answers that mean the bot cannot write to the channel any more. */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'team_access_not_granted',
  'account_inactive',
]);
const FORBIDDEN = new Set(['restricted_action', 'cannot_dm_bot', 'user_not_found', 'not_allowed_token_type', 'ekm_access_denied']);

/** The Slack error code of a Web API failure (`channel_not_found`), if it is one. */
export function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

/**
 * A Web API failure as the scheduler needs it: a channel the bot left or lost is `gone` (the
 * chat is marked removed), a refusal is `forbidden`, a 429 the client gave up on `rate-limited`.
 */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const code = slackErrorCode(error);
  const message = code ?? (error instanceof Error ? error.message : String(error));
  if (code && GONE.has(code)) return new SendError('gone', message);
  if (code && FORBIDDEN.has(code)) return new SendError('forbidden', message);
  if ((error as { code?: string } | undefined)?.code === 'slack_webapi_rate_limited_error') return new SendError('rate-limited', message);
  return new SendError('other', message);
}
