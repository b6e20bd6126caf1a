import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { InboxInput } from '../../store/inbox.js';
import type { InboxReceiver } from '../kit/inbox-worker.js';
import { chatKey } from './incoming.js';

/** What the poller is built from. */
export interface TelegramPollerOptions {
  api: Api;
  inbox: InboxReceiver;
  allowedUpdates: readonly string[];
  /** Seconds a `getUpdates` call waits for updates (30). */
  timeoutSeconds?: number;
  logger: Logger;
}

/** The chat an update belongs to (its order is kept per chat), or a key of its own. */
export function updateChatKey(update: Update): string {
  const chat = update.message?.chat ?? update.edited_message?.chat ?? update.callback_query?.message?.chat ?? update.my_chat_member?.chat;
  return chat ? chatKey(chat.id) : `telegram:update`;
}

/** An update as an inbox row. */
export function inboxRow(update: Update): InboxInput {
  // JSON.stringify writes lone surrogates as escapes: the stored text is always well-formed.
  return { key: `telegram:${update.update_id}`, platform: 'telegram', chatKey: updateChatKey(update), payload: JSON.stringify(update) };
}

/**
 * Long polling that confirms only what is stored. `getUpdates` with an offset confirms every
 * update below it, so the poller asks with `offset = last + 1` only after the batch it got
 * was committed to the inbox in one statement; if the insert fails, it asks again with the
 * same offset and Telegram sends the same updates. A crash at any moment therefore loses
 * nothing: what was not stored was not confirmed, and is delivered again on restart (the inbox
 * skips what it already has, the ledger what was already handled).
 *
 * `@grammyjs/runner`'s fetcher is not used: it moves its offset as soon as `getUpdates`
 * returns, before its sink has run, and a failed store would then skip the batch; and with the
 * inbox doing the per-chat ordering and concurrency, nothing of the runner would remain.
 */
export class TelegramPoller {
  private offset = 0;
  private running?: Promise<void>;
  private abort?: AbortController;

  constructor(private readonly options: TelegramPollerOptions) {}

  /** Starts the loop (returns at once). */
  start(): void {
    this.abort = new AbortController();
    this.running = this.loop(this.abort.signal);
  }

  /** Stops polling; the updates fetched last are stored already and are confirmed now. */
  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    this.running = undefined;
    if (this.offset > 0) await this.options.api.getUpdates({ offset: this.offset, limit: 1, timeout: 0 }).catch(() => undefined);
  }

  private async loop(signal: AbortSignal): Promise<void> {
    const { api, inbox, logger } = this.options;
    let retryMs = 100;
    while (!signal.aborted) {
      let updates: Update[];
      try {
        updates = await api.getUpdates(
          {
            offset: this.offset,
            limit: 100,
            timeout: this.options.timeoutSeconds ?? 30,
            allowed_updates: [...this.options.allowedUpdates] as never,
          },
          signal as never,
        );
      } catch (error) {
        if (signal.aborted) return;
        logger.warn({ err: error }, 'telegram: getUpdates failed, retrying');
        await pause(retryMs, signal);
        retryMs = Math.min(retryMs * 2, 30_000);
        continue;
      }
      if (!updates.length) continue;
      try {
        await inbox.receive(updates.map(inboxRow));
      } catch (error) {
        // Not stored, so not confirmed: the next call asks with the same offset.
        logger.error({ err: error }, 'telegram: updates not stored, fetching them again');
        await pause(retryMs, signal);
        retryMs = Math.min(retryMs * 2, 30_000);
        continue;
      }
      retryMs = 100;
      this.offset = updates[updates.length - 1]!.update_id + 1;
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
