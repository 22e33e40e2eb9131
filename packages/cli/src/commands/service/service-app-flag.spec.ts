import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ApiTokenEntity, createMagekitDataSource, VendorAccountEntity } from '@magekit/nest';
import { runInProcess } from '../../testing/fake-io';
import { readServiceDatabase, serviceDataDir } from './service-settings';

/** `--app <app>`: the data of a generated integration app (`.data/<app>` under the working directory). */
describe('magekit tokens / accounts / rotate --app (a generated app, SQLite)', () => {
  let cwd: string;
  let previous: string;
  beforeEach(() => {
    previous = process.cwd();
    cwd = mkdtempSync(join(tmpdir(), 'mk-cli-app-'));
    process.chdir(cwd);
  });
  afterEach(() => {
    process.chdir(previous);
    rmSync(cwd, { recursive: true, force: true });
  });

  async function migrate(dataDir: string): Promise<void> {
    mkdirSync(dataDir, { recursive: true });
    const dataSource = createMagekitDataSource({
      ...readServiceDatabase({ DATA_DIR: dataDir }, {}, cwd).options,
      migrationsRun: true,
    });
    await dataSource.initialize();
    await dataSource.destroy();
  }

  async function count(dataDir: string, entity: typeof ApiTokenEntity | typeof VendorAccountEntity): Promise<number> {
    const dataSource = createMagekitDataSource(readServiceDatabase({ DATA_DIR: dataDir }, {}, cwd).options);
    await dataSource.initialize();
    try {
      return await dataSource.getRepository(entity).count();
    } finally {
      await dataSource.destroy();
    }
  }

  it('resolves .data/<app>; --data-dir still wins, and --app wins over DATA_DIR', () => {
    expect(serviceDataDir({}, {}, '/srv')).toBe('/srv/.data/integration');
    expect(serviceDataDir({}, { app: 'acme-sync' }, '/srv')).toBe('/srv/.data/acme-sync');
    expect(serviceDataDir({ DATA_DIR: '/var/main' }, { app: 'acme-sync' }, '/srv')).toBe('/srv/.data/acme-sync');
    expect(serviceDataDir({}, { app: 'acme-sync', dataDir: 'elsewhere' }, '/srv')).toBe('/srv/elsewhere');
  });

  it.each(['../etc', 'Acme', 'a/b', ''])('refuses --app %j (not an app name) with exit 2', async (app) => {
    const result = await runInProcess(['tokens', 'create', '--name', 'ci', '--app', app], '', {});
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('is not an app name');
  });

  it('tokens create, accounts create and rotate act on the app database, not the main service one', async () => {
    await migrate(join(cwd, '.data', 'acme-sync'));
    await migrate(join(cwd, '.data', 'integration'));
    const token = await runInProcess(['tokens', 'create', '--name', 'jobs', '--app', 'acme-sync', '--json'], '', {});
    expect(token.code).toBe(0);
    const account = await runInProcess(
      [
        'accounts',
        'create',
        '--app',
        'acme-sync',
        '--email',
        'ops@example.com',
        '--name',
        'Ops',
        '--password',
        'a long given password',
      ],
      '',
      {},
    );
    expect(account.code).toBe(0);
    expect(await count(join(cwd, '.data', 'acme-sync'), ApiTokenEntity)).toBe(1);
    expect(await count(join(cwd, '.data', 'acme-sync'), VendorAccountEntity)).toBe(1);
    expect(await count(join(cwd, '.data', 'integration'), ApiTokenEntity)).toBe(0);
    expect((await runInProcess(['accounts', 'list', '--app', 'acme-sync'], '', {})).stdout).toContain(
      'ops@example.com',
    );

    writeFileSync(
      join(cwd, '.data', 'acme-sync', 'keys.json'),
      JSON.stringify({ activeKeyId: 'k1', keys: { k1: randomBytes(32).toString('base64') } }),
    );
    expect(await runInProcess(['rotate', '--app', 'acme-sync'], '', {})).toMatchObject({
      code: 0,
      stdout: 'Re-encrypted 0 secrets under key k1; 0 already were.\n',
    });
  });

  it('an app that never started: says to start it with nx serve', async () => {
    const result = await runInProcess(['tokens', 'create', '--name', 'ci', '--app', 'acme-sync'], '', {});
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('hint:');
    expect(result.stderr).toContain('Start the app once (`npx nx serve acme-sync`).');
  });

  it('help of tokens create, accounts create and rotate shows --app', async () => {
    for (const argv of [
      ['tokens', 'create', '--help'],
      ['accounts', 'create', '--help'],
      ['accounts', 'list', '--help'],
      ['rotate', '--help'],
    ]) {
      expect((await runInProcess(argv, '', {})).stdout).toContain('--app <app>');
    }
  });
});
