import type { Clock } from '../domain/clock.js';
import { renewLeases } from '../store/reminder-claims.js';
import type { Store } from '../store/store.js';

/**
 * The leases of one claimed batch, kept alive while the scheduler works through it. A lease
 * lasts `leaseMs` from its last renewal; the holder renews it once a third of that has passed,
 * both at every step of its work (`holds`, read before each reminder and each chat) and from a
 * heartbeat while a single send takes long (a platform's rate limit). A renewal returns the
 * leases still held: one that lapsed and went to another instance is dropped, and this instance
 * stops working on that reminder (the new holder finishes it; delivery records keep each chat
 * to one message).
 */
export class BatchLease {
  private readonly held: Set<number>;
  private renewedAt: number;
  private renewing: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly instanceId: string,
    private readonly leaseMs: number,
    ids: number[],
  ) {
    this.held = new Set(ids);
    this.renewedAt = clock.now().getTime();
  }

  /** Starts the heartbeat (wall-clock, a third of the lease); `release` stops it. */
  keepAlive(): this {
    this.heartbeat = setInterval(() => void this.renewIfDue().catch(() => {}), Math.max(1, Math.floor(this.leaseMs / 3)));
    this.heartbeat.unref();
    return this;
  }

  /** True while this instance holds the reminder's lease (renewing the batch's leases first when due). */
  async holds(id: number): Promise<boolean> {
    await this.renewIfDue();
    return this.held.has(id);
  }

  /**
   * Lets a reminder go (it failed and is left for a retry once its lease lapses): it is renewed
   * no more. A finished one stays held until the batch is marked done.
   */
  drop(id: number): void {
    this.held.delete(id);
  }

  /** Stops the heartbeat. */
  release(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  private renewIfDue(): Promise<void> {
    if (this.renewing) return this.renewing;
    const now = this.clock.now();
    if (now.getTime() - this.renewedAt < this.leaseMs / 3 || !this.held.size) return Promise.resolve();
    this.renewing = this.store
      .atomic(now, (tx) => renewLeases(tx, { ids: [...this.held], instanceId: this.instanceId }))
      .then((still) => {
        this.renewedAt = now.getTime();
        for (const id of [...this.held]) if (!still.has(id)) this.held.delete(id);
      })
      .finally(() => {
        this.renewing = null;
      });
    return this.renewing;
  }
}
