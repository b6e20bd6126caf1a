import type { Logger } from 'pino';
import { pino } from 'pino';
import { answerRows } from '../../app/answer-rows.js';
import type { ChatEvent, Core, HandleResult, OutboxOptions } from '../../app/core.js';
import type { Incoming } from '../../app/ports.js';
import type { Store } from '../../store/store.js';
import {
  claimInbox,
  claimMoreInbox,
  insertInbox,
  pruneInbox,
  releaseOwnInbox,
  renewInbox,
  settleInbox,
  type ClaimedUpdate,
  type InboxInput,
} from '../../store/inbox.js';
import { platformOf, type OutboxItem } from '../../store/outbox.js';
import type { OutboxSender } from './outbox-sender.js';
import { wellFormedDeep } from './well-formed.js';

/**
 * What one stored update asks for, as its adapter reads it:
 * - `incoming`: a command or button press for the core; `placement`/`follow` say where its
 *   replies go in the chat (the adapter's own terms, e.g. the message to quote);
 * - `event`: a chat event for the core (the bot removed from a group);
 * - `local`: the adapter answers by itself and changes nothing (an edited command is refused,
 *   an anonymous admin told to speak as themselves), or handles it on its own path;
 * - `undefined`: nothing to do (a message that is not a command).
 */
export type InboxWork =
  | { kind: 'incoming'; incoming: Incoming; placement?: string; follow?: string; after?: () => Promise<void> }
  | { kind: 'event'; event: ChatEvent; placement?: string; follow?: string }
  | { kind: 'local'; run: () => Promise<void> };

/** An adapter's reader of its own raw updates. */
export interface InboxSource {
  platform: string;
  /** Turns a stored payload (the platform's JSON, parsed) into work. */
  parse(payload: unknown): InboxWork | undefined | Promise<InboxWork | undefined>;
}

/** Where an adapter puts updates before it tells the platform they were received. */
export interface InboxReceiver {
  /** Resolves once the rows are committed. */
  receive(rows: readonly InboxInput[]): Promise<void>;
}

/** What the worker is built from. */
export interface InboxWorkerOptions {
  store: Store;
  core: Core;
  sender: OutboxSender;
  sources: readonly InboxSource[];
  /** This instance's id: the owner of its leases (the same as the sender's). */
  owner?: string;
  /** How long a claim lasts without renewal (default 30 s; renewed every third of it). */
  leaseMs?: number;
  /** Rows claimed at once (default 200). */
  batch?: number;
  /** How often the store is looked at without a wake-up (other instances' rows, expired leases; default 1 s). */
  pollMs?: number;
  /** Attempts before an update that keeps failing is given up on (default 5). */
  maxAttempts?: number;
  now?: () => Date;
  logger?: Logger;
}

/** Rows the core handled are marked done this many at a time. */
const SETTLE_EVERY = 20;

/** Handled rows are deleted after a week (the ledger keeps their keys for good). */
const KEEP_MS = 7 * 24 * 3600_000;

/**
 * The durable inbox's worker: claims stored updates under leases, handles each chat's in order
 * (one chat never waits for another), hands each to the core with the answer committed to the
 * outbox in the same transaction, sends that answer, and marks the row done. After a crash the
 * rows simply wait for their lease to run out (or for this instance to restart, which frees its
 * own leases at once) and are handled then, before anything new of the same chat; the ledger
 * makes a row handled twice change nothing and answer nothing the second time.
 *
 * ```ts
 * const worker = new InboxWorker({ store, core, sender, sources: [telegram.inboxSource()] });
 * await worker.start();
 * await worker.receive([{ key: 'telegram:1', platform: 'telegram', chatKey, payload }]);
 * ```
 */
