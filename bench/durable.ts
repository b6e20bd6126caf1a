import type { Logger } from 'pino';
import { InboxWorker, type InboxSource } from '../src/adapters/kit/inbox-worker.js';
import { OutboxSender, type OutboxTarget } from '../src/adapters/kit/outbox-sender.js';
import type { Core } from '../src/app/core.js';
import type { Store } from '../src/store/store.js';

/**
 * The durable inbox and outbox as `src/main.ts` wires them, for the platform benches: the
 * worker reads the adapter's stored updates and hands them to the core, the sender delivers
 * the committed answers through the adapter.
 */
export class DurablePath {
  readonly worker: InboxWorker;
  private readonly sender: OutboxSender;
  private readonly targets = new Map<string, OutboxTarget>();

  constructor(store: Store, core: Core, logger: Logger) {
    this.sender = new OutboxSender({ store, owner: 'bench', targets: this.targets, logger });
    this.worker = new InboxWorker({ store, core, sender: this.sender, sources: [], logger });
  }

  /** Connects an adapter built with `worker` as its inbox. */
  attach(platform: string, adapter: { inboxSource(): InboxSource; deliverOutbox: OutboxTarget }): void {
    this.worker.addSource(adapter.inboxSource());
    this.targets.set(platform, (item) => adapter.deliverOutbox(item));
  }

  async start(): Promise<void> {
    await this.sender.start();
    await this.worker.start();
  }

  async stop(): Promise<void> {
    await this.worker.stop();
    await this.sender.stop();
  }
}
