import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from '../../cli-error';
import { readCredentials, readProbes, readStoreScope, readTimeout } from './doctor-options';

const SECRET = 'consumer-secret-value-never-printed';

describe('readCredentials', () => {
  it('takes flags first, then MAGEKIT_* variables', () => {
    const env = {
      MAGEKIT_CONSUMER_KEY: 'env-key',
      MAGEKIT_CONSUMER_SECRET: SECRET,
      MAGEKIT_TOKEN: 'env-token',
      MAGEKIT_TOKEN_SECRET: 'env-token-secret',
    };
    expect(readCredentials({ timeout: '1000', consumerKey: 'flag-key' }, env)).toEqual({
      consumerKey: 'flag-key',
      consumerSecret: SECRET,
      accessToken: 'env-token',
      accessTokenSecret: 'env-token-secret',
    });
  });

  it('gives null without any credential', () => {
    expect(readCredentials({ timeout: '1000' }, {})).toBeNull();
  });

  it('names the missing ones without printing any value', () => {
    let error: unknown;
    try {
      readCredentials({ timeout: '1000', consumerSecret: SECRET }, { MAGEKIT_TOKEN: 'env-token' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe('MISSING_OPTION');
    expect((error as CliError).message).toBe(
      'Incomplete credentials: --consumer-key (MAGEKIT_CONSUMER_KEY), --token-secret (MAGEKIT_TOKEN_SECRET) missing.',
    );
    expect(JSON.stringify({ message: (error as CliError).message, hint: (error as CliError).hint })).not.toContain(
      SECRET,
    );
  });
});

describe('readStoreScope and readTimeout', () => {
  it('accepts a base URL with a store code and index.php', () => {
    expect(readStoreScope('https://shop.example.com/', { timeout: '1000', store: 'default', indexPhp: true })).toEqual({
      store: 'default',
      indexPhp: true,
    });
  });

  it.each(['shop.example.com', 'ftp://shop.example.com/', 'https://shop.example.com/?a=1'])('refuses %s', (url) => {
    expect(() => readStoreScope(url, { timeout: '1000' })).toThrow(CliError);
  });

  it('refuses a bad store code and a bad timeout', () => {
    expect(() => readStoreScope('https://shop.example.com/', { timeout: '1000', store: 'no/such' })).toThrow(
      /store code/,
    );
    expect(readTimeout('15000')).toBe(15000);
    expect(() => readTimeout('5')).toThrow(/--timeout/);
  });
});

describe('readProbes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'magekit-doctor-options-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a calls file and resource ids', () => {
    const file = join(dir, 'calls.txt');
    writeFileSync(file, '# the sync job\nGET /V1/orders\nPOST /V1/products\n');
    const probes = readProbes({ timeout: '1000', calls: file, resources: 'Magento_Backend::store' });
    expect(probes?.map((probe) => probe.label)).toEqual([
      'GET /V1/orders',
      'POST /V1/products',
      expect.stringMatching(/^Magento_Backend::store \(GET /),
    ]);
    expect(readProbes({ timeout: '1000' })).toBeNull();
  });

  it('refuses a missing file, an empty file and an empty list', () => {
    expect(() => readProbes({ timeout: '1000', calls: join(dir, 'missing.txt') })).toThrow(
      expect.objectContaining({ code: 'FILE_NOT_FOUND' }),
    );
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '# nothing\n');
    expect(() => readProbes({ timeout: '1000', calls: empty })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
    expect(() => readProbes({ timeout: '1000', resources: ' , ' })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
});
