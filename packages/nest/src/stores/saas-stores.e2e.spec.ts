import type { LoggerService } from '@nestjs/common';
import { startFakeSaas, type FakeSaas } from '@magekit/testing/saas';
import { createKeyRing } from '../crypto/key-ring';
import { secretContext } from '../crypto/secret-box';
import { StoreEntity } from '../entities/store.entity';
import { BackgroundTasks } from '../activation/background-tasks';
import { registerSaasStore } from '../integration-task';
import { startE2eApp, type E2eApp } from '../test-support/e2e-app';
import { TEST_KEYS, testOptions } from '../test-support/test-app';
import { PENDING_GRACE_MS } from '../activation/pending-store-cleaner';
import { StoreClientFactory } from './store-client.factory';
import { REGISTERED_RETRY_MS } from './store-health.service';

/** Every line Nest logs, as text. */
function captureLogs(): LoggerService & { text(): string } {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((arg) => JSON.stringify(arg)).join(' '));
  return { log: keep, error: keep, warn: keep, debug: keep, verbose: keep, fatal: keep, text: () => lines.join('\n') };
}

describe('Adobe Commerce as a Cloud Service stores: registered with an IMS credential, probed, no handshake', () => {
  let saas: FakeSaas;
  let e2e: E2eApp;
  let logs: ReturnType<typeof captureLogs>;
  const secrets: string[] = [];

  beforeEach(async () => {
    saas = await startFakeSaas();
    secrets.push(saas.credential.clientSecret);
    logs = captureLogs();
    e2e = await startE2eApp({ ims: { tokenUrl: saas.tokenUrl } }, undefined, undefined, logs);
  });
  afterEach(async () => {
    await e2e.close();
    await saas.close();
    for (const secret of secrets) expect(logs.text()).not.toContain(secret);
  });

  const register = (body: Record<string, unknown>) =>
    e2e.http.post('/api/stores/saas').set('authorization', `Bearer ${e2e.token}`).send(body);
  const api = (method: 'get' | 'post', path: string) =>
    e2e.http[method](`/api${path}`).set('authorization', `Bearer ${e2e.token}`);
  const credential = () => ({
    url: saas.baseUrl,
    clientId: saas.credential.clientId,
    clientSecret: saas.credential.clientSecret,
    orgId: saas.credential.orgId,
  });
  const row = (id: string) => e2e.dataSource.getRepository(StoreEntity).findOneByOrFail({ id });

  it('registers the store, stores the secret encrypted, gets an IMS token and probes with it: active', async () => {
    const answer = await register(credential());
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      created: true,
      outcome: 'ok',
      store: {
        authKind: 'ims',
        edition: 'saas',
        consumerKey: null,
        storeBaseUrl: saas.baseUrl,
        status: 'active',
        statusCode: null,
        hasAccessToken: true,
        tenant: 'default',
        ims: {
          clientId: saas.credential.clientId,
          orgId: saas.credential.orgId,
          tokenUrl: saas.tokenUrl,
          scopes: expect.arrayContaining(['commerce.accs']),
        },
        tokenHealth: { state: 'ok', code: null },
      },
    });
    expect(answer.body.store.facts.storeViews.map((view: { code: string }) => view.code)).toEqual(['default']);
    expect(answer.body.store.activatedAt).toBe(new Date(e2e.clock()).toISOString());
    expect(JSON.stringify(answer.body)).not.toContain(saas.credential.clientSecret);

    const [token] = saas.tokenRequests();
    expect(Object.fromEntries(token.form)).toMatchObject({
      grant_type: 'client_credentials',
      client_id: saas.credential.clientId,
      client_secret: saas.credential.clientSecret,
    });
    const [probe] = saas.storeRequests();
    expect(probe.url).toBe(`/${saas.tenantId}/V1/store/storeConfigs`);
    expect(probe.headers).toMatchObject({
      authorization: expect.stringMatching(/^Bearer eyJ/),
      'x-api-key': saas.credential.clientId,
      'x-gw-ims-org-id': saas.credential.orgId,
    });

    const stored = await row(answer.body.store.id);
    expect(stored.imsClientSecretEnc).toMatch(/^mk1\.k1\./);
    const context = secretContext('magekit_stores', 'ims_client_secret_enc', stored.id);
    expect(createKeyRing(TEST_KEYS).decrypt(stored.imsClientSecretEnc ?? '', context)).toBe(
      saas.credential.clientSecret,
    );
    for (const path of ['/stores', `/stores/${stored.id}`, `/stores/${stored.id}/failed-calls`]) {
      const read = await api('get', path).expect(200);
      expect(JSON.stringify(read.body)).not.toContain(saas.credential.clientSecret);
      expect(JSON.stringify(read.body)).not.toMatch(/mk1\./);
    }
    const listed = await api('get', `/stores?search=${saas.credential.clientId.slice(4, 20)}`).expect(200);
    expect(listed.body.items.map((item: { id: string; authKind: string }) => [item.id, item.authKind])).toEqual([
      [stored.id, 'ims'],
    ]);
  });

  it('gives app code an IMS-authenticated client from the same registry, sharing one cached token per store', async () => {
    const { body } = await register(credential()).expect(201);
    await api('post', `/stores/${body.store.id}/probe`).expect(200, /"outcome":"ok"/);
    const client = e2e.app.get(StoreClientFactory).forStore(await row(body.store.id));
    const views = await client.get<Array<{ code: string }>>('/V1/store/storeConfigs');
    expect(views.map((view) => view.code)).toEqual(['default']);
    expect(client.url('/V1/products/ABC%2F1')).toBe(`${saas.baseUrl}V1/products/ABC%2F1`);
    expect(saas.tokenRequests()).toHaveLength(1);
    expect(saas.storeRequests()).toHaveLength(3);
  });

  it('checks the required resources with the IMS credential as for any store', async () => {
    await e2e.close();
    e2e = await startE2eApp(
      {
        ims: { tokenUrl: saas.tokenUrl },
        requiredResources: ['Magento_Catalog::products', 'Magento_Sales::actions_view'],
      },
      undefined,
      undefined,
      logs,
    );
    saas.route('GET', '/V1/products', () => ({ json: { items: [], search_criteria: {}, total_count: 0 } }));
    const { body } = await register(credential()).expect(201);
    expect(body.store.resources.items.map((item: { id: string; state: string }) => [item.id, item.state])).toEqual([
      ['Magento_Catalog::products', 'allowed'],
      ['Magento_Sales::actions_view', 'unknown'],
    ]);
    expect(body.store.resources.items[1].detail).toContain('Request does not match any route.');
  });

  it('validation: every bad field is named in one INVALID_INPUT, and the secret is never echoed', async () => {
    const secret = 'p8e-NeverEchoThisSecret0123456789';
    secrets.push(secret);
    const answer = await register({
      url: 'https://shop.example.com/',
      clientId: 'has space',
      clientSecret: secret,
      scopes: ['ok', 'not,ok'],
      clientSecretFile: '/etc/passwd',
    }).expect(400);
    expect(answer.body.error.code).toBe('INVALID_INPUT');
    expect(Object.keys(answer.body.error.details.problems).sort()).toEqual(
      ['clientId', 'clientSecretFile', 'orgId', 'scopes', 'url'].sort(),
    );
    expect(answer.body.error.message).toContain('url must be the tenant');
    expect(JSON.stringify(answer.body)).not.toContain(secret);
    const empty = await register({}).expect(400);
    expect(Object.keys(empty.body.error.details.problems).sort()).toEqual(['clientId', 'clientSecret', 'orgId', 'url']);
    await e2e.http
      .post('/api/stores/saas')
      .set('authorization', `Bearer ${e2e.token}`)
      .set('content-type', 'application/json')
      .send('[]')
      .expect(400, /must be a JSON object/);
    await e2e.http.post('/api/stores/saas').send(credential()).expect(401);
    expect(await e2e.dataSource.getRepository(StoreEntity).count()).toBe(0);
    expect(logs.text()).toContain('POST /api/stores/saas: Invalid SaaS store: ');
  });

  it('both URLs pass the store-URL guard: a private store address or IMS address is refused, naming the field', async () => {
    const store = await register({ ...credential(), url: 'https://10.1.2.3/T1/' }).expect(400);
    expect(store.body.error).toMatchObject({ code: 'STORE_URL_REFUSED', details: { field: 'url' } });
    expect(store.body.error.message).toContain('10.1.2.3, a private address');
    const ims = await register({ ...credential(), tokenUrl: 'https://10.9.9.9/ims/token/v3' }).expect(400);
    expect(ims.body.error).toMatchObject({ code: 'STORE_URL_REFUSED', details: { field: 'tokenUrl' } });
    expect(ims.body.error.message).toMatch(/^IMS token URL refused: 10\.9\.9\.9 resolves to 10\.9\.9\.9/);
    // @magekit/client takes plain http for IMS only on loopback.
    const plain = await register({ ...credential(), tokenUrl: 'http://ims.example.com/ims/token/v3' }).expect(400);
    expect(plain.body.error.message).toContain('plain http only on loopback');
    expect(saas.requests).toHaveLength(0);
    expect(await e2e.dataSource.getRepository(StoreEntity).count()).toBe(0);
  });

  it('a refused IMS credential is a failed store with IMS message; registering the URL again with the right secret fixes it', async () => {
    const wrong = `p8e-Wrong${'x'.repeat(30)}`;
    secrets.push(wrong);
    const refused = await register({ ...credential(), clientSecret: wrong }).expect(201);
    expect(refused.body).toMatchObject({
      created: true,
      outcome: 'rejected',
      store: {
        status: 'failed',
        statusCode: 'IMS_CLIENT_REJECTED',
        activatedAt: null,
        tokenHealth: { state: 'rejected', code: 'IMS_CLIENT_REJECTED' },
      },
    });
    expect(refused.body.store.statusReason).toBe(
      'IMS refused the client credentials (HTTP 401: invalid_client: invalid client_secret parameter).',
    );
    expect(refused.body.store.statusHint).toContain('Developer Console');
    expect(saas.storeRequests()).toHaveLength(0);
    expect(JSON.stringify(refused.body)).not.toContain(wrong);
    const calls = await api('get', `/stores/${refused.body.store.id}/failed-calls`).expect(200);
    expect(calls.body.map((call: { code: string }) => call.code)).toEqual(['IMS_CLIENT_REJECTED']);

    const fixed = await register(credential()).expect(200);
    expect(fixed.body).toMatchObject({
      created: false,
      outcome: 'ok',
      store: { id: refused.body.store.id, status: 'active' },
    });
    expect(await e2e.dataSource.getRepository(StoreEntity).count()).toBe(1);
  });

  it('a store that refuses the IMS token fails with its message; after a rotation in Developer Console the new secret makes it active again', async () => {
    const { body } = await register(credential()).expect(201);
    saas.refuseTokens(true);
    const refused = await api('post', `/stores/${body.store.id}/probe`).expect(200);
    expect(refused.body).toMatchObject({
      outcome: 'rejected',
      store: { status: 'failed', statusCode: 'NOT_AUTHORIZED' },
    });
    expect(refused.body.store.statusReason).toContain(
      "The consumer isn't authorized to access Magento_Backend::store.",
    );
    // The 401 made the client drop its token and try once more with a new one.
    expect(saas.tokenRequests()).toHaveLength(2);

    saas.refuseTokens(false);
    const rotated = saas.rotateSecret();
    secrets.push(rotated);
    await register({ ...credential(), clientSecret: rotated }).expect(200, /"outcome":"ok"/);
  });

  it('a probe without verdict leaves the store activating; the sweeper probes it again and the pending-store cleaner keeps it', async () => {
    saas.route('GET', '/V1/store/storeConfigs', () => ({ status: 500, json: { message: 'Internal error.' } }));
    const registered = await register(credential()).expect(201);
    expect(registered.body).toMatchObject({
      outcome: 'error',
      store: { status: 'activating', statusCode: 'SERVER_ERROR', tokenHealth: { state: 'failing' } },
    });
    saas.route('GET', '/V1/store/storeConfigs', () => ({ json: [] }));
    const tasks = e2e.app.get(BackgroundTasks);
    await tasks.sweep();
    expect((await row(registered.body.store.id)).status).toBe('activating');
    // Past the retry delay, and past the consumer window that would remove a pending OAuth store.
    e2e.clock.advance(REGISTERED_RETRY_MS + 300_000 + PENDING_GRACE_MS);
    await tasks.sweep();
    expect(await row(registered.body.store.id)).toMatchObject({ status: 'active', statusCode: null });
  });

  it('revoke deletes the stored secret; reauth does not exist for an IMS store', async () => {
    const { body } = await register(credential()).expect(201);
    await api('post', `/stores/${body.store.id}/reauth`).expect(409, /INVALID_TRANSITION/);
    const revoked = await api('post', `/stores/${body.store.id}/revoke`).expect(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', hasAccessToken: false, statusCode: 'REVOKED' });
    expect((await row(body.store.id)).imsClientSecretEnc).toBeNull();
    await api('post', `/stores/${body.store.id}/probe`).expect(409, /STORE_NOT_ACTIVE/);
    expect((await api('get', `/stores/${body.store.id}`).expect(200)).body.tokenHealth.state).toBe('none');
  });

  it('registerSaasStore does the same outside the running service (the CLI), leaving the DataSource open', async () => {
    const result = await registerSaasStore(e2e.dataSource, testOptions({ ims: { tokenUrl: saas.tokenUrl } }), {
      ...credential(),
      tenant: 'acme',
      scopes: 'AdobeID openid commerce.accs',
    });
    expect(result).toMatchObject({
      created: true,
      outcome: 'ok',
      store: { status: 'active', tenant: 'acme', ims: { scopes: ['AdobeID', 'openid', 'commerce.accs'] } },
    });
    expect(e2e.dataSource.isInitialized).toBe(true);
    expect(saas.tokenRequests()[0].form.get('scope')).toBe('AdobeID,openid,commerce.accs');
    await api('get', `/stores/${result.store.id}`).expect(200, /"authKind":"ims"/);
  });
});
