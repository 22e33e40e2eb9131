import { startSandbox, type RunningSandbox } from '../testing';
import { DEFAULT_IMS_CREDENTIAL, IMS_COMMERCE_SCOPES } from './saas-options';

const SCOPE = IMS_COMMERCE_SCOPES.join(',');
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));

describe('SaaS edition: POST /ims/token/v3 over HTTP', () => {
  let sandbox: RunningSandbox;
  const now = Date.UTC(2026, 0, 1, 12);

  beforeAll(async () => {
    sandbox = await startSandbox({ edition: 'saas', seed: false, clock: { now: () => now } });
  });
  afterAll(() => sandbox.close());

  function requestToken(fields: Record<string, string>, query = '') {
    return fetch(`${sandbox.baseUrl}ims/token/v3${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  const form = (overrides: Record<string, string> = {}) => ({
    grant_type: 'client_credentials',
    client_id: DEFAULT_IMS_CREDENTIAL.clientId,
    client_secret: DEFAULT_IMS_CREDENTIAL.clientSecret,
    scope: SCOPE,
    ...overrides,
  });

  it('issues a bearer token to the default credential: IMS-shaped JWT, expires_in 86399, no-store', async () => {
    const response = await requestToken(form());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
    expect([body.token_type, body.expires_in]).toEqual(['bearer', 86399]);
    expect(claimsOf(body.access_token)).toMatchObject({
      type: 'access_token',
      client_id: DEFAULT_IMS_CREDENTIAL.clientId,
      as: 'ims-na1',
      scope: SCOPE,
      created_at: String(now),
      expires_in: '86399000',
      user_id: expect.stringMatching(/^[0-9A-F]{24}@techacct\.adobe\.com$/),
    });
    const second = (await (await requestToken(form())).json()) as { access_token: string };
    expect(second.access_token).not.toBe(body.access_token);
  });

  it('takes the fields from the query string too (IMS allows it; the body is recommended)', async () => {
    const query = `?${new URLSearchParams(form()).toString()}`;
    const response = await fetch(`${sandbox.baseUrl}ims/token/v3${query}`, { method: 'POST' });
    expect(response.status).toBe(200);
  });

  it.each([
    ['no grant_type', { grant_type: '' }, 400, 'invalid_request', 'missing grant_type parameter'],
    ['no scope', { scope: '' }, 400, 'invalid_request', 'missing scope parameter'],
    ['another grant', { grant_type: 'password' }, 400, 'unsupported_grant_type', 'unsupported grant_type password'],
    ['an unknown client id', { client_id: 'nobody' }, 401, 'invalid_client', 'invalid client_id parameter'],
    [
      'a wrong secret',
      { client_secret: 'p8e-wrong-secret-value' },
      401,
      'invalid_client',
      'invalid client_secret parameter',
    ],
    ['a scope the credential lacks', { scope: 'openid,read_pc' }, 400, 'invalid_scope', 'Invalid scope(s): read_pc'],
  ])('refuses %s with an OAuth 2 error', async (_what, change, status, error, description) => {
    const response = await requestToken(form(change));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error, error_description: description });
  });

  it('issues tokens for the credentials a test creates, with their scopes and lifetime', async () => {
    const created = await sandbox.admin.createImsCredential({
      scopes: ['openid', 'commerce.accs'],
      tokenLifetimeSeconds: 60,
    });
    expect(created).toMatchObject({ orgId: DEFAULT_IMS_CREDENTIAL.orgId, resources: 'all', tokenLifetimeSeconds: 60 });
    expect(created.clientSecret).toMatch(/^p8e-[A-Za-z0-9_-]{32}$/);
    const ok = await requestToken(
      form({ client_id: created.clientId, client_secret: created.clientSecret, scope: 'commerce.accs, openid' }),
    );
    expect(((await ok.json()) as { expires_in: number }).expires_in).toBe(60);
    const tooMuch = await requestToken(form({ client_id: created.clientId, client_secret: created.clientSecret }));
    expect(await tooMuch.json()).toEqual({
      error: 'invalid_scope',
      error_description:
        'Invalid scope(s): AdobeID,email,profile,additional_info.roles,additional_info.projectedProductContext',
    });
  });

  it('refuses the old secret after a rotation and takes the new one', async () => {
    const created = await sandbox.admin.createImsCredential({ name: 'rotating' });
    const rotated = await sandbox.admin.rotateImsSecret(created.clientId);
    expect(rotated.clientSecret).not.toBe(created.clientSecret);
    const old = await requestToken(form({ client_id: created.clientId, client_secret: created.clientSecret }));
    expect(old.status).toBe(401);
    const fresh = await requestToken(form({ client_id: created.clientId, client_secret: rotated.clientSecret }));
    expect(fresh.status).toBe(200);
  });

  it('records refusals in the activity log without the secret', async () => {
    await requestToken(form({ client_secret: 'p8e-not-the-secret-value' }));
    const events = await sandbox.admin.listActivity();
    const refused = events.filter((event) => event.type === 'ims_token_refused').pop();
    expect(refused?.detail).toBe(
      `client ${DEFAULT_IMS_CREDENTIAL.clientId}: 401 invalid_client (invalid client_secret parameter)`,
    );
    expect(JSON.stringify(events)).not.toContain('p8e-');
  });
});

describe('PaaS edition (the default): no IMS', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => (sandbox = await startSandbox({ seed: false })));
  afterAll(() => sandbox.close());

  it('has no token endpoint and no IMS admin API, and says so in the edition view', async () => {
    const response = await fetch(`${sandbox.baseUrl}ims/token/v3`, { method: 'POST', body: 'grant_type=x' });
    expect(response.status).toBe(404);
    await expect(sandbox.admin.listImsCredentials()).rejects.toMatchObject({ status: 404 });
    expect(await sandbox.admin.getEdition()).toEqual({
      edition: 'paas',
      restBaseUrl: `${sandbox.baseUrl}rest/`,
      saas: null,
    });
    expect(sandbox.saas).toBeNull();
  });
});
