import type { Logger } from 'pino';
import { pino } from 'pino';
import type { HandleResult } from '../../app/core.js';
import { SendError } from '../../delivery.js';
import type { Store } from '../../store/store.js';
import {
  claimOutbox,
  markOutboxFailed,
  markOutboxSent,
  platformOf,
  pruneOutbox,
  releaseOwnOutbox,
  type OutboxItem,
} from '../../store/outbox.js';

/**
 * Delivers one outbox row through its platform's adapter: a reply in its conversation (or
 * privately to `privateTo`), or a notice to a chat. Throws `SendError` (or anything) on failure.
 */
export type OutboxTarget = (item: OutboxItem) => Promise<void>;

/** What the sender is built from. */
export interface OutboxSenderOptions {
  store: Store;
  /** This instance's id (the owner of the leases it takes). */
  owner: string;
  /** Adapters' delivery functions, by platform name. */
  targets: ReadonlyMap<string, OutboxTarget>;
  /** How long a claimed row stays this instance's (default 30 s). */
  leaseMs?: number;
  /** How often unsent rows are looked for (default 2 s). */
  pollMs?: number;
  /** Attempts before a row is given up on (default 5). */
  maxAttempts?: number;
  now?: () => Date;
  logger?: Logger;
}

/** Rows sent or failed are deleted after a week. */
const KEEP_MS = 7 * 24 * 3600_000;

/**
 * The outbox's sender: sends an answer right after the command committed it (the worker hands it
 * over), and sweeps for rows whose lease ran out (their instance crashed before sending them),
 * oldest first and in order per chat. Each row is marked sent right after the platform accepted
 * it, so a crash repeats at most the one message that was in flight.
 */
export class OutboxSender {
  readonly leaseMs: number;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The last send queued per chat: one message in flight per chat. */
  private readonly chats = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(private readonly options: OutboxSenderOptions) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.logger = options.logger ?? pino({ level: 'silent' });
    this.now = options.now ?? (() => new Date());
  }

  get owner(): string {
    return this.options.owner;
  }

  /** Frees this instance's own leases from before a restart, then sweeps now and every `pollMs`. */
  async start(): Promise<void> {
    const conn = this.conn;
    await releaseOwnOutbox(conn, this.owner);
    await pruneOutbox(conn, new Date(this.now().getTime() - KEEP_MS));
    await this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.options.pollMs ?? 2_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.sweeping;
    await Promise.allSettled([...this.inFlight]);
  }

  /**
   * Sends what the core answered: `items` are its rows as written (with their ids when the core
   * committed them to the outbox, leased to this instance): the conversation's replies in order
   * and awaited, the notices to other chats in the background. An answer the core could not
   * commit (no `outboxIds`) is sent directly.
   */
  async deliver(result: HandleResult, items: readonly OutboxItem[]): Promise<void> {
    if (result.duplicate) return;
    if (!result.outboxIds) return this.direct(items);
    const replies = items.filter((i) => i.kind === 'reply');
    const notices = items.filter((i) => i.kind === 'notice');
    if (replies.length) await this.inOrder(replies);
    for (const notice of notices) this.track(this.inOrder([notice]));
  }

  /**
   * Sends one chat's rows in order, after whatever this instance is already sending to that
   * chat (a sweep's backlog after a restart goes first): one message in flight per chat, so a
   * crash repeats at most one message per chat. Stops at a row that must be tried again.
   */
  private inOrder(items: readonly OutboxItem[]): Promise<void> {
    const key = items[0]!.chatKey;
    const previous = this.chats.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        for (const item of items) if (!(await this.sendOne(item))) return;
      });
    this.chats.set(key, next);
    void next.finally(() => {
      if (this.chats.get(key) === next) this.chats.delete(key);
    });
    return next;
  }

  /** One sweep: claims rows no live instance holds and sends them, chats in parallel. */
  sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return this.sweeping ?? Promise.resolve();
    this.sweeping = this.sweepOnce()
      .catch((error: unknown) => this.logger.error({ err: error }, 'outbox: sweep failed'))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepOnce(): Promise<void> {
    const platforms = [...this.options.targets.keys()];
    for (;;) {
      const lease = { owner: this.owner, now: this.now(), leaseMs: this.leaseMs };
      const items = await this.options.store.claim(lease.now, (tx) => claimOutbox(tx, platforms, 100, lease));
      if (!items.length) return;
      const byChat = new Map<string, OutboxItem[]>();
      for (const item of items) byChat.set(item.chatKey, [...(byChat.get(item.chatKey) ?? []), item]);
      await Promise.all([...byChat.values()].map((chat) => this.inOrder(chat)));
      if (items.length < 100 || this.stopped) return;
    }
  }

  /** Sends one row and records the outcome; false when it must be tried again later. */
  private async sendOne(item: OutboxItem): Promise<boolean> {
    const target = this.options.targets.get(item.platform ?? platformOf(item.chatKey));
    if (!target) return false; // Another instance, with that platform's adapter, takes it when the lease runs out.
    try {
      await target(item);
    } catch (error) {
      const final =
        (error instanceof SendError && (error.failure === 'gone' || error.failure === 'forbidden')) ||
        item.attempts + 1 >= (this.options.maxAttempts ?? 5);
      const retryAt = new Date(this.now().getTime() + 1_000 * 2 ** Math.min(item.attempts, 8));
      this.logger.warn({ err: error, id: item.id, chatKey: item.chatKey, final }, 'outbox: message not delivered');
      await markOutboxFailed(
        this.conn,
        item.id,
        this.owner,
        String(error instanceof Error ? error.message : error),
        final ? { final: true, now: this.now() } : { final: false, retryAt },
      );
      return final;
    }
    await markOutboxSent(this.conn, item.id, this.owner, this.now());
    return true;
  }

  /** An answer that has no outbox rows (it could not be committed): sent as it is, failures logged. */
  private async direct(items: readonly OutboxItem[]): Promise<void> {
    for (const item of items) {
      try {
        await this.options.targets.get(item.platform)?.(item);
      } catch (error) {
        this.logger.warn({ err: error, chatKey: item.chatKey }, 'outbox: message not delivered');
      }
    }
  }

  private track(promise: Promise<unknown>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  /** A handle on the store's pool at this moment, for the statements outside a claim. */
  private get conn() {
    return this.options.store.handle(this.now());
  }
}
