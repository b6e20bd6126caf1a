/**
 * Paces the messages the bot starts itself (reminders, notices) under a platform's limits, so a
 * broadcast to many chats never meets a 429 in the first place. Each adapter passes its own
 * limits (Telegram: about 1 message/s per chat, 20/min per group, 30/s overall). Conversation
 * replies are not paced: they are one or two messages answering a person, and the platform
 * client waits out the rare 429 they meet.
 *
 * Each chat has a small queue (its messages go out in order, one at a time); before every API
 * call a task awaits `pace()`, which reserves the next slot allowed by the per-chat gap, the
 * per-group window and the bot-wide rate.
 *
 * ```ts
 * const pacer = new Pacer({ perChatMs: 1000, groupPerMinute: 20, globalPerSecond: 25 });
 * await pacer.enqueue('telegram:-100123', true, async (pace) => {
 *   await pace();
 *   await api.sendMessage(-100123, 'Còn 3 ngày đến hạn chấm điểm');
 * });
 * ```
 */

/** How fast the bot may write on one platform. */
export interface PacingLimits {
  /** Minimum gap between two messages to the same chat (Telegram ≈ 1 message/s per chat). */
  perChatMs: number;
  /** Messages per rolling minute to one group chat (Telegram ≈ 20). */
  groupPerMinute: number;
  /** Messages per second over all chats (Telegram ≈ 30). */
  globalPerSecond: number;
}

/** Time as the pacer sees it; tests may pass fake timers. */
export interface PacerClock {
  now(): number;
  /** Waits `ms`; rejects early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', abort);
        resolve();
      }, ms);
      const abort = () => {
        clearTimeout(timer);
        reject(new PacerClosedError());
      };
      signal.addEventListener('abort', abort, { once: true });
    }),
};

interface ChatLane {
  tail: Promise<unknown>;
  pending: number;
  /** Earliest time of the next message to this chat. */
  next: number;
  /** Times of the latest messages to this chat (groups: at most `groupPerMinute`). */
  recent: number[];
}

/** Raised for tasks still queued when the pacer is closed. */
export class PacerClosedError extends Error {
  constructor() {
    super('the adapter stopped before this message was sent');
    this.name = 'PacerClosedError';
  }
}

/** Per-chat queues and slots under one platform's limits (see the module comment). */
export class Pacer {
  private readonly lanes = new Map<string, ChatLane>();
  private readonly limits: PacingLimits;
  private globalNext = 0;
  private closed = false;
  private readonly closing = new AbortController();

  constructor(
    limits: PacingLimits,
    private readonly clock: PacerClock = realClock,
  ) {
    this.limits = { ...limits };
  }

  /** Tasks queued or running, over all chats. */
  get size(): number {
    let n = 0;
    for (const lane of this.lanes.values()) n += lane.pending;
    return n;
  }

  /**
   * Runs `task` after the chat's earlier tasks; the task calls `pace()` before each message it
   * sends. Resolves or rejects with the task's outcome.
   */
  enqueue<T>(chat: string, group: boolean, task: (pace: () => Promise<void>) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new PacerClosedError());
    const lane = this.lane(chat);
    lane.pending++;
    const run = async (): Promise<T> => {
      if (this.closed) throw new PacerClosedError();
      return task(() => this.pace(lane, group));
    };
    const result = lane.tail.then(run, run);
    lane.tail = result.then(
      () => this.settle(chat, lane),
      () => this.settle(chat, lane),
    );
    return result;
  }

  /**
   * Refuses new tasks; queued tasks, and tasks waiting for their next slot, reject with
   * `PacerClosedError`. A message already handed to the platform completes.
   */
  close(): void {
    this.closed = true;
    this.closing.abort();
  }

  private lane(chat: string): ChatLane {
    let lane = this.lanes.get(chat);
    if (!lane) {
      if (this.lanes.size >= 1000) this.sweep();
      lane = { tail: Promise.resolve(), pending: 0, next: 0, recent: [] };
      this.lanes.set(chat, lane);
    }
    return lane;
  }

  private settle(chat: string, lane: ChatLane): void {
    lane.pending--;
    if (this.idle(lane)) this.lanes.delete(chat);
  }

  /** Forgets lanes whose limits no longer bind, so memory follows the chats of the last minute. */
  private sweep(): void {
    for (const [chat, lane] of this.lanes) if (this.idle(lane)) this.lanes.delete(chat);
  }

  private idle(lane: ChatLane): boolean {
    const now = this.clock.now();
    const last = lane.recent[lane.recent.length - 1] ?? -Infinity;
    return lane.pending === 0 && now >= lane.next && now - last >= 60_000;
  }

  private async pace(lane: ChatLane, group: boolean): Promise<void> {
    const { perChatMs, groupPerMinute, globalPerSecond } = this.limits;
    let at = Math.max(this.clock.now(), lane.next);
    if (group && lane.recent.length >= groupPerMinute) {
      at = Math.max(at, lane.recent[lane.recent.length - groupPerMinute]! + 60_000);
    }
    await this.until(at);
    // The bot-wide slot is reserved only once the chat may send, so a chat held back by its
    // own limits does not block others.
    const slot = Math.max(this.clock.now(), this.globalNext);
    this.globalNext = slot + 1000 / globalPerSecond;
    await this.until(slot);
    const now = this.clock.now();
    lane.next = now + perChatMs;
    lane.recent.push(now);
    if (lane.recent.length > groupPerMinute) lane.recent.splice(0, lane.recent.length - groupPerMinute);
  }

  private async until(at: number): Promise<void> {
    if (this.closed) throw new PacerClosedError();
    const wait = at - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait, this.closing.signal);
  }
}
