import {
  request as httpRequest,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { RESOLVE_EVERY_MS, UpstreamAddresses, type ResolveHost, type Upstream } from './front-door-upstreams';

/** How long an API instance that refused a connection is passed over before it is tried again. */
export const PASS_OVER_MS = 2_000;
/**
 * Bodies are read whole before one is forwarded, so a request that could not reach one instance can go to the next:
 * far above the API's own limit (which answers its 413 itself).
 */
const BODY_CAP_BYTES = 16 * 1024 * 1024;
/** Headers that describe one connection, not the message (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/** An answer the front door gives itself, in the contract's error shape (api-contract "Errors"). */
function answer(res: ServerResponse, status: number, error: string, message: string, retryAfter?: number): void {
  if (res.destroyed) return;
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
  });
  res.end(JSON.stringify({ error, message }));
}

/** The request's headers for `upstream`: its own Host kept (the instance is reached by address, not by name). */
function forwardedHeaders(req: IncomingMessage, upstream: Upstream, length: number): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  headers.host = req.headers.host ?? upstream.url.host;
  if (req.method !== 'GET' && req.method !== 'HEAD') headers['content-length'] = String(length);
  const client = req.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = req.headers['x-forwarded-for'] ? `${req.headers['x-forwarded-for']}, ${client}` : client;
  return headers;
}

/** How the front door finds its instances (tests give a resolver of their own). */
export interface FrontDoorOptions {
  /** All the addresses of an upstream's host name; by default `dns.lookup` with `all: true`. */
  resolve?: ResolveHost;
  /** How often the names are resolved again; by default {@link RESOLVE_EVERY_MS}. */
  resolveEveryMs?: number;
}

/**
 * The one address of `npm run cluster` (one URL per API instance) and of compose (one name for the replicas) in front
 * of the API instances: every address each upstream's name resolves to is an instance (front-door-upstreams.ts);
 * round robin over the instances, and a request that could not reach one (connection refused: nothing was sent) goes
 * to the next. An instance that fails after it
 * received a request cannot say whether it applied it: the answer is 502 `upstream_lost`, which tells the client to
 * retry with the same `Idempotency-Key` and get the action's real outcome — never a guess. With every instance down,
 * 503 `dependency_unavailable` with `Retry-After` (nothing was sent).
 */
export class FrontDoor {
  private readonly upstreams: UpstreamAddresses;
  private readonly resolveEveryMs: number;
  private next = 0;
  readonly server: Server;

  constructor(upstreamUrls: string[], options: FrontDoorOptions = {}) {
    if (upstreamUrls.length === 0) throw new Error('the front door needs at least one API instance');
    this.upstreams = new UpstreamAddresses(
      upstreamUrls.map((u) => new URL(u)),
      options.resolve,
    );
    this.resolveEveryMs = options.resolveEveryMs ?? RESOLVE_EVERY_MS;
    this.server = createServer((req, res) => void this.serve(req, res));
  }

  /** Resolves the instances, then listens on `port` (0: any free port) of 127.0.0.1 or `host`; gives the port. */
  async listen(port: number, host = '127.0.0.1'): Promise<number> {
    await this.upstreams.start(this.resolveEveryMs);
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve((this.server.address() as { port: number }).port));
    });
  }

  close(): Promise<void> {
    this.upstreams.stop();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      return answer(res, 413, 'payload_too_large', (error as Error).message);
    }
    // Each instance at most once, starting with the next in turn; instances passed over come last.
    if (this.upstreams.all.length === 0) await this.upstreams.refresh(); // no name resolved yet: try now
    const upstreams = this.upstreams.all;
    const now = Date.now();
    const order = upstreams.map((_, i) => upstreams[(this.next + i) % upstreams.length]);
    this.next = (this.next + 1) % Math.max(1, upstreams.length);
    order.sort((a, b) => Number(a.passedOverUntil > now) - Number(b.passedOverUntil > now));
    for (const upstream of order) {
      const outcome = await this.forward(upstream, req, body, res);
      if (outcome === 'answered') return;
      if (outcome === 'lost')
        return answer(
          res,
          502,
          'upstream_lost',
          'the API instance serving this request stopped before it answered; whether the action was applied is ' +
            'unknown here: retry with the same Idempotency-Key to get its real outcome',
        );
      upstream.passedOverUntil = Date.now() + PASS_OVER_MS;
      void this.upstreams.refresh(); // a replica may have gone, or come back at another address
    }
    answer(res, 503, 'dependency_unavailable', 'no API instance accepts connections (nothing was sent)', 1);
  }

  /** 'unreachable' when no connection was made (nothing sent: the next instance may serve it). */
  private forward(
    upstream: Upstream,
    req: IncomingMessage,
    body: Buffer,
    res: ServerResponse,
  ): Promise<'answered' | 'unreachable' | 'lost'> {
    return new Promise((resolve) => {
      let connected = false;
      const outgoing = httpRequest(
        {
          protocol: upstream.url.protocol,
          hostname: upstream.address,
          port: upstream.url.port,
          method: req.method,
          path: req.url,
          headers: forwardedHeaders(req, upstream, body.length),
          agent: false, // a fresh connection each time: "refused" then always means "nothing was sent"
        },
        (incoming) => {
          const headers = Object.fromEntries(
            Object.entries(incoming.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
          ) as Record<string, string | string[]>;
          res.writeHead(incoming.statusCode ?? 502, headers);
          incoming.pipe(res);
          // The body was cut: the client sees a broken answer, not a made-up one.
          incoming.on('error', () => res.destroy());
          resolve('answered');
        },
      );
      outgoing.on('socket', (socket) => socket.once('connect', () => (connected = true)));
      outgoing.on('error', () => resolve(connected ? 'lost' : 'unreachable'));
      res.on('close', () => outgoing.destroy()); // the client went away: so does the forwarded request
      outgoing.end(body);
    });
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_CAP_BYTES) throw new Error(`the request body exceeds ${BODY_CAP_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
