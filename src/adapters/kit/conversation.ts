import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Core, HandleResult } from '../../app/core.js';
import type { Incoming } from '../../app/ports.js';
import { LineErrors, UserError } from '../../domain/errors.js';
import type { Msg, Reply } from '../../reply.js';
import { DEFAULT_CAPABILITIES, type Capabilities } from '../../delivery.js';
import { linkReply, type LinkMaker } from './links.js';
import type { NoticeRouter } from './router.js';

/** Where a conversation takes place, as much as the loop needs to know of it. */
export interface Origin {
  kind: 'group' | 'private';
}

/**
 * Sends one reply where the adapter's origin says: in the chat (`quote`: answering the
 * person's message) or, for a `privately` reply in a group, to the person. The adapter's job.
 */
export type ReplySender<O extends Origin> = (origin: O, locale: string, reply: Reply, quote: boolean) => Promise<void>;

/** A short reference that ties an apology shown to a person to the logged error. */
function referenceId(): string {
  return randomBytes(4).toString('hex').toUpperCase();
}

/**
 * The conversation loop every adapter runs: an `Incoming` goes to the core; its replies go back
 * to the chat it came from, in order, the first one quoting the person's message; its notices go
 * to their chats through the one `NoticeRouter`; a redelivered update is answered by nothing; a
 * failure becomes the user error's sentence or an apology with a reference that is logged.
 *
 * ```ts
 * const loop = new ConversationLoop({ core, router, logger, send: (origin, locale, reply, quote) => … });
 * await loop.converse(incoming, origin, 'vi');
 * ```
 */
export class ConversationLoop<O extends Origin> {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly options: {
      core: Core;
      router: NoticeRouter;
      send: ReplySender<O>;
      logger?: Logger;
      /**
       * Signed links for what the platform cannot carry (`kit/links.ts`), with the platform's
       * capabilities; without `capabilities` only a file the reply asks to send as a link is.
       */
      links?: LinkMaker;
      capabilities?: Capabilities;
    },
  ) {}

  /** One command to the core and its answers back. `locale` is for an apology when the core fails. */
  async converse(incoming: Incoming, origin: O, locale: string): Promise<void> {
    let result: HandleResult;
    try {
      result = await this.options.core.handle(incoming);
    } catch (error) {
      await this.failed(origin, locale, error, incoming.updateId);
      return;
    }
    await this.deliver(result, origin);
  }

  /**
   * Delivers a result: its replies to `origin` (none when it is undefined, e.g. a chat the bot
   * was removed from), its notices through the router (not awaited: the person's answer does not
   * wait for other chats).
   */
  async deliver(result: HandleResult, origin: O | undefined): Promise<void> {
    if (result.duplicate) return;
    if (origin) {
      // Only the first message in the chat quotes the person's; a private reply does not count.
      let quote = true;
      for (const written of result.replies) {
        const reply = await this.linked(written);
        await this.options.send(origin, result.locale, reply, quote);
        if (!(reply.privately && origin.kind === 'group')) quote = false;
      }
    }
    if (result.notices.length) this.track(this.options.router.deliverAll(result.notices));
  }

  /** Sends one of the adapter's own sentences (intro, advice) to `origin`, quoting the person. */
  async say(origin: O, locale: string, key: string, args?: Msg['args']): Promise<void> {
    await this.options.send(origin, locale, { text: [{ key, args }] }, true);
  }

  /** The reply with its links made; when keeping the file fails, the planner's own degrade applies. */
  private async linked(reply: Reply): Promise<Reply> {
    // Without declared capabilities the adapter carries files and pictures: only `reply.link` applies.
    const can = this.options.capabilities ?? { ...DEFAULT_CAPABILITIES, images: true };
    try {
      return await linkReply(reply, can, this.options.links);
    } catch (error) {
      this.options.logger?.error({ err: error }, 'signed link not made');
      return reply;
    }
  }

  /** Resolves when every notice handed to the router so far has been tried. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async failed(origin: O, locale: string, error: unknown, updateId: string | undefined): Promise<void> {
    if (error instanceof UserError) {
      const text: Msg[] = [{ key: error.key, args: error.args }];
      if (error instanceof LineErrors) text.push(...error.problems.map((p) => ({ key: p.key, args: { ...p.args, line: p.line } })));
      try {
        await this.options.send(origin, locale, { text }, true);
        return;
      } catch (sendError) {
        error = sendError;
      }
    }
    const ref = referenceId();
    this.options.logger?.error({ err: error, ref, updateId }, 'command failed');
    await this.options.send(origin, locale, { text: [{ key: 'kit-error-apology', args: { ref } }] }, true).catch((sendError: unknown) => {
      this.options.logger?.error({ err: sendError, ref }, 'apology not delivered');
    });
  }

  private track(promise: Promise<unknown>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }
}
