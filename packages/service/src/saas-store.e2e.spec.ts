import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSaas, type FakeSaas } from '@magekit/testing/saas';
import { startIntegrationService, type RunningService } from './start-service';

describe('the integration service registers an Adobe Commerce as a Cloud Service store (IMS_TOKEN_URL, logs)', () => {
  let saas: FakeSaas;
  let service: RunningService;
  let dir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    saas = await startFakeSaas();
    dir = mkdtempSync(join(tmpdir(), 'mk-service-saas-'));
    service = await startIntegrationService({
      env: {
        PORT: '0',
        DATA_DIR: dir,
        LOG_LEVEL: 'debug',
        STORE_URL_ALLOW_HTTP: 'true',
        STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
        IMS_TOKEN_URL: saas.tokenUrl,
      },
      log: (line) => void lines.push(line),
      print: () => undefined,
      showCredentials: true,
    });
  });
  afterAll(async () => {
    await service?.close();
    await saas?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const register = (body: Record<string, unknown>) =>
    fetch(`http://127.0.0.1:${service.port}/api/stores/saas`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.firstStart?.apiToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('probes with a token from IMS_TOKEN_URL, and neither the secret nor the IMS token reaches the log', async () => {
    const { clientId, clientSecret, orgId } = saas.credential;
    const wrong = await register({ url: saas.baseUrl, clientId, clientSecret: 'p8e-WrongSecretWrongSecret01', orgId });
    expect(wrong.status).toBe(201);
    expect(await wrong.json()).toMatchObject({ outcome: 'rejected', store: { status: 'failed' } });
    const right = await register({ url: saas.baseUrl, clientId, clientSecret, orgId });
    expect(right.status).toBe(200);
    expect(await right.json()).toMatchObject({
      created: false,
      outcome: 'ok',
      store: { authKind: 'ims', edition: 'saas', status: 'active', ims: { tokenUrl: saas.tokenUrl } },
    });
    const issued = saas.storeRequests().map((request) => request.headers['authorization']?.slice('Bearer '.length));
    expect(issued).toHaveLength(1);
    const log = lines.join('');
    expect(log).toContain('"path":"/api/stores/saas","status":201');
    for (const secret of [clientSecret, 'p8e-WrongSecretWrongSecret01', ...issued]) expect(log).not.toContain(secret);
  });

  it('documents the registration in /api/docs', async () => {
    const docs = (await (await fetch(`http://127.0.0.1:${service.port}/api/docs-json`)).json()) as { paths: object };
    expect(Object.keys(docs.paths)).toContain('/api/stores/saas');
  });
});
