/**
 * The Slack adapter: Bolt with a receiver on the instance's HTTP server (or Socket Mode),
 * turning slash commands, mentions, buttons and modals into `Incoming` for the core and
 * `Reply` values into Block Kit messages and uploaded files.
 */
export { SlackAdapter, SLACK_CAPABILITIES, type SlackAdapterOptions } from './adapter.js';