export class InboxWorker implements InboxReceiver {
  private readonly owner: string;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly sources: Map<string, InboxSource>;
  /** Rows held now, by id: renewed together. */
  private readonly held = new Set<number>();
  private readonly busy = new Set<Promise<void>>();
  /** Chats this worker is working on now. */
  private readonly busyChats = new Set<string>();
  private claiming = false;
  private again = false;
  private stopped = true;
  private timers: NodeJS.Timeout[] = [];
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: InboxWorkerOptions) {
    this.owner = options.owner ?? options.sender.owner;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.batch = options.batch ?? 200;
    this.logger = options.logger ?? pino({ level: 'silent' });
    this.now = options.now ?? (() => new Date());
    this.sources = new Map(options.sources.map((s) => [s.platform, s]));
  }

  /** Adds a platform's reader (an adapter built after the worker). */
  addSource(source: InboxSource): void {
    this.sources.set(source.platform, source);
  }

  /** Frees this instance's leases from before a restart, handles what is waiting, then keeps polling. */
  async start(): Promise<void> {
    this.stopped = false;
    await releaseOwnInbox(this.conn, this.owner);
    await pruneInbox(this.conn, new Date(this.now().getTime() - KEEP_MS));
    const renew = setInterval(() => void this.renew(), Math.max(1, Math.floor(this.leaseMs / 3)));
    const poll = setInterval(() => this.wake(), this.options.pollMs ?? 1_000);
    renew.unref();
    poll.unref();
    this.timers = [renew, poll];
    this.wake();
  }

  /** Stops claiming and waits for the rows in hand. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    while (this.busy.size || this.claiming) await this.idle();
  }

  /**
   * Stores updates a platform handed over (one statement: all or none) and wakes the worker.
   * Resolves once they are durable: only then may the platform be told they were received.
   */
  async receive(rows: readonly InboxInput[]): Promise<void> {
    await insertInbox(this.conn, rows, this.now());
    // A chat being worked on takes its new rows itself when its current ones are done.
    if (rows.some((row) => !this.busyChats.has(row.chatKey))) this.wake();
  }

  /** Asks for a claim round now (new rows stored, a chat finished). */
  wake(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = true;
    void this.claimLoop().finally(() => {
      this.claiming = false;
      if (!this.busy.size) this.settleIdle();
    });
  }

  /** Resolves when nothing is claimed or being handled (tests, shutdown). */
  idle(): Promise<void> {
    if (!this.claiming && !this.busy.size) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async claimLoop(): Promise<void> {
    do {
      this.again = false;
      let rows: ClaimedUpdate[];
      try {
        const lease = { owner: this.owner, now: this.now(), leaseMs: this.leaseMs };
        const platforms = [...this.sources.keys()];
        const { store } = this.options;
        rows = await store.claim(lease.now, (tx) => claimInbox(tx, platforms, this.batch, lease));
      } catch (error) {
        this.logger.error({ err: error }, 'inbox: claim failed');
        return;
      }
      const byChat = new Map<string, ClaimedUpdate[]>();
      for (const row of rows) {
        this.held.add(row.id);
        byChat.set(row.chatKey, [...(byChat.get(row.chatKey) ?? []), row]);
      }
      for (const chat of byChat.values()) {
        const task = this.runChat(chat).finally(() => {
          this.busy.delete(task);
          this.wake();
          if (!this.busy.size && !this.claiming) this.settleIdle();
        });
        this.busy.add(task);
      }
      if (rows.length >= this.batch) this.again = true;
    } while (this.again && !this.stopped);
  }

  /**
   * One chat's claimed rows, in order; a row that fails holds back the chat's later rows. Rows
   * the core handled are marked done a few at a time (a crash before the mark only makes the
   * ledger answer "seen" for them); rows the adapter answered itself at once (no ledger).
   */
  private async runChat(claimed: ClaimedUpdate[]): Promise<void> {
    const chatKey = claimed[0]!.chatKey;
    const done: number[] = [];
    this.busyChats.add(chatKey);
    try {
      for (let rows = claimed; rows.length;) {
        if (!(await this.runRows(rows, done))) return;
        // Rows the chat received meanwhile: taken while its last row is still leased, so the chat never changes hands.
        rows = await claimMoreInbox(this.conn, chatKey, this.batch, { owner: this.owner, now: this.now(), leaseMs: this.leaseMs });
        for (const row of rows) this.held.add(row.id);
        await this.settle(done);
      }
    } finally {
      await this.settle(done).catch((error: unknown) => this.logger.error({ err: error }, 'inbox: could not mark rows done'));
      this.busyChats.delete(chatKey);
    }
  }

  /** Marks a chat's handled rows done (and empties the list). */
  private async settle(done: number[]): Promise<void> {
    if (!done.length) return;
    const ids = done.splice(0);
    await settleInbox(this.conn, ids, this.owner, { state: 'done', now: this.now() });
    for (const id of ids) this.held.delete(id);
  }

  /**
   * Handles rows of one chat in order; false when one failed (the chat waits for its retry).
   * The last row stays unmarked (so leased) until the chat's next rows are claimed.
   */
  private async runRows(rows: ClaimedUpdate[], done: number[]): Promise<boolean> {
    for (const [i, row] of rows.entries()) {
      try {
        const ledgered = await this.handle(row);
        done.push(row.id);
        if ((!ledgered || done.length >= SETTLE_EVERY) && i < rows.length - 1) await this.settle(done);
      } catch (error) {
        await this.settle(done).catch(() => undefined);
        const rest = rows.slice(i).map((r) => r.id);
        const give = row.attempts >= (this.options.maxAttempts ?? 5);
        this.logger.error({ err: error, key: row.key, attempts: row.attempts, final: give }, 'inbox: update not handled');
        if (give) {
          await settleInbox(this.conn, [row.id], this.owner, { state: 'failed', now: this.now() }).catch(() => undefined);
          rest.shift();
        }
        const retryAt = new Date(this.now().getTime() + 500 * 2 ** Math.min(row.attempts, 8));
        await settleInbox(this.conn, rest, this.owner, { state: 'pending', retryAt }).catch(() => undefined);
        for (const r of rows.slice(i)) this.held.delete(r.id);
        return false;
      }
    }
    return true;
  }

  /** Handles one row; true when the core's ledger now holds it (handling it again changes nothing). */
  private async handle(row: ClaimedUpdate): Promise<boolean> {
    const source = this.sources.get(row.platform);
    if (!source) throw new Error(`inbox: no source for ${row.platform}`);
    const work = await source.parse(JSON.parse(row.payload) as unknown);
    if (!work) return false;
    if (work.kind === 'local') {
      await work.run();
      return false;
    }
    const leaseUntil = new Date(this.now().getTime() + this.options.sender.leaseMs);
    const outbox: OutboxOptions = { owner: this.owner, leaseUntil, placement: work.placement, follow: work.follow };
    let result: HandleResult;
    let to: { chat: Incoming['chat']; sender?: Incoming['sender'] };
    if (work.kind === 'incoming') {
      const incoming = wellFormedDeep(work.incoming);
      to = incoming;
      try {
        result = await this.options.core.handle(incoming, { outbox });
      } finally {
        await work.after?.();
      }
    } else {
      const event = wellFormedDeep(work.event);
      to = { chat: { key: event.chatKey, kind: 'group' } };
      result = await this.options.core.chatEvent(event, { outbox });
    }
    await this.options.sender.deliver(result, itemsOf(to, result, outbox));
    return true;
  }

  private async renew(): Promise<void> {
    if (!this.held.size) return;
    await renewInbox(this.conn, [...this.held], { owner: this.owner, now: this.now(), leaseMs: this.leaseMs }).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'inbox: lease renewal failed'),
    );
  }

  private settleIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  /** A handle on the store's pool at this moment, for the statements outside a claim. */
  private get conn() {
    return this.options.store.handle(this.now());
  }
}

/**
 * The answer's rows as the core wrote them (the same `answerRows`, in the same order as their
 * ids), so the sender needs not read them back; without ids (not committed) they are sent as is.
 */
function itemsOf(to: { chat: Incoming['chat']; sender?: Incoming['sender'] }, result: HandleResult, outbox: OutboxOptions): OutboxItem[] {
  if (result.duplicate) return [];
  const rows = answerRows(to.chat.key, to.sender?.key, to.chat.kind === 'group', result, outbox);
  if (result.outboxIds && result.outboxIds.length !== rows.length) throw new Error('inbox: the outbox rows do not match the answer');
  return rows.map((row, i) => ({ ...row, id: result.outboxIds?.[i] ?? -i - 1, platform: platformOf(row.chatKey), attempts: 0 }));
}
