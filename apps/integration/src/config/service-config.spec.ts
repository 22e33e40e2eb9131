import { IntegrationServiceError } from '../service-error';
import { readServiceConfig } from './service-config';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('base64url');

function problemsOf(env: Record<string, string>): string {
  try {
    readServiceConfig(env, '/srv/app');
  } catch (error) {
    expect(error).toBeInstanceOf(IntegrationServiceError);
    expect((error as IntegrationServiceError).code).toBe('INVALID_CONFIG');
    return (error as Error).message;
  }
  throw new Error('expected INVALID_CONFIG');
}

describe('readServiceConfig', () => {
  it('needs no configuration: SQLite in .data/integration, port 3000, loopback, tenant default, key file', () => {
    expect(readServiceConfig({}, '/srv/app')).toEqual({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: null,
      tenant: 'default',
      dataDir: '/srv/app/.data/integration',
      database: { type: 'better-sqlite3', database: '/srv/app/.data/integration/integration.sqlite' },
      keys: { kind: 'file', path: '/srv/app/.data/integration/keys.json', mayCreate: true },
      storeUrl: { allowHttp: false, allowedNetworks: [] },
      redisUrl: null,
      logLevel: 'info',
      production: false,
      dashboardDir: null,
    });
  });

  it('reads every setting', () => {
    const config = readServiceConfig({
      PORT: '8080', HOST: '0.0.0.0', PUBLIC_URL: 'https://sync.example.com/', TENANT: 'acme', DATA_DIR: 'var', DATABASE_URL: 'postgres://app:pw@db:5432/app',
      MAGEKIT_ENCRYPTION_KEYS: `old:${KEY_A}, new:${KEY_B}`, MAGEKIT_ACTIVE_KEY: 'new', STORE_URL_ALLOW_HTTP: 'true', STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8, ::1/128',
      REDIS_URL: 'redis://127.0.0.1:6379/2', LOG_LEVEL: 'debug', DASHBOARD_DIR: '/opt/dashboard',
    }, '/srv/app');
    expect(config).toMatchObject({
      port: 8080, host: '0.0.0.0', publicUrl: 'https://sync.example.com', tenant: 'acme', dataDir: '/srv/app/var',
      database: { type: 'postgres', url: 'postgres://app:pw@db:5432/app' },
      keys: { kind: 'env', keys: { activeKeyId: 'new', keys: { old: KEY_A, new: KEY_B } } },
      storeUrl: { allowHttp: true, allowedNetworks: ['127.0.0.0/8', '::1/128'] },
      redisUrl: 'redis://127.0.0.1:6379/2', logLevel: 'debug', dashboardDir: '/opt/dashboard',
    });
  });

  it.each([
    ['postgresql://u@h/db', { type: 'postgres', url: 'postgresql://u@h/db' }],
    ['mysql://root@127.0.0.1:3306/app', { type: 'mysql', url: 'mysql://root@127.0.0.1:3306/app' }],
    ['mariadb://root@127.0.0.1:3306/app', { type: 'mariadb', url: 'mysql://root@127.0.0.1:3306/app' }],
    ['sqlite:data/app.sqlite', { type: 'better-sqlite3', database: '/srv/app/data/app.sqlite' }],
    ['sqlite:///var/lib/app.sqlite', { type: 'better-sqlite3', database: '/var/lib/app.sqlite' }],
    ['sqlite::memory:', { type: 'better-sqlite3', database: ':memory:' }],
  ])('DATABASE_URL %s', (url, expected) => {
    expect(readServiceConfig({ DATABASE_URL: url }, '/srv/app').database).toEqual(expected);
  });

  it('uses the only key as the active one, and 0.0.0.0 in production', () => {
    const config = readServiceConfig({ NODE_ENV: 'production', MAGEKIT_ENCRYPTION_KEYS: `k1:${KEY_A}` }, '/srv/app');
    expect(config.keys).toEqual({ kind: 'env', keys: { activeKeyId: 'k1', keys: { k1: KEY_A } } });
    expect(config).toMatchObject({ host: '0.0.0.0', production: true });
  });

  it('names every problem in one message', () => {
    const message = problemsOf({
      PORT: '70000', HOST: 'bad host!', PUBLIC_URL: 'ftp://x', TENANT: 'no spaces', DATABASE_URL: 'oracle://db', STORE_URL_ALLOW_HTTP: 'maybe',
      STORE_URL_ALLOWED_NETWORKS: '10.0.0.0/99', REDIS_URL: 'http://redis', LOG_LEVEL: 'loud', MAGEKIT_ENCRYPTION_KEYS: 'k1:short',
    });
    for (const name of ['PORT', 'HOST', 'PUBLIC_URL', 'TENANT', 'DATABASE_URL', 'STORE_URL_ALLOW_HTTP', 'STORE_URL_ALLOWED_NETWORKS', 'REDIS_URL', 'LOG_LEVEL', 'MAGEKIT_ENCRYPTION_KEYS']) {
      expect(message).toContain(name);
    }
    expect(message).toContain('10.0.0.0/99');
    expect(message).toContain('key k1 must be base64 of 32 random bytes');
    expect(message.split('; ')).toHaveLength(10);
  });

  it('refuses to generate a key in production and checks MAGEKIT_ACTIVE_KEY', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('MAGEKIT_ENCRYPTION_KEYS is required when NODE_ENV=production');
    expect(problemsOf({ MAGEKIT_ENCRYPTION_KEYS: `a:${KEY_A},b:${KEY_B}` })).toContain('MAGEKIT_ACTIVE_KEY is required when MAGEKIT_ENCRYPTION_KEYS holds several keys (one of a, b)');
    expect(problemsOf({ MAGEKIT_ENCRYPTION_KEYS: `a:${KEY_A}`, MAGEKIT_ACTIVE_KEY: 'z' })).toContain('MAGEKIT_ACTIVE_KEY "z" is not one of the ids');
    expect(problemsOf({ MAGEKIT_ACTIVE_KEY: 'a' })).toContain('MAGEKIT_ACTIVE_KEY is set but MAGEKIT_ENCRYPTION_KEYS is not');
    expect(problemsOf({ MAGEKIT_ENCRYPTION_KEYS: 'bad id!:x' })).toContain('must be id:base64');
  });

  it('treats empty variables as unset', () => {
    expect(readServiceConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '' }, '/srv/app')).toMatchObject({ port: 3000, logLevel: 'info', database: { type: 'better-sqlite3' } });
  });
});
