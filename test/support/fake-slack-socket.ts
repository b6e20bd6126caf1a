import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * A fake Socket Mode endpoint with `ws`: `apps.connections.open` (answered by `FakeSlack`)
 * hands out its `ws://` URL; on connection it sends `hello`, then the envelopes a test pushes
 * (`{ envelope_id, type, payload }`), and records each acknowledgement the app sends back.
 */
export class FakeSlackSocket {
  readonly acks = new Map<string, unknown>();
  private readonly server: WebSocketServer;
  private socket?: WebSocket;
  private seq = 0;
  private readonly waiters = new Set<() => void>();

  private constructor(server: WebSocketServer) {
    this.server = server;
    server.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) this.acks.set(message.envelope_id, message.payload ?? null);
        this.wake();
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0THIDUA' } }),
      );
      this.wake();
    });
  }

  static async start(): Promise<FakeSlackSocket> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return new FakeSlackSocket(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/link`;
  }

  /** Resolves once the app is connected. */
  async connected(): Promise<void> {
    while (!this.socket) await new Promise<void>((resolve) => this.waiters.add(resolve));
  }

  /** Sends one envelope; resolves with its id once the app acknowledged it. */
  async send(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    retryAttempt = 0,
  ): Promise<{ id: string; ack: unknown }> {
    await this.connected();
    const id = `env-${++this.seq}`;
    this.socket!.send(
      JSON.stringify({
        envelope_id: id,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        retry_attempt: retryAttempt,
        retry_reason: retryAttempt ? 'timeout' : '',
      }),
    );
    while (!this.acks.has(id)) await new Promise<void>((resolve) => this.waiters.add(resolve));
    return { id, ack: this.acks.get(id) };
  }

  async stop(): Promise<void> {
    this.socket?.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private wake(): void {
    for (const wake of [...this.waiters]) {
      this.waiters.delete(wake);
      wake();
    }
  }
}
