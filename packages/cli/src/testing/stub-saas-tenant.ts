import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny Adobe IMS token endpoint and SaaS tenant on loopback for CLI tests. */
export interface StubSaasTenant {
  /** `http://127.0.0.1:<port>/<tenant>/` */
  baseUrl: string;
  /** `http://127.0.0.1:<port>/ims/token/v3` */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  orgId: string;
  /** Requests as `METHOD path`. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * IMS issues a token for the one client id and secret (else `invalid_client`, as IMS answers);
 * the tenant answers `GET /V1/store/storeConfigs` for that token, client id and org id, and
 * anything else with Magento's 401.
 */
export async function startStubSaasTenant(): Promise<StubSaasTenant> {
  const tenant = `T${randomBytes(6).toString('hex')}`;
  const clientId = randomBytes(16).toString('hex');
  const clientSecret = `p8e-${randomBytes(20).toString('base64url')}`;
  const orgId = `${randomBytes(12).toString('hex').toUpperCase()}@AdobeOrg`;
  const token = `eyJ${randomBytes(9).toString('base64url')}.eyJ${randomBytes(18).toString('base64url')}.sig`;
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push(`${request.method} ${request.url}`);
      const send = (status: number, json: unknown) =>
        void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (request.url === '/ims/token/v3') {
        const form = new URLSearchParams(body);
        if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
          return send(401, { error: 'invalid_client', error_description: 'invalid client_secret parameter' });
        return send(200, { access_token: token, token_type: 'bearer', expires_in: 86399 });
      }
      const authorized =
        request.headers.authorization === `Bearer ${token}` &&
        request.headers['x-api-key'] === clientId &&
        request.headers['x-gw-ims-org-id'] === orgId;
      if (authorized && request.url === `/${tenant}/V1/store/storeConfigs`)
        return send(200, [{ id: 1, code: 'default', website_id: 1, locale: 'en_US' }]);
      send(401, { message: "The consumer isn't authorized to access %resources.", parameters: { resources: 'x' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/${tenant}/`,
    tokenUrl: `${origin}/ims/token/v3`,
    clientId,
    clientSecret,
    orgId,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
