import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake received. */
export interface FakeSaasRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** What a route answers. */
export interface FakeSaasReply {
  status?: number;
  json: unknown;
}

/** The credential the fake IMS accepts. */
export interface FakeImsCredential {
  clientId: string;
  clientSecret: string;
  orgId: string;
}

/** Adobe IMS and one Adobe Commerce as a Cloud Service tenant, on loopback (plain http). */
export interface FakeSaas {
  /** The tenant's REST base, `http://127.0.0.1:<port>/<tenant id>/`. */
  baseUrl: string;
  /** IMS's token endpoint, `http://127.0.0.1:<port>/ims/token/v3`. */
  tokenUrl: string;
  tenantId: string;
  /** What IMS accepts (a new secret after {@link rotateSecret}). */
  credential: FakeImsCredential;
  /** Every request, in order. */
  requests: FakeSaasRequest[];
  /** The token requests, with their form. */
  tokenRequests(): Array<FakeSaasRequest & { form: URLSearchParams }>;
  /** The requests to the tenant's REST API. */
  storeRequests(): FakeSaasRequest[];
  /** Makes IMS accept another client secret only (the old one is refused, as after a rotation in Developer Console). */
  rotateSecret(): string;
  /** While on, the store answers every call with 401 (the credential's organization or role does not fit). */
  refuseTokens(on: boolean): void;
  /** Answers `method` on `path` (from `/V1`, without the query) under the tenant, for a caller with a valid token. */
  route(method: string, path: string, answer: (request: FakeSaasRequest) => FakeSaasReply): void;
  close(): Promise<void>;
}

/** Store configurations as `GET /V1/store/storeConfigs` answers them. */
export function fakeStoreConfigs(baseUrl: string): unknown[] {
  return [
    {
      id: 1,
      code: 'default',
      website_id: 1,
      locale: 'en_US',
      base_currency_code: 'USD',
      timezone: 'UTC',
      base_url: baseUrl,
      secure_base_url: baseUrl,
    },
  ];
}

/**
 * Starts a fake of Adobe IMS (`POST /ims/token/v3`, client-credentials grant, `invalid_client` 401
 * for a wrong client id or secret) and of one SaaS tenant (`/<tenant>/V1/…`, which wants an issued
 * token with `commerce.accs` as `Authorization: Bearer`, `x-api-key: <client id>` and
 * `x-gw-ims-org-id`, and refuses anything else with Magento's 401 "The consumer isn't authorized to
 * access %resources."), as docs/magento-behaviour.md §11 describes them. Answers
 * `GET /V1/store/storeConfigs` by default.
 */
export async function startFakeSaas(
  options: Partial<FakeImsCredential> & { tenantId?: string } = {},
): Promise<FakeSaas> {
  const tenantId = options.tenantId ?? `T${randomBytes(10).toString('hex')}`;
  const credential: FakeImsCredential = {
    clientId: options.clientId ?? randomBytes(16).toString('hex'),
    clientSecret: options.clientSecret ?? `p8e-${randomBytes(24).toString('base64url')}`,
    orgId: options.orgId ?? `${randomBytes(12).toString('hex').toUpperCase()}@AdobeOrg`,
  };
  const requests: FakeSaasRequest[] = [];
  const issued = new Set<string>();
  const routes = new Map<string, (request: FakeSaasRequest) => FakeSaasReply>();
  let refusing = false;

  const server = createServer((incoming, response) => {
    void readRequest(incoming).then((request) => {
      requests.push(request);
      const path = request.url.split('?')[0];
      if (request.method === 'POST' && path === '/ims/token/v3') return send(response, answerToken(request));
      if (path.startsWith(`/${tenantId}/`))
        return send(response, answerStore(request, path.slice(tenantId.length + 1)));
      send(response, { status: 404, json: { message: 'Not found.' } });
    });
  });

  function answerToken(request: FakeSaasRequest): FakeSaasReply {
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials')
      return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'unsupported grant_type' } };
    if (form.get('client_id') !== credential.clientId)
      return { status: 401, json: { error: 'invalid_client', error_description: 'invalid client_id parameter' } };
    if (form.get('client_secret') !== credential.clientSecret)
      return { status: 401, json: { error: 'invalid_client', error_description: 'invalid client_secret parameter' } };
    const token = `eyJ${randomBytes(12).toString('base64url')}.eyJ${randomBytes(24).toString('base64url')}.${randomBytes(16).toString('base64url')}`;
    // IMS does not know what a token is for: the tenant refuses one without commerce.accs (docs/magento-behaviour.md §11.6).
    if ((form.get('scope') ?? '').split(',').includes('commerce.accs')) issued.add(token);
    return { json: { access_token: token, token_type: 'bearer', expires_in: 86399 } };
  }

  function answerStore(request: FakeSaasRequest, path: string): FakeSaasReply {
    const token = /^Bearer (.+)$/.exec(request.headers['authorization'] ?? '')?.[1] ?? '';
    const authorized =
      !refusing &&
      issued.has(token) &&
      request.headers['x-api-key'] === credential.clientId &&
      request.headers['x-gw-ims-org-id'] === credential.orgId;
    if (!authorized)
      return {
        status: 401,
        json: {
          message: "The consumer isn't authorized to access %resources.",
          parameters: { resources: 'Magento_Backend::store' },
        },
      };
    const answer = routes.get(`${request.method} ${path}`);
    return answer ? answer(request) : { status: 404, json: { message: 'Request does not match any route.' } };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const baseUrl = `${origin}/${tenantId}/`;
  routes.set('GET /V1/store/storeConfigs', () => ({ json: fakeStoreConfigs(baseUrl) }));
  return {
    baseUrl,
    tokenUrl: `${origin}/ims/token/v3`,
    tenantId,
    credential,
    requests,
    tokenRequests: () =>
      requests
        .filter((request) => request.url === '/ims/token/v3')
        .map((request) => ({ ...request, form: new URLSearchParams(request.body) })),
    storeRequests: () => requests.filter((request) => request.url.startsWith(`/${tenantId}/`)),
    rotateSecret: () => (credential.clientSecret = `p8e-${randomBytes(24).toString('base64url')}`),
    refuseTokens: (on) => void (refusing = on),
    route: (method, path, answer) => void routes.set(`${method.toUpperCase()} ${path}`, answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readRequest(incoming: IncomingMessage): Promise<FakeSaasRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming.headers))
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: incoming.method ?? 'GET',
    url: incoming.url ?? '/',
    headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

function send(response: ServerResponse, reply: FakeSaasReply): void {
  const body = JSON.stringify(reply.json);
  response.writeHead(reply.status ?? 200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}
