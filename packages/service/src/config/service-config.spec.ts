import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntegrationServiceError } from '../service-error';
import { readServiceConfig, readStorageSettings } from './service-config';
import { toModuleOptions } from './module-options';

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
      imsTokenUrl: null,
      redisUrl: null,
      logLevel: 'info',
      production: false,
      dashboardDir: null,
      requiredResources: [],
      trustProxy: false,
      apiDocs: 'public',
      throttle: { callback: {}, signIn: {} },
      pendingStores: {},
      adminListCacheMs: null,
    });
  });

  it('reads every setting', () => {
    const config = readServiceConfig(
      {
        PORT: '8080',
        HOST: '0.0.0.0',
        PUBLIC_URL: 'https://sync.example.com/',
        TENANT: 'acme',
        DATA_DIR: 'var',
        DATABASE_URL: 'postgres://app:pw@db:5432/app',
        DATABASE_POOL_SIZE: '25',
        MAGEKIT_ENCRYPTION_KEYS: `old:${KEY_A}, new:${KEY_B}`,
        MAGEKIT_ACTIVE_KEY: 'new',
        STORE_URL_ALLOW_HTTP: 'true',
        STORE_URL_ALLOWED_NETWORKS: '127.0.0.0/8, ::1/128',
        IMS_TOKEN_URL: 'http://127.0.0.1:4010/ims/token/v3',
        REDIS_URL: 'redis://127.0.0.1:6379/2',
        LOG_LEVEL: 'debug',
        DASHBOARD_DIR: '/opt/dashboard',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      publicUrl: 'https://sync.example.com',
      tenant: 'acme',
      dataDir: '/srv/app/var',
      database: { type: 'postgres', url: 'postgres://app:pw@db:5432/app', poolSize: 25 },
      keys: { kind: 'env', keys: { activeKeyId: 'new', keys: { old: KEY_A, new: KEY_B } } },
      storeUrl: { allowHttp: true, allowedNetworks: ['127.0.0.0/8', '::1/128'] },
      imsTokenUrl: 'http://127.0.0.1:4010/ims/token/v3',
      redisUrl: 'redis://127.0.0.1:6379/2',
      logLevel: 'debug',
      dashboardDir: '/opt/dashboard',
    });
  });

  it.each([
    ['postgresql://u@h/db', { type: 'postgres', url: 'postgresql://u@h/db', poolSize: 10 }],
    ['mysql://root@127.0.0.1:3306/app', { type: 'mysql', url: 'mysql://root@127.0.0.1:3306/app', poolSize: 10 }],
    ['mariadb://root@127.0.0.1:3306/app', { type: 'mariadb', url: 'mysql://root@127.0.0.1:3306/app', poolSize: 10 }],
    ['sqlite:data/app.sqlite', { type: 'better-sqlite3', database: '/srv/app/data/app.sqlite' }],
    ['sqlite:///var/lib/app.sqlite', { type: 'better-sqlite3', database: '/var/lib/app.sqlite' }],
    ['sqlite::memory:', { type: 'better-sqlite3', database: ':memory:' }],
  ])('DATABASE_URL %s', (url, expected) => {
    expect(readServiceConfig({ DATABASE_URL: url }, '/srv/app').database).toEqual(expected);
  });

  it.each(['0', '-1', '1.5', 'ten', '501', '10000'])('refuses DATABASE_POOL_SIZE %s, naming the range', (size) => {
    expect(problemsOf({ DATABASE_URL: 'postgres://u@h/db', DATABASE_POOL_SIZE: size })).toContain(
      'DATABASE_POOL_SIZE must be an integer from 1 to 500',
    );
  });

  it('ADMIN_LIST_CACHE_MS: the module option admin.listCacheMs (0 turns the cache off), unset leaves its default', () => {
    const keys = { activeKeyId: 'k', keys: { k: KEY_A } };
    const off = readServiceConfig({ ADMIN_LIST_CACHE_MS: '0' }, '/srv/app');
    expect(off.adminListCacheMs).toBe(0);
    expect(toModuleOptions(off, keys).admin).toEqual({ listCacheMs: 0 });
    expect(toModuleOptions(readServiceConfig({ ADMIN_LIST_CACHE_MS: '250' }, '/srv/app'), keys).admin).toEqual({
      listCacheMs: 250,
    });
    expect(toModuleOptions(readServiceConfig({}, '/srv/app'), keys)).not.toHaveProperty('admin');
  });

  it.each(['-1', '1.5', 'soon', '60001', '100000'])('refuses ADMIN_LIST_CACHE_MS %s, naming the range', (ms) => {
    expect(problemsOf({ ADMIN_LIST_CACHE_MS: ms })).toContain('ADMIN_LIST_CACHE_MS must be an integer from 0 to 60000');
  });

  it('reads DATABASE_POOL_SIZE for a database server; SQLite has no pool', () => {
    expect(readServiceConfig({ DATABASE_URL: 'mariadb://h/app', DATABASE_POOL_SIZE: '1' }).database).toMatchObject({
      poolSize: 1,
    });
    expect(readServiceConfig({ DATABASE_URL: 'sqlite::memory:', DATABASE_POOL_SIZE: '40' }).database).toEqual({
      type: 'better-sqlite3',
      database: ':memory:',
    });
  });

  it('uses the only key as the active one, and 0.0.0.0 in production', () => {
    const config = readServiceConfig({ NODE_ENV: 'production', MAGEKIT_ENCRYPTION_KEYS: `k1:${KEY_A}` }, '/srv/app');
    expect(config.keys).toEqual({ kind: 'env', keys: { activeKeyId: 'k1', keys: { k1: KEY_A } } });
    expect(config).toMatchObject({ host: '0.0.0.0', production: true });
  });

  it('names every problem in one message', () => {
    const message = problemsOf({
      PORT: '70000',
      HOST: 'bad host!',
      PUBLIC_URL: 'ftp://x',
      TENANT: 'no spaces',
      DATABASE_URL: 'oracle://db',
      STORE_URL_ALLOW_HTTP: 'maybe',
      STORE_URL_ALLOWED_NETWORKS: '10.0.0.0/99',
      REDIS_URL: 'http://redis',
      LOG_LEVEL: 'loud',
      MAGEKIT_ENCRYPTION_KEYS: 'k1:short',
      IMS_TOKEN_URL: 'https://user:pw@ims.example.com/',
    });
    for (const name of [
      'PORT',
      'HOST',
      'PUBLIC_URL',
      'TENANT',
      'DATABASE_URL',
      'STORE_URL_ALLOW_HTTP',
      'STORE_URL_ALLOWED_NETWORKS',
      'REDIS_URL',
      'LOG_LEVEL',
      'MAGEKIT_ENCRYPTION_KEYS',
      'IMS_TOKEN_URL',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('10.0.0.0/99');
    expect(message).toContain('key k1 must be base64 of 32 random bytes');
    expect(message).not.toContain('user:pw');
    expect(message.split('; ')).toHaveLength(11);
  });

  it('refuses to generate a key in production and checks MAGEKIT_ACTIVE_KEY', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toContain(
      'MAGEKIT_ENCRYPTION_KEYS is required when NODE_ENV=production',
    );
    expect(problemsOf({ MAGEKIT_ENCRYPTION_KEYS: `a:${KEY_A},b:${KEY_B}` })).toContain(
      'MAGEKIT_ACTIVE_KEY is required when MAGEKIT_ENCRYPTION_KEYS holds several keys (one of a, b)',
    );
    expect(problemsOf({ MAGEKIT_ENCRYPTION_KEYS: `a:${KEY_A}`, MAGEKIT_ACTIVE_KEY: 'z' })).toContain(
      'MAGEKIT_ACTIVE_KEY "z" is not one of the ids',
    );
    expect(problemsOf({ MAGEKIT_ACTIVE_KEY: 'a' })).toContain(
      'MAGEKIT_ACTIVE_KEY is set but MAGEKIT_ENCRYPTION_KEYS is not',
    );
    expect(problemsOf({ MAGEKIT_ENCRYPTION_KEYS: 'bad id!:x' })).toContain('must be id:base64');
  });

  it.each([
    ['1', 1],
    ['2', 2],
    ['true', true],
    ['FALSE', false],
    ['10.0.0.0/8,127.0.0.1', ['10.0.0.0/8', '127.0.0.1']],
    [' loopback, fd00::/8 ,::1 ', ['loopback', 'fd00::/8', '::1']],
  ])('TRUST_PROXY %s', (value, expected) => {
    expect(readServiceConfig({ TRUST_PROXY: value }, '/srv/app').trustProxy).toEqual(expected);
  });

  it('API_DOCS: public by default, off by default in production, or as set', () => {
    expect(readServiceConfig({}, '/srv/app').apiDocs).toBe('public');
    expect(
      readServiceConfig({ NODE_ENV: 'production', MAGEKIT_ENCRYPTION_KEYS: `k1:${KEY_A}` }, '/srv/app').apiDocs,
    ).toBe('off');
    expect(
      readServiceConfig(
        { NODE_ENV: 'production', MAGEKIT_ENCRYPTION_KEYS: `k1:${KEY_A}`, API_DOCS: 'token' },
        '/srv/app',
      ).apiDocs,
    ).toBe('token');
    expect(readServiceConfig({ API_DOCS: 'off' }, '/srv/app').apiDocs).toBe('off');
  });

  it('reads the request limits into the module options, leaving unset ones to the module defaults', () => {
    const config = readServiceConfig(
      {
        THROTTLE_WINDOW_SECONDS: '30',
        THROTTLE_CALLBACK_PER_ADDRESS: '5',
        THROTTLE_CALLBACK_GLOBAL: '50',
        THROTTLE_SIGN_IN_PER_ADDRESS: '7',
        THROTTLE_SIGN_IN_GLOBAL: '70',
        PENDING_STORES_PER_ADDRESS: '3',
        PENDING_STORES_MAX: '100',
      },
      '/srv/app',
    );
    expect(config.throttle).toEqual({
      windowSeconds: 30,
      callback: { perAddress: 5, global: 50 },
      signIn: { perAddress: 7, global: 70 },
    });
    expect(config.pendingStores).toEqual({ perAddress: 3, max: 100 });
    expect(readServiceConfig({ THROTTLE_SIGN_IN_GLOBAL: '9', PENDING_STORES_MAX: '' }, '/srv/app')).toMatchObject({
      throttle: { callback: {}, signIn: { global: 9 } },
      pendingStores: {},
    });
  });

  it('names every bad proxy, docs and limit variable in the one message', () => {
    const message = problemsOf({
      TRUST_PROXY: '10.0.0.0/99,proxy.internal',
      API_DOCS: 'private',
      THROTTLE_WINDOW_SECONDS: '0',
      THROTTLE_CALLBACK_PER_ADDRESS: '-1',
      THROTTLE_CALLBACK_GLOBAL: '1.5',
      THROTTLE_SIGN_IN_PER_ADDRESS: 'ten',
      THROTTLE_SIGN_IN_GLOBAL: '1e3',
      PENDING_STORES_PER_ADDRESS: '0',
      PENDING_STORES_MAX: 'many',
    });
    for (const name of [
      'TRUST_PROXY',
      'API_DOCS',
      'THROTTLE_WINDOW_SECONDS',
      'THROTTLE_CALLBACK_PER_ADDRESS',
      'THROTTLE_CALLBACK_GLOBAL',
      'THROTTLE_SIGN_IN_PER_ADDRESS',
      'THROTTLE_SIGN_IN_GLOBAL',
      'PENDING_STORES_PER_ADDRESS',
      'PENDING_STORES_MAX',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toContain('not an address or CIDR: "10.0.0.0/99", "proxy.internal"');
    expect(message).toContain('THROTTLE_WINDOW_SECONDS must be a positive integer');
    expect(message).toContain('API_DOCS must be one of public, token, off');
    expect(message.split('; ')).toHaveLength(9);
  });

  it('treats empty variables as unset', () => {
    expect(readServiceConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '' }, '/srv/app')).toMatchObject({
      port: 3000,
      logLevel: 'info',
      database: { type: 'better-sqlite3' },
    });
  });

  describe('required resources', () => {
    const files: Record<string, string> = {
      '/srv/app/calls.txt':
        '# what the app calls\nGET /V1/orders/5\n\nget /V1/products/:sku   # route ids work too\nGET /V1/directory/countries\n',
      '/srv/app/bad-calls.txt':
        'GET /V1/products\nfetch everything please\nGET /V1/nothing/here\nPATCH /V1/products/x\nGET /V1/customers/me\n',
      '/srv/app/empty.txt': '# nothing yet\n\n',
    };
    const readFile = (path: string) => {
      if (path in files) return files[path];
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    };
    const read = (env: Record<string, string>) => readServiceConfig(env, '/srv/app', { readFile });
    const problemsWithFiles = (env: Record<string, string>) => {
      try {
        read(env);
      } catch (error) {
        expect((error as IntegrationServiceError).code).toBe('INVALID_CONFIG');
        return (error as Error).message;
      }
      throw new Error('expected INVALID_CONFIG');
    };

    it('REQUIRED_RESOURCES: ids of the stock ACL tree, deduplicated, in tree order', () => {
      expect(
        read({
          REQUIRED_RESOURCES: ' Magento_Sales::actions_view, Magento_Catalog::products,Magento_Sales::actions_view,',
        }).requiredResources,
      ).toEqual(['Magento_Sales::actions_view', 'Magento_Catalog::products']);
    });

    it('MAGEKIT_CALLS_FILE (relative to cwd): the least privilege of its calls on the stock route table, joined with REQUIRED_RESOURCES', () => {
      expect(read({ MAGEKIT_CALLS_FILE: 'calls.txt' }).requiredResources).toEqual([
        'Magento_Sales::actions_view',
        'Magento_Catalog::products',
      ]);
      expect(
        read({ MAGEKIT_CALLS_FILE: '/srv/app/calls.txt', REQUIRED_RESOURCES: 'Magento_Backend::store' })
          .requiredResources,
      ).toEqual(['Magento_Sales::actions_view', 'Magento_Catalog::products', 'Magento_Backend::store']);
    });

    it('names every unknown id and every bad line of the calls file in the one message, next to other bad variables', () => {
      const message = problemsWithFiles({
        PORT: 'x',
        REQUIRED_RESOURCES: 'Magento_Catalog::products,products,Acme_Sync::things',
        MAGEKIT_CALLS_FILE: 'bad-calls.txt',
      });
      expect(message).toContain('PORT must be an integer');
      expect(message).toContain(
        'REQUIRED_RESOURCES names ids that are not in the ACL tree of stock Magento Open Source 2.4.6-p1: products, Acme_Sync::things',
      );
      expect(message).toContain(
        'MAGEKIT_CALLS_FILE bad-calls.txt:2 "fetch everything please" is not "METHOD /V1/path"',
      );
      expect(message).toContain(
        'MAGEKIT_CALLS_FILE bad-calls.txt:3 GET /V1/nothing/here: Request does not match any route;',
      );
      expect(message).toContain('MAGEKIT_CALLS_FILE bad-calls.txt:4 PATCH /V1/products/x: Request method is invalid;');
      expect(message).toContain('MAGEKIT_CALLS_FILE bad-calls.txt:5 GET /V1/customers/me needs "All resources"');
      expect(message).not.toContain('bad-calls.txt:1');
      expect(message.split('; ')).toHaveLength(6);
    });

    it('refuses a missing or empty calls file', () => {
      expect(problemsWithFiles({ MAGEKIT_CALLS_FILE: 'missing.txt' })).toContain(
        'MAGEKIT_CALLS_FILE missing.txt cannot be read (ENOENT)',
      );
      expect(problemsWithFiles({ MAGEKIT_CALLS_FILE: 'empty.txt' })).toContain(
        'MAGEKIT_CALLS_FILE empty.txt lists no calls',
      );
    });

    it('a MAGEKIT_CALLS_FILE that is /dev/zero, a directory or over 1 MiB is refused at once, without reading it', () => {
      const dir = mkdtempSync(join(tmpdir(), 'mk-calls-'));
      try {
        writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(1024 * 1024 + 1, 0x41));
        const problems = (file: string) => {
          try {
            readServiceConfig({ MAGEKIT_CALLS_FILE: file }, dir);
            return '';
          } catch (error) {
            return (error as Error).message;
          }
        };
        expect(problems('/dev/zero')).toMatch(/MAGEKIT_CALLS_FILE .*\/dev\/zero.*not a regular file/);
        expect(problems(dir)).toMatch(/not a regular file/);
        expect(problems('huge.txt')).toMatch(/1 MiB|1048576/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reads nothing when neither is set', () => {
      expect(
        readServiceConfig({ REQUIRED_RESOURCES: '', MAGEKIT_CALLS_FILE: '' }, '/srv/app', {
          readFile: () => {
            throw new Error('must not read');
          },
        }).requiredResources,
      ).toEqual([]);
    });
  });
});

