import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseTokenBody, signForTest } from './oauth-test-client';

/** What the fake integration received from the store and did with it. */
export interface LinkedConsumer {
  fields: Record<string, string>;
  /** Resolves when `/oauth/token/access` answered (rejects with its error). */
  exchanged: Promise<{ token: string; tokenSecret: string }>;
}

/**
 * A tiny integration on loopback: `POST /callback` answers 200 at once and then runs the OAuth
 * handshake against the store it names (`store_base_url`); `GET /identity` waits for that handshake
 * and redirects the popup to `success_call_back`, as a real integration's identity link does.
 */
export class IntegrationAppServer {
  readonly consumers = new Map<string, LinkedConsumer[]>();
  readonly identityRequests: URL[] = [];
  private server: Server | null = null;
  private base = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.base;
  }

  get callbackUrl(): string {
    return `${this.base}/callback`;
  }

  get identityUrl(): string {
    return `${this.base}/identity`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.base);
    if (req.method === 'POST' && url.pathname === '/callback') {
      const fields = Object.fromEntries(new URLSearchParams(await readBody(req)));
      const linked = { fields, exchanged: exchangeTokens(fields) };
      linked.exchanged.catch(() => undefined);
      this.consumers.set(fields['oauth_consumer_key'], [
        ...(this.consumers.get(fields['oauth_consumer_key']) ?? []),
        linked,
      ]);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    if (req.method === 'GET' && url.pathname === '/identity') {
      this.identityRequests.push(url);
      const linked = this.consumers.get(url.searchParams.get('oauth_consumer_key') ?? '')?.at(-1);
      await linked?.exchanged.catch(() => undefined);
      res.writeHead(302, { location: url.searchParams.get('success_call_back') ?? '/' }).end();
      return;
    }
    res.writeHead(404).end();
  }
}

async function exchangeTokens(fields: Record<string, string>): Promise<{ token: string; tokenSecret: string }> {
  const store = fields['store_base_url'];
  const creds = { consumerKey: fields['oauth_consumer_key'], consumerSecret: fields['oauth_consumer_secret'] };
  const request = parseTokenBody(
    await postSigned(`${store}oauth/token/request`, signForTest('POST', `${store}oauth/token/request`, creds)),
  );
  const accessAuth = signForTest('POST', `${store}oauth/token/access`, {
    ...creds,
    token: request['oauth_token'],
    tokenSecret: request['oauth_token_secret'],
    verifier: fields['oauth_verifier'],
  });
  const access = parseTokenBody(await postSigned(`${store}oauth/token/access`, accessAuth));
  return { token: access['oauth_token'], tokenSecret: access['oauth_token_secret'] };
}

async function postSigned(url: string, authorization: string): Promise<string> {
  const response = await fetch(url, { method: 'POST', headers: { authorization } });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${body}`);
  return body;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
