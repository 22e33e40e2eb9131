import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/** Connections the proxy keeps open to each backend at most. */
export const UPSTREAM_CONNECTIONS = 64;

/** A backend of the proxy. */
export interface Backend {
  name: string;
  port: number;
}

/** The proxy's view of one callback: which backend answered it, or why none did. */
export interface Forwarded {
  backend: string | null;
  status: number;
  /** Backends that refused the connection before this one took the request. */
  refusedBy: string[];
  /** From the request read by the proxy to the backend's whole answer: the service's part of Magento's wait. */
  ms: number;
}

/** A round-robin HTTP proxy on loopback, as a load balancer in front of the service's instances. */
export interface RoundRobinProxy {
  url: string;
  /** Replaces the backends (the next request starts a new round). */
  route(backends: Backend[]): void;
  /** Callbacks by consumer key: where each went (the first answer of a key is kept). */
  readonly callbacks: Map<string, Forwarded>;
  /** Answered requests per backend name. */
  readonly answered: Map<string, number>;
  /** Requests a backend dropped after it had them (answered 502, as nginx does for a POST). */
  readonly dropped: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Starts the proxy. Each request's body is read first (a callback form is a few hundred bytes), so a
 * backend that refuses the connection (a dead instance: ECONNREFUSED) is marked down and the request
 * goes to the next one; a backend that fails after it took the request gets a 502, because a POST
 * that may have been processed is not sent twice. `forwardedFor(consumerKey)` gives the merchant's
 * address for `X-Forwarded-For` (the instances trust the loopback proxy).
 */
export async function startRoundRobinProxy(forwardedFor: (consumerKey: string) => string): Promise<RoundRobinProxy> {
  // A pool of kept-alive connections per backend, as a load balancer's upstream pool: a burst is
  // queued here instead of opening a connection per request (which overflows the backend's accept queue).
  const agent = new Agent({ keepAlive: true, maxSockets: UPSTREAM_CONNECTIONS });
  let backends: Backend[] = [];
  const down = new Set<string>();
  let turn = 0;
  const callbacks = new Map<string, Forwarded>();
  const answered = new Map<string, number>();
  const dropped = new Map<string, number>();
  const bump = (map: Map<string, number>, name: string) => map.set(name, (map.get(name) ?? 0) + 1);

  function pick(exclude: ReadonlySet<string>): Backend | null {
    const candidates = backends.filter((backend) => !down.has(backend.name) && !exclude.has(backend.name));
    if (candidates.length === 0) return null;
    return candidates[turn++ % candidates.length];
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const consumerKey = new URLSearchParams(body.toString('utf8')).get('oauth_consumer_key') ?? '';
    const refusedBy = new Set<string>();
    const started = performance.now();
    const record = (backend: string | null, status: number) => {
      if (consumerKey && !callbacks.has(consumerKey))
        callbacks.set(consumerKey, { backend, status, refusedBy: [...refusedBy], ms: performance.now() - started });
    };
    const attempt = () => {
      const backend = pick(refusedBy);
      if (!backend) {
        record(null, 502);
        res.writeHead(502).end('no backend');
        return;
      }
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: backend.port,
          method: req.method,
          path: req.url,
          agent,
          headers: {
            ...req.headers,
            'content-length': String(body.length),
            'x-forwarded-for': consumerKey ? forwardedFor(consumerKey) : (req.socket.remoteAddress ?? ''),
          },
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => {
            bump(answered, backend.name);
            record(backend.name, answer.statusCode ?? 0);
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(chunks));
          });
          answer.on('error', () => fail(backend));
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') {
          down.add(backend.name);
          refusedBy.add(backend.name);
          attempt();
        } else fail(backend);
      });
      upstream.end(body);
    };
    const fail = (backend: Backend) => {
      if (res.headersSent) return void res.destroy();
      bump(dropped, backend.name);
      record(backend.name, 502);
      res.writeHead(502).end('bad gateway');
    };
    attempt();
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks)));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    route(next) {
      backends = next;
      down.clear();
      turn = 0;
    },
    callbacks,
    answered,
    dropped,
    close: () =>
      new Promise<void>((resolve) => {
        agent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
