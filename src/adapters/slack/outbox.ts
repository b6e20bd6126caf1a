import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Capabilities } from '../../delivery.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Button, Reply } from '../../reply.js';
import { planReply, type PlannedPart } from '../kit/plan.js';
import { waitingOutRateLimits, type Sleep } from './rate-limit.js';
import { MESSAGE_BLOCKS, escapeMrkdwn, sectionMessages, toMrkdwn, type Block } from './format.js';

/** The `action_id` prefix of the bot's buttons (Bolt routes presses on it). */
export const BUTTON_ACTION = 'thidua-button';

/** Slack's limit for a button's `value`. */
const BUTTON_VALUE_LIMIT = 2000;
/** Slack's limit for a button's label, and for the elements of one `actions` block. */
const BUTTON_LABEL_LIMIT = 75;
const ACTIONS_PER_BLOCK = 25;

/** Where one reply goes in Slack. */
export interface Placement {
  channel: string;
  /** Set: the reply is shown only to this user (ephemeral), in `channel`. */
  ephemeralTo?: string;
  /** The thread the command was typed in. */
  threadTs?: string;
  /** Awaited before each API call (broadcast pacing); conversation replies pass none. */
  pace?: () => Promise<void>;
}

/**
 * Turns one `Reply` into Web API calls along the kit's plan: the chart and the export shared
 * by the three-step upload (`filesUploadV2`: `files.getUploadURLExternal` → POST →
 * `files.completeUploadExternal`), text as mrkdwn sections (tables as code blocks, never more
 * than 50 blocks a message), buttons as an `actions` block on the last message.
 */
export class Outbox {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly i18n: I18n,
    private readonly capabilities: Capabilities,
    private readonly logger: Logger,
    private readonly limits: { maxSeconds: number; sleep: Sleep },
  ) {}

  /** One Web API call, 429s waited out. */
  private call<T>(fn: () => Promise<T>): Promise<T> {
    return waitingOutRateLimits(fn, this.limits);
  }

  async sendReply(locale: string, reply: Reply, placement: Placement): Promise<void> {
    const parts = planReply({ i18n: this.i18n, locale, reply, capabilities: this.capabilities });
    if (!parts.length) {
      this.logger.warn({ channel: placement.channel }, 'slack: an empty reply was not sent');
      return;
    }
    for (const part of parts) await this.sendPart(locale, part, placement);
  }

  private async sendPart(locale: string, part: PlannedPart, placement: Placement): Promise<void> {
    const actions = this.actions(locale, part.buttons);
    if (part.kind === 'text') {
      const messages = sectionMessages(part.lines);
      if (actions.length) {
        const last = messages[messages.length - 1]!;
        if (last.blocks.length + actions.length <= MESSAGE_BLOCKS) last.blocks.push(...actions);
        else messages.push({ blocks: actions, text: last.text });
      }
      for (const message of messages) await this.post(placement, message.blocks, message.text);
      return;
    }
    await placement.pace?.();
    const comment = part.caption.length ? toMrkdwn(part.caption) : undefined;
    const channel = placement.ephemeralTo ? await this.directChannel(placement.ephemeralTo) : placement.channel;
    const upload = {
      channel_id: channel,
      file: Buffer.from(part.file.bytes),
      filename: part.file.fileName,
      title: part.file.fileName,
      ...(comment ? { initial_comment: comment } : {}),
    };
    const thread = placement.threadTs && !placement.ephemeralTo ? placement.threadTs : undefined;
    await this.call(() => this.client.filesUploadV2(thread ? { ...upload, thread_ts: thread } : upload));
    if (actions.length) await this.post(placement, actions, escapeMrkdwn(part.file.fileName));
  }

  private async post(placement: Placement, blocks: Block[], text: string): Promise<void> {
    await placement.pace?.();
    const thread = placement.threadTs ? { thread_ts: placement.threadTs } : {};
    if (placement.ephemeralTo) {
      const user = placement.ephemeralTo;
      await this.call(() => this.client.chat.postEphemeral({ channel: placement.channel, user, blocks, text, ...thread }));
    } else {
      await this.call(() =>
        this.client.chat.postMessage({ channel: placement.channel, blocks, text, unfurl_links: false, unfurl_media: false, ...thread }),
      );
    }
  }

  /** The direct-message channel with a user (files cannot be ephemeral). */
  private async directChannel(user: string): Promise<string> {
    const opened = await this.call(() => this.client.conversations.open({ users: user }));
    return opened.channel?.id ?? user;
  }

  /** Buttons as `actions` blocks; a button whose command exceeds Slack's 2,000 characters is left out and logged. */
  private actions(locale: string, buttons: Button[][] | undefined): Block[] {
    if (!buttons?.length) return [];
    const t = this.i18n.translator(locale);
    const blocks: Block[] = [];
    let n = 0;
    for (const row of buttons) {
      const elements = row
        .filter((button) => {
          const fits = button.data.length <= BUTTON_VALUE_LIMIT;
          if (!fits) this.logger.error({ data: button.data.slice(0, 80) }, 'slack: button value over 2,000 characters left out');
          return fits;
        })
        .slice(0, ACTIONS_PER_BLOCK)
        .map((button) => ({
          type: 'button',
          action_id: `${BUTTON_ACTION}-${n++}`,
          text: {
            type: 'plain_text',
            text: [...t(button.label.key, button.label.args)].slice(0, BUTTON_LABEL_LIMIT).join(''),
            emoji: true,
          },
          value: button.data,
        }));
      if (elements.length) blocks.push({ type: 'actions', elements });
    }
    return blocks;
  }
}
