import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** A route handler: gets the request and its raw body (webhook signatures need the raw bytes). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void> | void;

/** The largest body a route reads unless it says otherwise: 1 MB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** What a route declares besides its handler. */
export interface RouteOptions {
  /**
   * Runs on the headers before a byte of the body is read (a webhook's secret token): false
   * answers 401 and the body is never read.
   */
  check?: (req: IncomingMessage) => boolean;
  /** The largest body accepted, in bytes (default 1 MB); a larger one gets 413 unread. */
  limit?: number;
}

interface Route extends RouteOptions {
  handler: RouteHandler;
}

/**
 * The one HTTP server of an instance: webhooks of every platform plus `GET /healthz`.
 * Only started when some adapter registers a route (webhook mode), or for health checks.
 */
export class HttpServer {
  private readonly routes = new Map<string, Route>();
  private readonly prefixes: Array<Route & { method: string; prefix: string }> = [];
  private server?: Server;

  constructor(private readonly healthy: () => Promise<boolean> = async () => true) {
    this.route('GET', '/healthz', async (_req, res) => {
      const ok = await this.healthy().catch(() => false);
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok }));
    });
  }

  /**
   * Registers `handler` for `METHOD path` (exact path match). `options.check` runs on the headers
   * before the body is read; the body is capped at `options.limit` (1 MB by default).
   */
  route(method: string, path: string, handler: RouteHandler, options: RouteOptions = {}): void {
    this.routes.set(`${method.toUpperCase()} ${path}`, { handler, ...options });
  }

  /** Registers `handler` for every `METHOD prefix…` path (`GET /files/<token>`); exact routes win. */
  routePrefix(method: string, prefix: string, handler: RouteHandler, options: RouteOptions = {}): void {
    this.prefixes.push({ method: method.toUpperCase(), prefix, handler, ...options });
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
    const route =
      this.routes.get(`${req.method} ${path}`) ?? this.prefixes.find((p) => p.method === req.method && path.startsWith(p.prefix));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    if (route.check && !route.check(req)) return refuse(req, res, 401);
    const limit = route.limit ?? DEFAULT_BODY_LIMIT;
    if (Number(req.headers['content-length'] ?? 0) > limit) return refuse(req, res, 413);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) return refuse(req, res, 413);
      chunks.push(chunk as Buffer);
    }
    try {
      await route.handler(req, res, Buffer.concat(chunks));
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  }
}

/** Answers without reading (the rest of) the body, and closes the connection so it is never read. */
function refuse(req: IncomingMessage, res: ServerResponse, status: 401 | 413): void {
  res.writeHead(status, { 'content-type': 'application/json', connection: 'close' }).end('{"ok":false}', () => req.destroy());
}
