import { parentPort, Worker } from 'node:worker_threads';

/**
 * A platform fake running in a worker thread, asked by message, so a bench measures the bot's
 * event loop and not the fake's (the Telegram and Zalo benches). The worker loads the bench's
 * own TypeScript module with `workerData.role` set; that module answers through `serveFake`.
 */
export class FakeThread<Request extends { op: string }, Info> {
  private next = 1;
  private readonly waiting = new Map<number, (value: unknown) => void>();

  private constructor(
    private readonly worker: Worker,
    readonly info: Info,
  ) {}

  /** Starts `moduleUrl` in a worker with `role`; resolves with what the fake posted first (its address). */
  static async start<Request extends { op: string }, Info>(moduleUrl: string, role: string): Promise<FakeThread<Request, Info>> {
    // tsx's loader is registered in the worker before the module is imported.
    const entry = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl)}); })`;
    const worker = new Worker(entry, { eval: true, workerData: { role } });
    const info = await new Promise<Info>((resolve, reject) => {
      worker.once('message', (m: { value: Info }) => resolve(m.value));
      worker.once('error', reject);
    });
    const thread = new FakeThread<Request, Info>(worker, info);
    worker.on('message', (m: { id: number; value: unknown }) => {
      thread.waiting.get(m.id)?.(m.value);
      thread.waiting.delete(m.id);
    });
    return thread;
  }

  /** Asks the fake; resolves with its answer. */
  ask<T>(request: Request | { op: 'stop' }): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve) => {
      this.waiting.set(id, resolve as (value: unknown) => void);
      this.worker.postMessage({ id, request });
    });
  }

  /** Stops the fake (its `stop` request), then the thread. */
  async stop(): Promise<void> {
    await this.ask({ op: 'stop' });
    await this.worker.terminate();
  }
}

/** The worker's side: posts `info` first, then answers each request with what `answer` resolves. */
export function serveFake<Request>(info: unknown, answer: (request: Request) => Promise<unknown> | unknown): void {
  parentPort!.on('message', async ({ id, request }: { id: number; request: Request }) => {
    parentPort!.postMessage({ id, value: await answer(request) });
  });
  parentPort!.postMessage({ id: 0, value: info });
}
