import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** The largest request body read (1 MB): webhook deliveries are a few kilobytes. */
const MAX_BODY = 1024 * 1024;

/** A route handler: gets the request and its raw body (webhook signatures need the raw bytes). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

/**
 * The one HTTP server of an instance: webhooks of every platform plus `GET /healthz`.
 * Only started when some adapter registers a route (webhook mode), or for health checks.
 */
export class HttpServer {
  private readonly routes = new Map<string, RouteHandler>();
  private readonly prefixes: Array<{ method: string; prefix: string; handler: RouteHandler }> = [];
  private server?: Server;

  constructor(private readonly healthy: () => Promise<boolean> = async () => true) {
    this.route('GET', '/healthz', async (_req, res) => {
      const ok = await this.healthy().catch(() => false);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok }));
    });
  }

  /** Registers `handler` for `METHOD path` (exact path match). */
  route(method: string, path: string, handler: RouteHandler): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, handler);
  }

  /** Registers `handler` for every `METHOD prefix…` path (`GET /files/<token>`); exact routes win. */
  routePrefix(method: string, prefix: string, handler: RouteHandler): void {
    this.prefixes.push({ method: method.toUpperCase(), prefix, handler });
  }

  /** Listens on `port` (0 = any free port); resolves with the bound port. */
  async listen(port: number, host = '0.0.0.0'): Promise<number> {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : port;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0]!;
    const handler =
      this.routes.get(`${req.method} ${path}`) ?? this.prefixes.find((p) => p.method === req.method && path.startsWith(p.prefix))?.handler;
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = Number(req.headers['content-length'] ?? 0);
    if (size <= MAX_BODY) {
      size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY) break;
        chunks.push(chunk as Buffer);
      }
    }
    if (size > MAX_BODY) {
      // Nothing larger is a webhook delivery: refused unread.
      res.writeHead(413, { connection: 'close' }).end();
      req.destroy();
      return;
    }
    try {
      await handler(req, res, Buffer.concat(chunks));
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  }
}
