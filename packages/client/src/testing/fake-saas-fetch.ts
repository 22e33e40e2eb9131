import type { FetchLike } from '../http/side-effects';

/** A request the fake received. */
export interface FakeFetchRequest {
  method: string;
  url: string;
  /** Path without the query, as sent. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The token of an `Authorization: Bearer …` header. */
  bearerToken: string | null;
}

/** What the fake answers. */
export interface FakeFetchReply {
  status?: number;
  /** Serialised as the JSON body. */
  json?: unknown;
  /** A raw body (used when `json` is absent). */
  body?: string;
}

export type FakeFetchHandler = (request: FakeFetchRequest) => FakeFetchReply | Promise<FakeFetchReply>;

/** A `fetch` standing in for Adobe IMS and one Adobe Commerce as a Cloud Service tenant. */
export interface FakeSaasFetch {
  fetch: FetchLike;
  /** The tenant's REST base, `https://na1.api.commerce.adobe.com/<tenant>/`. */
  baseUrl: string;
  /** IMS's token endpoint. */
  tokenUrl: string;
  /** Every request, in order. */
  requests: FakeFetchRequest[];
  /** The requests to the token endpoint, with their form fields. */
  tokenRequests(): Array<FakeFetchRequest & { form: URLSearchParams }>;
  /** The requests to the store. */
  storeRequests(): FakeFetchRequest[];
  /** Answers token requests; default: a new JWT-shaped token each time, `expires_in` 86399. */
  onToken(handler: FakeFetchHandler): void;
  /** Answers `method` on `path` (from `/V1`, without the query) under the tenant. */
  route(method: string, path: string, handler: FakeFetchHandler): void;
  /** Holds every token answer until the returned function is called. */
  holdTokens(): () => void;
}

/** A JWT-shaped token (IMS access tokens are JWTs); the payload carries `n`. */
export function makeFakeImsToken(n: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', x5u: 'ims_na1-key-at-1.cer' })}.${part({ type: 'access_token', n })}.c2lnbmF0dXJl`;
}

/**
 * Creates a {@link FakeSaasFetch}: no network; a request nothing answers rejects (the test fails
 * with the method and URL).
 */
export function createFakeSaasFetch(tenantId = 'T3nant0000000000000001'): FakeSaasFetch {
  const baseUrl = `https://na1.api.commerce.adobe.com/${tenantId}/`;
  const tokenUrl = 'https://ims-na1.adobelogin.com/ims/token/v3';
  const requests: FakeFetchRequest[] = [];
  const routes = new Map<string, FakeFetchHandler>();
  let issued = 0;
  let onToken: FakeFetchHandler = () => ({
    json: { access_token: makeFakeImsToken(++issued), token_type: 'bearer', expires_in: 86399 },
  });
  let held: Promise<void> | null = null;

  const fetch: FetchLike = async (url, init) => {
    const request = readRequest(url, init);
    requests.push(request);
    if (url === tokenUrl) {
      if (held) await held;
      return toResponse(await onToken(request));
    }
    const route = `${request.method} ${request.path.slice(tenantId.length + 1)}`;
    const handler = url.startsWith(baseUrl) ? routes.get(route) : undefined;
    if (!handler) throw new Error(`fake SaaS fetch: nothing answers ${request.method} ${url}`);
    return toResponse(await handler(request));
  };
  return {
    fetch,
    baseUrl,
    tokenUrl,
    requests,
    tokenRequests: () =>
      requests.filter((r) => r.url === tokenUrl).map((r) => ({ ...r, form: new URLSearchParams(r.body) })),
    storeRequests: () => requests.filter((r) => r.url.startsWith(baseUrl)),
    onToken: (handler) => void (onToken = handler),
    route: (method, path, handler) => void routes.set(`${method} ${path}`, handler),
    holdTokens() {
      let release = () => undefined as void;
      held = new Promise<void>((resolve) => (release = resolve));
      return () => ((held = null), release());
    },
  };
}

function readRequest(url: string, init: RequestInit): FakeFetchRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((init.headers ?? {}) as Record<string, string>))
    headers[name.toLowerCase()] = value;
  const bearer = /^Bearer (.+)$/.exec(headers['authorization'] ?? '');
  return {
    method: String(init.method ?? 'GET'),
    url,
    path: new URL(url).pathname,
    headers,
    body: typeof init.body === 'string' ? init.body : '',
    bearerToken: bearer ? bearer[1] : null,
  };
}

function toResponse(reply: FakeFetchReply): Response {
  const body = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.body ?? '');
  const headers = reply.json !== undefined ? { 'content-type': 'application/json' } : undefined;
  return new Response(body === '' ? null : body, { status: reply.status ?? 200, headers });
}
