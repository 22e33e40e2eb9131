import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  createMagekitDataSource,
  SignInAttemptEntity,
  StoreEntity,
  VendorAccountEntity,
  verifyPassword,
} from '@magekit/nest';
import { runBin } from '../../testing/fake-io';
import { readServiceDatabase } from './service-settings';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('magekit accounts list / disable / enable / reset-password / unlock (built bin, SQLite)', () => {
  let dir: string;
  let env: Record<string, string>;
  const magekit = (argv: string[], stdin = '') => runBin(argv, stdin, env);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mk-cli-accounts-'));
    env = { DATA_DIR: dir, DATABASE_URL: '' };
    await database(async () => undefined);
    expect(
      magekit([
        'accounts',
        'create',
        '--email',
        'Ops@Example.com',
        '--name',
        'Ops Team',
        '--password',
        'the ops password',
      ]).code,
    ).toBe(0);
    expect(
      magekit(['accounts', 'create', '--email', 'dev@example.com', '--name', 'Dev', '--password', 'the dev password'])
        .code,
    ).toBe(0);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function database<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
    const dataSource = createMagekitDataSource({ ...readServiceDatabase(env, {}).options, migrationsRun: true });
    await dataSource.initialize();
    try {
      return await work(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  const account = (email: string) =>
    database((dataSource) => dataSource.getRepository(VendorAccountEntity).findOneByOrFail({ email }));
  const counters = () => database((dataSource) => dataSource.getRepository(SignInAttemptEntity).find());

  async function lockOut(email: string, ip: string) {
    const windowEndsAt = new Date(Date.now() + 10 * 60_000);
    await database((dataSource) =>
      dataSource.getRepository(SignInAttemptEntity).insert([
        { id: randomUUID(), kind: 'email', subjectHash: sha256(email), failures: 6, windowEndsAt },
        { id: randomUUID(), kind: 'ip', subjectHash: sha256(ip), failures: 6, windowEndsAt },
      ]),
    );
    return windowEndsAt;
  }

  async function linkStores(email: string, count: number) {
    const { id: vendorAccountId } = await account(email);
    const at = new Date();
    await database(async (dataSource) => {
      for (let i = 0; i < count; i += 1) {
        const id = randomUUID();
        await dataSource.getRepository(StoreEntity).insert({
          id,
          tenant: 'acme',
          consumerKey: id.replace(/-/g, ''),
          consumerSecretEnc: 'x',
          storeBaseUrl: `https://s${i}.example.com/`,
          usesIndexPhp: false,
          status: 'active',
          statusCode: null,
          statusReason: null,
          statusHint: null,
          accessTokenEnc: null,
          accessTokenSecretEnc: null,
          signatureProfile: 'latest',
          vendorAccountId,
          facts: null,
          activatedAt: at,
          lastProbedAt: null,
          probeLeaseUntil: null,
          createdAt: at,
          updatedAt: at,
        });
      }
    });
  }

  it('list shows e-mail, name, created, disabled, linked stores and lockout, as a table or JSON', async () => {
    await linkStores('ops@example.com', 2);
    const until = await lockOut('ops@example.com', '203.0.113.9');
    const table = magekit(['accounts', 'list']);
    expect(table.code).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^E-MAIL +NAME +CREATED +DISABLED +STORES +LOCKED OUT$/);
    expect(lines[1]).toMatch(/^dev@example\.com +Dev +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +no +0 +no$/);
    expect(lines[2]).toMatch(/^ops@example\.com +Ops Team +\S+ \S+ +no +2 +until \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
    const json = JSON.parse(magekit(['accounts', 'list', '--json']).stdout) as Array<Record<string, unknown>>;
    expect(
      json.map(({ email, disabledAt, linkedStores, lockedOut, lockedUntil }) => ({
        email,
        disabledAt,
        linkedStores,
        lockedOut,
        lockedUntil,
      })),
    ).toEqual([
      { email: 'dev@example.com', disabledAt: null, linkedStores: 0, lockedOut: false, lockedUntil: null },
      {
        email: 'ops@example.com',
        disabledAt: null,
        linkedStores: 2,
        lockedOut: true,
        lockedUntil: until.toISOString(),
      },
    ]);
    expect(JSON.stringify(json)).not.toContain('scrypt');
    expect(JSON.parse(magekit(['accounts', 'list', '--json', '--max-failures', '7']).stdout)[1].lockedOut).toBe(false);
  });

  it('disable sets disabledAt and enable clears it; list shows it', async () => {
    const disabled = magekit(['accounts', 'disable', 'OPS@example.com']);
    expect(disabled).toMatchObject({ code: 0, stderr: '' });
    expect(disabled.stdout).toMatch(
      /^Vendor account ops@example\.com is disabled \(since \S+ \S+Z\): it can no longer sign in\.\n$/,
    );
    expect((await account('ops@example.com')).disabledAt).toBeInstanceOf(Date);
    const listed = magekit(['accounts', 'list']);
    expect(listed.stderr).toBe('');
    expect(listed.stdout).toMatch(/ops@example\.com +Ops Team +\S+ \S+ +since \S+ \S+Z +0 +no/);
    expect(magekit(['accounts', 'enable', 'ops@example.com'])).toMatchObject({
      code: 0,
      stdout: 'Vendor account ops@example.com is enabled: it can sign in again.\n',
    });
    expect((await account('ops@example.com')).disabledAt).toBeNull();
    expect(JSON.parse(magekit(['accounts', 'disable', 'dev@example.com', '--json']).stdout)).toMatchObject({
      email: 'dev@example.com',
      disabledAt: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('reset-password prints a generated password once and clears the e-mail lockout only', async () => {
    await lockOut('ops@example.com', '203.0.113.9');
    const reset = magekit(['accounts', 'reset-password', 'ops@example.com']);
    expect(reset.code).toBe(0);
    const password = /^New password, shown only now: (\S+)$/m.exec(reset.stdout)?.[1] ?? '';
    expect(reset.stdout).toContain(
      'Password of vendor account ops@example.com replaced; its sign-in lockout is cleared.',
    );
    expect(await verifyPassword(password, (await account('ops@example.com')).passwordHash)).toBe(true);
    expect(await verifyPassword('the ops password', (await account('ops@example.com')).passwordHash)).toBe(false);
    expect((await counters()).map((row) => row.kind)).toEqual(['ip']);
  });

  it('reset-password --password-stdin takes the password from stdin, prints none, and refuses a short or empty one', async () => {
    const reset = magekit(
      ['accounts', 'reset-password', 'dev@example.com', '--password-stdin', '--json'],
      'a piped new password\n',
    );
    expect(reset.code).toBe(0);
    expect(JSON.parse(reset.stdout)).toEqual({ id: expect.any(String), email: 'dev@example.com', name: 'Dev' });
    expect(await verifyPassword('a piped new password', (await account('dev@example.com')).passwordHash)).toBe(true);
    const short = magekit(['accounts', 'reset-password', 'dev@example.com', '--password-stdin'], 'short\n');
    expect(short).toMatchObject({ code: 2, stdout: '' });
    expect(short.stderr).toContain('Invalid password: it must be at least 10 characters. [INVALID_INPUT]');
    const empty = magekit(['accounts', 'reset-password', 'dev@example.com', '--password-stdin'], '');
    expect(empty).toMatchObject({ code: 2, stdout: '' });
    expect(empty.stderr).toContain('[EMPTY_INPUT]');
    expect(await verifyPassword('a piped new password', (await account('dev@example.com')).passwordHash)).toBe(true);
  });

  it('unlock clears an e-mail counter, and with --ip an address counter', async () => {
    await lockOut('dev@example.com', '::ffff:198.51.100.4');
    expect(magekit(['accounts', 'unlock', 'dev@example.com'])).toMatchObject({
      code: 0,
      stdout: 'Cleared 1 sign-in failure counter (e-mail dev@example.com).\n',
    });
    expect((await counters()).map((row) => row.kind)).toEqual(['ip']);
    expect(magekit(['accounts', 'unlock', '--ip', '198.51.100.4'])).toMatchObject({
      code: 0,
      stdout: 'Cleared 1 sign-in failure counter (address 198.51.100.4).\n',
    });
    expect(await counters()).toEqual([]);
    const neither = magekit(['accounts', 'unlock']);
    expect(neither).toMatchObject({ code: 2, stdout: '' });
    expect(neither.stderr).toContain('[MISSING_OPTION]');
    const badIp = magekit(['accounts', 'unlock', '--ip', 'example.com']);
    expect(badIp.stderr).toContain('"example.com" is not an IP address. [INVALID_INPUT]');
  });

  it.each([
    ['disable', ['accounts', 'disable', 'nobody@example.com']],
    ['enable', ['accounts', 'enable', 'nobody@example.com']],
    ['reset-password', ['accounts', 'reset-password', 'Nobody@example.com']],
    ['unlock', ['accounts', 'unlock', 'nobody@example.com']],
  ])('%s of an unknown e-mail exits 2 naming it, and changes nothing', async (_name, argv) => {
    const result = magekit(argv);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('magekit: No vendor account has the e-mail "nobody@example.com". [INVALID_INPUT]');
    expect(result.stderr).toContain('hint: `magekit accounts list` shows the vendor accounts.');
  });

  it('help lists the account commands', () => {
    const help = magekit(['accounts', '--help']);
    for (const command of [
      'create',
      'list',
      'disable [options] <email>',
      'enable [options] <email>',
      'reset-password [options] <email>',
      'unlock [options] [email]',
    ])
      expect(help.stdout).toContain(command);
  });
});