describe("readStorageSettings (what the CLI's service commands read)", () => {
  it('gives the same data directory, database and keys as readServiceConfig', () => {
    for (const env of [
      {},
      { DATA_DIR: 'var/app', DATABASE_URL: 'sqlite:db/x.sqlite' },
      { DATABASE_URL: 'mariadb://root@db/app', MAGEKIT_ENCRYPTION_KEYS: `a:${KEY_A}` },
    ]) {
      const full = readServiceConfig(env, '/srv/app');
      expect(readStorageSettings(env, '/srv/app')).toEqual({
        dataDir: full.dataDir,
        database: full.database,
        keys: full.keys,
      });
    }
  });

  it.each([
    ['a key entry with an extra ":"', { MAGEKIT_ENCRYPTION_KEYS: `k1:${KEY_A}:extra` }, 'entry "k1" must be id:base64'],
    ['an unknown database scheme', { DATABASE_URL: 'oracle://db' }, 'DATABASE_URL must be postgres://'],
    [
      'an active key that is not listed',
      { MAGEKIT_ENCRYPTION_KEYS: `a:${KEY_A}`, MAGEKIT_ACTIVE_KEY: 'z' },
      'MAGEKIT_ACTIVE_KEY "z" is not one of the ids',
    ],
  ])('refuses %s, as the service does', (_, env, problem) => {
    expect(problemsOf(env)).toContain(problem);
    expect(() => readStorageSettings(env, '/srv/app')).toThrow(problem);
  });

  it('does not judge the variables only the server reads', () => {
    expect(() => readStorageSettings({ PORT: '70000', LOG_LEVEL: 'loud' }, '/srv/app')).not.toThrow();
  });
});
