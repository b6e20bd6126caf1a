import type { Logger } from 'pino';
import type { Adapter } from '../../delivery.js';
import type { Notice } from '../../reply.js';

/** The platform a chat key belongs to (`telegram:-100123` → `telegram`). */
function platformOf(chatKey: string): string {
  const colon = chatKey.indexOf(':');
  return colon < 0 ? '' : chatKey.slice(0, colon);
}

/**
 * The one way a notice reaches its chat, whichever adapter's conversation produced it: by the
 * platform prefix of the chat key, through that platform's adapter `send` (paced there). The
 * composition root builds one router and registers every adapter; each adapter delivers the
 * notices of its conversations through it, so a join request typed on the console reaches the
 * secretary's Telegram group exactly as one typed on Telegram does.
 *
 * ```ts
 * const router = new NoticeRouter(logger);
 * router.register(telegram);
 * router.register(slack);
 * await router.deliver({ chatKey: 'slack:C0123', locale: 'vi', reply });
 * ```
 */
export class NoticeRouter {
  private readonly adapters = new Map<string, Adapter>();

  constructor(private readonly logger?: Logger) {}

  /** Adds an adapter: notices for chats of its platform go through it. */
  register(adapter: Adapter): this {
    this.adapters.set(adapter.platform, adapter);
    return this;
  }

  /**
   * Sends one notice. Never throws: a chat that cannot be reached is logged with the failure
   * and does not hold up the others.
   */
  async deliver(notice: Notice): Promise<void> {
    const platform = platformOf(notice.chatKey);
    const adapter = this.adapters.get(platform);
    if (!adapter) {
      this.logger?.warn({ chatKey: notice.chatKey }, 'notice for a platform without an adapter dropped');
      return;
    }
    try {
      await adapter.send(notice.chatKey, notice.locale, notice.reply);
    } catch (error) {
      const failure = (error as { failure?: string }).failure ?? 'other';
      this.logger?.warn({ err: error, chatKey: notice.chatKey, failure }, 'notice not delivered');
    }
  }

  /** Sends notices independently of each other; resolves when every one has been tried. */
  async deliverAll(notices: readonly Notice[]): Promise<void> {
    await Promise.all(notices.map((notice) => this.deliver(notice)));
  }
}
