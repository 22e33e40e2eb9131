import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  ApiTokenEntity,
  createKeyRing,
  createMagekitDataSource,
  secretContext,
  StoreEntity,
  VendorAccountEntity,
  verifyPassword,
} from '@magekit/nest';
import { runInProcess } from '../../testing/fake-io';
import { readServiceDatabase } from './service-settings';

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');

describe('magekit tokens / accounts / rotate (integration service database, SQLite)', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mk-cli-service-'));
    env = { DATA_DIR: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function migrated<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = createMagekitDataSource({ ...readServiceDatabase(env, {}).options, migrationsRun: true });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  it('refuses a database the service has not migrated yet, naming what to do', async () => {
    const result = await runInProcess(['tokens', 'create', '--name', 'ci'], '', env);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('is not migrated yet. [NOT_AVAILABLE]');
    expect(result.stderr).toContain('hint: Start the integration service once');
  });

  it('tokens create prints the token once and stores only its SHA-256; revoke by name', async () => {
    await migrated(async () => undefined);
    const created = await runInProcess(['tokens', 'create', '--name', 'dashboard', '--json'], '', env);
    expect(created.code).toBe(0);
    const { id, name, token } = JSON.parse(created.stdout) as { id: string; name: string; token: string };
    expect(name).toBe('dashboard');
    const row = await migrated((dataSource) => dataSource.getRepository(ApiTokenEntity).findOneByOrFail({ id }));
    expect(row.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    const plain = await runInProcess(['tokens', 'create', '--name', 'ops', '--data-dir', dir], '', {});
    expect(plain.stdout).toMatch(
      /^API token "ops" created \(id [0-9a-f-]{36}\)\. It is shown only now:\nmk_[A-Za-z0-9_-]+\n$/,
    );

    expect(await runInProcess(['tokens', 'revoke', 'dashboard'], '', env)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Revoked 1 API token\.\n/),
    });
    const again = await runInProcess(['tokens', 'revoke', 'dashboard'], '', env);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('No live API token has the id or name "dashboard"');
    const revoked = await migrated((dataSource) => dataSource.getRepository(ApiTokenEntity).findOneByOrFail({ id }));
    expect(revoked.revokedAt).toBeInstanceOf(Date);
  });

  it('accounts create generates and prints a password once, or takes --password and prints none', async () => {
    await migrated(async () => undefined);
    const generated = await runInProcess(
      ['accounts', 'create', '--email', 'Ops@Example.com', '--name', 'Ops', '--json'],
      '',
      env,
    );
    expect(generated.code).toBe(0);
    const account = JSON.parse(generated.stdout) as { id: string; email: string; password: string };
    expect(account.email).toBe('ops@example.com');
    const given = await runInProcess(
      ['accounts', 'create', '--email', 'dev@example.com', '--name', 'Dev', '--password', 'a long given password'],
      '',
      env,
    );
    expect(given.stdout).toMatch(/^Vendor account dev@example.com \("Dev"\) created \(id [0-9a-f-]{36}\)\.\n$/);
    const rows = await migrated((dataSource) =>
      dataSource.getRepository(VendorAccountEntity).find({ order: { email: 'ASC' } }),
    );
    expect(rows.map((row) => row.email)).toEqual(['dev@example.com', 'ops@example.com']);
    expect(await verifyPassword(account.password, rows[1].passwordHash)).toBe(true);
    expect(await verifyPassword('a long given password', rows[0].passwordHash)).toBe(true);

    const bad = await runInProcess(
      ['accounts', 'create', '--email', 'not-an-email', '--name', 'X', '--password', 'short'],
      '',
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('email must be an e-mail address; password must be at least 10 characters');
  });

  it('rotate re-encrypts every secret under the active key, then finds nothing left to do', async () => {
    const id = randomUUID();
    const k1 = createKeyRing({ activeKeyId: 'k1', keys: { k1: K1 } });
    const seal = (column: string, value: string) => k1.encrypt(value, secretContext('magekit_stores', column, id));
    const now = new Date();
    await migrated((dataSource) =>
      dataSource.getRepository(StoreEntity).insert({
        id,
        tenant: 'acme',
        consumerKey: 'c'.repeat(32),
        consumerSecretEnc: seal('consumer_secret_enc', 'consumer-secret'),
        storeBaseUrl: 'https://shop.example.com/',
        usesIndexPhp: false,
        status: 'active',
        statusCode: null,
        statusReason: null,
        statusHint: null,
        accessTokenEnc: seal('access_token_enc', 'access-token'),
        accessTokenSecretEnc: seal('access_token_secret_enc', 'access-secret'),
        signatureProfile: 'latest',
        vendorAccountId: null,
        facts: null,
        activatedAt: now,
        lastProbedAt: null,
        probeLeaseUntil: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    const rotateEnv = { ...env, MAGEKIT_ENCRYPTION_KEYS: `k1:${K1},k2:${K2}`, MAGEKIT_ACTIVE_KEY: 'k2' };
    const first = await runInProcess(['rotate'], '', rotateEnv);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Re-encrypted 3 secrets under key k2; 0 already were\.\n {2}magekit_stores\.consumer_secret_enc +1\n/,
    );
    const row = await migrated((dataSource) => dataSource.getRepository(StoreEntity).findOneByOrFail({ id }));
    const both = createKeyRing({ activeKeyId: 'k2', keys: { k1: K1, k2: K2 } });
    expect(both.keyIdOf(row.accessTokenEnc!)).toBe('k2');
    expect(both.decrypt(row.accessTokenEnc!, secretContext('magekit_stores', 'access_token_enc', id))).toBe(
      'access-token',
    );
    expect(both.decrypt(row.consumerSecretEnc!, secretContext('magekit_stores', 'consumer_secret_enc', id))).toBe(
      'consumer-secret',
    );
    const second = await runInProcess(['rotate', '--json'], '', rotateEnv);
    expect(JSON.parse(second.stdout)).toMatchObject({ activeKeyId: 'k2', unchanged: 3 });
  });

  it('rotate reads DATA_DIR/keys.json as the service wrote it, and says what is missing', async () => {
    await migrated(async () => undefined);
    const missing = await runInProcess(['rotate'], '', env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('MAGEKIT_ENCRYPTION_KEYS is unset and');
    writeFileSync(join(dir, 'keys.json'), JSON.stringify({ activeKeyId: 'k1', keys: { k1: K1 } }));
    expect(await runInProcess(['rotate'], '', env)).toMatchObject({
      code: 0,
      stdout: 'Re-encrypted 0 secrets under key k1; 0 already were.\n',
    });
    const wrong = await runInProcess(['rotate'], '', { ...env, MAGEKIT_ENCRYPTION_KEYS: 'k1:short' });
    expect(wrong.stderr).toContain(
      'Invalid configuration: MAGEKIT_ENCRYPTION_KEYS key k1 must be base64 of 32 random bytes',
    );
  });

  it.each([
    [
      'postgres://app:pw@db:5432/app',
      { type: 'postgres', url: 'postgres://app:pw@db:5432/app' },
      'PostgreSQL postgres://app:***@db:5432/app',
    ],
    [
      'mariadb://root@127.0.0.1:3306/app',
      { type: 'mariadb', url: 'mysql://root@127.0.0.1:3306/app' },
      'MariaDB mariadb://root@127.0.0.1:3306/app',
    ],
    ['mysql://root@h/app', { type: 'mysql', url: 'mysql://root@h/app' }, 'MySQL mysql://root@h/app'],
    [
      'sqlite:rel/app.sqlite',
      { type: 'better-sqlite3', database: '/srv/rel/app.sqlite' },
      'SQLite /srv/rel/app.sqlite',
    ],
  ])('reads DATABASE_URL %s as the service does', (url, options, description) => {
    const read = readServiceDatabase({ DATABASE_URL: url }, {}, '/srv');
    expect(read.options).toMatchObject(options);
    expect(read.description).toBe(description);
  });

  it('refuses an unknown DATABASE_URL scheme without echoing its password', async () => {
    const result = await runInProcess(
      ['tokens', 'create', '--name', 'x', '--database-url', 'oracle://u:secret@db/x'],
      '',
      {},
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DATABASE_URL must be postgres://');
    expect(result.stderr).not.toContain('secret');
  });
});
