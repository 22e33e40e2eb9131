import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readEnvConfig } from './read-env-config';

describe('readEnvConfig (SANDBOX_*)', () => {
  it('has a default for everything; empty variables are unset', () => {
    expect(readEnvConfig({ SANDBOX_PORT: '', SANDBOX_HOST: '' })).toEqual({
      port: 3001,
      host: '127.0.0.1',
      dataDir: resolve(join('.data', 'sandbox')),
      baseUrl: null,
      adminToken: 'sandbox-admin-token',
      magentoXmlDir: null,
      products: 1000,
      magentoVersion: '2.4.8',
      edition: 'paas',
      tenantId: null,
      imsTokenLifetimeSeconds: null,
      phpFpm: null,
    });
  });

  it('reads every variable', () => {
    const dataDir = join(tmpdir(), 'sandbox-data');
    const xmlDir = join(tmpdir(), 'magento-xml');
    expect(
      readEnvConfig({
        SANDBOX_PORT: '0',
        SANDBOX_HOST: '0.0.0.0',
        SANDBOX_DATA_DIR: dataDir,
        SANDBOX_BASE_URL: 'https://shop.test:8443',
        SANDBOX_ADMIN_TOKEN: 'long-enough',
        SANDBOX_MAGENTO_XML_DIR: xmlDir,
        SANDBOX_PRODUCTS: '100000',
        SANDBOX_MAGENTO_VERSION: '2.4.6-p1',
        SANDBOX_EDITION: 'saas',
        SANDBOX_TENANT_ID: 'X2duJmy3FaTKf1Mmr4GiQY',
        SANDBOX_IMS_TOKEN_LIFETIME: '120',
        SANDBOX_LATENCY_MS: '50',
        SANDBOX_WORKERS: '4',
        SANDBOX_BACKLOG: '0',
      }),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir,
      baseUrl: 'https://shop.test:8443/',
      adminToken: 'long-enough',
      magentoXmlDir: xmlDir,
      products: 100000,
      magentoVersion: '2.4.6-p1',
      edition: 'saas',
      tenantId: 'X2duJmy3FaTKf1Mmr4GiQY',
      imsTokenLifetimeSeconds: 120,
      phpFpm: { latencyMs: 50, workers: 4, backlog: 0 },
    });
  });

  it('turns the PHP-FPM pool on with any one of its variables', () => {
    expect(readEnvConfig({ SANDBOX_WORKERS: '4' }).phpFpm).toEqual({ workers: 4 });
    expect(readEnvConfig({ SANDBOX_LATENCY_MS: '50', SANDBOX_WORKERS: '' }).phpFpm).toEqual({ latencyMs: 50 });
  });

  it('names every bad variable in one message', () => {
    expect(() =>
      readEnvConfig({
        SANDBOX_PORT: '70000',
        SANDBOX_PRODUCTS: '1.5',
        SANDBOX_BASE_URL: 'ftp://x/y',
        SANDBOX_ADMIN_TOKEN: '',
        SANDBOX_MAGENTO_VERSION: '2.4.5',
        SANDBOX_EDITION: 'cloud',
        SANDBOX_TENANT_ID: 'rest',
        SANDBOX_IMS_TOKEN_LIFETIME: '0',
        SANDBOX_LATENCY_MS: '-1',
        SANDBOX_WORKERS: '0',
      }),
    ).toThrow(
      'Invalid sandbox configuration: SANDBOX_PORT must be an integer from 0 to 65535 (got "70000"); SANDBOX_BASE_URL must be http(s)://host[:port]/ (got "ftp://x/y"); SANDBOX_ADMIN_TOKEN must have at least 8 characters; SANDBOX_PRODUCTS must be an integer from 1 to 100000 (got "1.5"); SANDBOX_MAGENTO_VERSION must be one of 2.4.6-p1, 2.4.7, 2.4.8 (got "2.4.5"); SANDBOX_EDITION must be one of paas, saas (got "cloud"); SANDBOX_TENANT_ID "rest" is a path the sandbox serves itself; choose another; SANDBOX_IMS_TOKEN_LIFETIME must be an integer from 1 to 604800 (got "0"); SANDBOX_LATENCY_MS must be an integer from 0 to 60000 (got "-1"); SANDBOX_WORKERS must be an integer from 1 to 10000 (got "0").',
    );
  });
});
