import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeOAuthState } from './fake-oauth-state';
import type { FakeExpectation, FakeHandler, FakeMagentoOptions, FakeRequest, FakeResponse } from './fake-magento-types';

/**
 * A Magento-like store on loopback for tests: verifies OAuth signatures exactly as Magento does
 * (via @magekit/oauth1 `verifyRequest`, in the chosen profile, with Magento's error bodies),
 * issues handshake tokens, serves queued expectations in order or persistent routes, and
 * records every request. `assertDone()` fails on leftover expectations and unexpected requests.
 */
export class FakeMagentoServer {
  /** Every request received, in order. */
  readonly requests: FakeRequest[] = [];
  /** Problems found (unexpected requests); reported by {@link assertDone}. */
  readonly failures: string[] = [];
  readonly oauth: FakeOAuthState;
  private readonly queue: FakeExpectation[] = [];
  private readonly routes: Array<{ method: string; path: string | RegExp; handler: FakeHandler }> = [];
  private readonly clock: () => number;
  private server: Server | null = null;
  private port = 0;

  constructor(options: FakeMagentoOptions = {}) {
    this.clock = options.clock ?? (() => Date.now());
    this.oauth = new FakeOAuthState(options, this.clock);
  }

  /** `http://127.0.0.1:<port>/`, the `store_base_url`. */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  get credentials() {
    return this.oauth.credentials;
  }

  /** Starts listening on a free loopback port. */
  async listen(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** Queues the answer to the next request, which must have this method and path. */
  expect(method: string, path: string | RegExp, respond: FakeResponse | FakeHandler): this {
    this.queue.push({ method: method.toUpperCase(), path, respond });
    return this;
  }

  /** Serves every matching request (when no queued expectation is pending for it). */
  route(method: string, path: string | RegExp, handler: FakeHandler): this {
    this.routes.push({ method: method.toUpperCase(), path, handler });
    return this;
  }

  /** Throws when queued expectations were not used or requests were unexpected. */
  assertDone(): void {
    const leftovers = this.queue.map((entry) => `unused expectation ${entry.method} ${String(entry.path)}`);
    const problems = [...this.failures, ...leftovers];
    if (problems.length > 0) throw new Error(`fake Magento: ${problems.join('; ')}`);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const request = await readRequest(req, this.clock());
    this.requests.push(request);
    const answer = await this.answer(request);
    if (answer.hang) return;
    if (answer.destroy) return void req.socket.destroy();
    writeResponse(res, answer, this.clock());
  }

  private async answer(request: FakeRequest): Promise<FakeResponse> {
    if (request.headers.authorization && /oauth /i.test(request.headers.authorization)) {
      request.oauth = await this.oauth.verify(request);
      if (!request.oauth.valid) return this.oauth.buildRejection(request, request.oauth);
    }
    const head = this.queue[0];
    if (head && head.method === request.method && matches(head.path, request.path)) {
      this.queue.shift();
      return typeof head.respond === 'function' ? head.respond(request) : head.respond;
    }
    const issued = request.oauth ? this.oauth.issueToken(request.path) : null;
    if (issued) return issued;
    const route = this.routes.find((entry) => entry.method === request.method && matches(entry.path, request.path));
    if (route) return route.handler(request);
    const expected = head ? ` (expected ${head.method} ${String(head.path)})` : '';
    this.failures.push(`unexpected ${request.method} ${request.path}${expected}`);
    return { status: 500, json: { message: `fake Magento: unexpected request ${request.method} ${request.path}` } };
  }
}

/** Starts a {@link FakeMagentoServer} on loopback. */
export function startFakeMagento(options: FakeMagentoOptions = {}): Promise<FakeMagentoServer> {
  return new FakeMagentoServer(options).listen();
}

function matches(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? pattern === path : pattern.test(path);
}

async function readRequest(req: IncomingMessage, receivedAt: number): Promise<FakeRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
  const uri = req.url ?? '/';
  const at = uri.indexOf('?');
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return {
    method: req.method ?? 'GET',
    url: `http://${headers.host}${uri}`,
    path: at < 0 ? uri : uri.slice(0, at),
    query: at < 0 ? null : uri.slice(at + 1),
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
    bearerToken: bearer ? bearer[1].trim() : null,
    oauth: null,
    receivedAt,
  };
}

function writeResponse(res: ServerResponse, answer: FakeResponse, now: number): void {
  const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.body ?? '');
  res.statusCode = answer.status ?? 200;
  res.setHeader('Date', new Date(now).toUTCString());
  res.setHeader(
    'Content-Type',
    answer.json !== undefined ? 'application/json; charset=utf-8' : 'text/html; charset=UTF-8',
  );
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  res.end(body);
}
