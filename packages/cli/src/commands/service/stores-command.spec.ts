import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createKeyRing, createMagekitDataSource, secretContext, StoreEntity } from '@magekit/nest';
import { runInProcess } from '../../testing/fake-io';
import { runBinAsync } from '../../testing/run-bin-async';
import { startStubSaasTenant, type StubSaasTenant } from '../../testing/stub-saas-tenant';
import { readServiceDatabase } from './service-settings';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');

describe('magekit stores add-saas', () => {
  let dir: string;
  let env: Record<string, string>;
  let tenant: StubSaasTenant;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-cli-saas-'));
    env = {
      DATA_DIR: dir,
      MAGEKIT_ENCRYPTION_KEYS: `k1:${K1}`,
      STORE_URL_ALLOW_HTTP: 'true',
      STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8',
    };
    tenant = await startStubSaasTenant();
  });
  afterEach(async () => {
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function migrated<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = createMagekitDataSource({ ...readServiceDatabase(env, {}).options, migrationsRun: true });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  const args = () => [
    'stores',
    'add-saas',
    '--url',
    tenant.baseUrl,
    '--client-id',
    tenant.clientId,
    '--org-id',
    tenant.orgId,
  ];

  it('takes the secret from a file, stdin or MAGEKIT_IMS_CLIENT_SECRET only, never from the command line', async () => {
    const missing = await runInProcess(args(), '', env);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('The IMS client secret is missing. [MISSING_OPTION]');
    expect(missing.stderr).toContain(
      'hint: Give the client secret with --client-secret-file <file>, --client-secret-stdin',
    );
    const both = await runInProcess([...args(), '--client-secret-stdin', '--client-secret-file', 'x'], 's', env);
    expect(both.stderr).toContain('Give the client secret once');
    const empty = await runInProcess([...args(), '--client-secret-stdin'], '\n', env);
    expect(empty.stderr).toContain('--client-secret-stdin: stdin is empty. [EMPTY_INPUT]');
    const notFile = await runInProcess([...args(), '--client-secret-file', dir], '', env);
    expect(notFile.stderr).toMatch(/--client-secret-file .* not a regular file.*\[NOT_A_FILE\]/);
    const argv = await runInProcess([...args(), '--client-secret', tenant.clientSecret], '', env);
    expect(argv.code).toBe(2);
    expect(argv.stderr).toContain("unknown option '--client-secret'");
  });

  it('registers through the built bin: probed with an IMS token, secret encrypted, never printed; rotate re-encrypts it', async () => {
    await migrated(async () => undefined);
    const secretFile = join(dir, 'client-secret');
    writeFileSync(secretFile, `${tenant.clientSecret}\n`);
    const added = await runBinAsync(
      [...args(), '--client-secret-file', secretFile, '--scopes', 'AdobeID,commerce.accs', '--json'],
      { ...env, IMS_TOKEN_URL: tenant.tokenUrl },
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const result = JSON.parse(added.stdout) as { created: boolean; outcome: string; store: Record<string, unknown> };
    expect(result).toMatchObject({
      created: true,
      outcome: 'ok',
      store: {
        authKind: 'ims',
        edition: 'saas',
        status: 'active',
        storeBaseUrl: tenant.baseUrl,
        tenant: 'default',
        ims: {
          clientId: tenant.clientId,
          orgId: tenant.orgId,
          scopes: ['AdobeID', 'commerce.accs'],
          tokenUrl: tenant.tokenUrl,
        },
      },
    });
    expect(added.stdout).not.toContain(tenant.clientSecret);
    expect(tenant.requests).toEqual([
      'POST /ims/token/v3',
      `GET ${new URL(tenant.baseUrl).pathname}V1/store/storeConfigs`,
    ]);
    const id = String(result.store['id']);
    const row = await migrated((dataSource) => dataSource.getRepository(StoreEntity).findOneByOrFail({ id }));
    const context = secretContext('magekit_stores', 'ims_client_secret_enc', id);
    expect(row.imsClientSecretEnc).toMatch(/^mk1\.k1\./);
    expect(createKeyRing({ activeKeyId: 'k1', keys: { k1: K1 } }).decrypt(row.imsClientSecretEnc!, context)).toBe(
      tenant.clientSecret,
    );

    const rotated = await runBinAsync(['rotate', '--json'], {
      ...env,
      MAGEKIT_ENCRYPTION_KEYS: `k1:${K1},k2:${K2}`,
      MAGEKIT_ACTIVE_KEY: 'k2',
    });
    expect(JSON.parse(rotated.stdout).reencrypted).toMatchObject({ 'magekit_stores.ims_client_secret_enc': 1 });
    const after = await migrated((dataSource) => dataSource.getRepository(StoreEntity).findOneByOrFail({ id }));
    expect(createKeyRing({ activeKeyId: 'k2', keys: { k2: K2 } }).decrypt(after.imsClientSecretEnc!, context)).toBe(
      tenant.clientSecret,
    );
  });

  it("a refused credential is recorded as failed with IMS's message (exit 1); bad input and refused URLs exit 2", async () => {
    await migrated(async () => undefined);
    const wrong = `p8e-${randomBytes(20).toString('base64url')}`;
    const refused = await runBinAsync([...args(), '--ims-token-url', tenant.tokenUrl], {
      ...env,
      MAGEKIT_IMS_CLIENT_SECRET: wrong,
    });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(
      /^Registered SaaS store http:\/\/127\.0\.0\.1:\d+\/T[0-9a-f]+\/ \(id [0-9a-f-]{36}\): failed: IMS refused the client credentials \(HTTP 401: invalid_client: invalid client_secret parameter\)\. \[IMS_CLIENT_REJECTED\]\n/,
    );
    expect(refused.stdout).toContain('hint: Check clientId and clientSecret');
    expect(`${refused.stdout}${refused.stderr}`).not.toContain(wrong);

    const fixed = await runBinAsync([...args(), '--ims-token-url', tenant.tokenUrl], {
      ...env,
      MAGEKIT_IMS_CLIENT_SECRET: tenant.clientSecret,
    });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(
      /^Replaced the credential of SaaS store .*: active, an IMS token was issued and the store answered \(1 store view\)\.\n/,
    );

    const invalid = await runBinAsync(
      ['stores', 'add-saas', '--url', 'https://shop.example.com/', '--client-id', 'c', '--org-id', 'o'],
      {
        ...env,
        MAGEKIT_IMS_CLIENT_SECRET: wrong,
      },
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("magekit: Invalid SaaS store: url must be the tenant's REST URL");
    expect(invalid.stderr).toContain('[INVALID_INPUT]');
    const guarded = await runBinAsync([...args(), '--ims-token-url', tenant.tokenUrl], {
      ...env,
      STORE_URL_ALLOWED_NETWORKS: '',
      MAGEKIT_IMS_CLIENT_SECRET: tenant.clientSecret,
    });
    expect(guarded.code).toBe(2);
    expect(guarded.stderr).toMatch(
      /Store URL refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1, a loopback address\. \[STORE_URL_REFUSED\]/,
    );
    expect(guarded.stderr).toContain('STORE_URL_ALLOWED_NETWORKS');
    const count = await migrated((dataSource) => dataSource.getRepository(StoreEntity).count());
    expect(count).toBe(1);
  });
});
