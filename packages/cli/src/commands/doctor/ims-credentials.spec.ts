import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMS_COMMERCE_SCOPES } from '@magekit/client';
import { CliError } from '../../cli-error';
import { createFakeIo } from '../../testing/fake-io';
import { readImsCredentials, type ImsFlags } from './ims-credentials';
import { IMS_CLIENT_SECRET_ENV } from './read-ims-secret';

const SECRET = 'p8e-doctor-secret-never-printed';

async function failure(flags: ImsFlags, stdin = '', env: Record<string, string> = {}): Promise<CliError> {
  try {
    await readImsCredentials(flags, createFakeIo(stdin, env));
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('readImsCredentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'magekit-doctor-ims-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is null without --ims-client-id, even with the secret variable set (it may be set for the service)', async () => {
    await expect(readImsCredentials({}, createFakeIo('', { [IMS_CLIENT_SECRET_ENV]: SECRET }))).resolves.toBeNull();
  });

  it("reads the secret from the variable, with Adobe's scopes and IMS's endpoint by default", async () => {
    const read = await readImsCredentials(
      { imsClientId: 'client-1', imsOrgId: 'ORG@AdobeOrg' },
      createFakeIo('', { [IMS_CLIENT_SECRET_ENV]: SECRET }),
    );
    expect(read).toEqual({
      clientId: 'client-1',
      clientSecret: SECRET,
      orgId: 'ORG@AdobeOrg',
      tokenUrl: 'https://ims-na1.adobelogin.com/ims/token/v3',
      scopes: [...IMS_COMMERCE_SCOPES],
    });
  });

  it('reads stdin or a file before the variable, drops one trailing newline, and takes a sandbox origin', async () => {
    const fromStdin = await readImsCredentials(
      { imsClientId: 'c', imsClientSecretStdin: true, imsTokenUrl: 'http://127.0.0.1:7001' },
      createFakeIo(`${SECRET}\n`, { [IMS_CLIENT_SECRET_ENV]: 'other' }),
    );
    expect(fromStdin).toMatchObject({
      clientSecret: SECRET,
      orgId: null,
      tokenUrl: 'http://127.0.0.1:7001/ims/token/v3',
    });
    const file = join(dir, 'secret.txt');
    writeFileSync(file, `${SECRET}\r\n`);
    const fromFile = await readImsCredentials(
      { imsClientId: 'c', imsClientSecretFile: file, imsScopes: 'openid, commerce.accs' },
      createFakeIo('', { [IMS_CLIENT_SECRET_ENV]: 'other' }),
    );
    expect(fromFile).toMatchObject({ clientSecret: SECRET, scopes: ['openid', 'commerce.accs'] });
  });

  it.each([
    [{ imsOrgId: 'ORG@AdobeOrg' }, 'MISSING_OPTION', '--ims-client-id is missing (--ims-org-id given without it).'],
    [
      { imsClientSecretStdin: true },
      'MISSING_OPTION',
      '--ims-client-id is missing (the client secret given without it).',
    ],
    [{ imsClientId: 'c' }, 'MISSING_OPTION', 'The IMS client secret is missing (--ims-client-id was given).'],
    [
      { imsClientId: 'c', imsClientSecretStdin: true, imsClientSecretFile: 'x' },
      'MISSING_OPTION',
      'Give the client secret once: --ims-client-secret-file or --ims-client-secret-stdin.',
    ],
    [{ imsClientId: 'c', imsClientSecretStdin: true }, 'EMPTY_INPUT', '--ims-client-secret-stdin: stdin is empty.'],
    [{ imsClientId: 'c', imsClientSecretFile: '/no/such/secret' }, 'FILE_NOT_FOUND', /^--ims-client-secret-file /],
    [{ imsClientId: 'c', imsClientSecretFile: '.' }, 'NOT_A_FILE', /^--ims-client-secret-file /],
  ] as const)('refuses %j with %s', async (flags, code, message) => {
    const error = await failure(flags, '\n');
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.hint ?? '').not.toContain(SECRET);
  });

  it('refuses a secret file over 4 KiB', async () => {
    const file = join(dir, 'big.txt');
    writeFileSync(file, 'x'.repeat(5000));
    expect((await failure({ imsClientId: 'c', imsClientSecretFile: file })).code).toBe('FILE_TOO_LARGE');
  });

  it("names every bad value in one message with the client's rules, never the secret", async () => {
    const error = await failure(
      { imsClientId: 'bad id', imsOrgId: 'with space', imsTokenUrl: 'http://ims.example.com/', imsScopes: 'openid' },
      '',
      { [IMS_CLIENT_SECRET_ENV]: SECRET },
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(
      /^Invalid IMS credential: clientId is required .*; orgId must be .*; tokenUrl must be an https URL/,
    );
    expect(`${error.message} ${error.hint}`).not.toContain(SECRET);
    expect((await failure({ imsClientId: 'c', imsScopes: ' , ' }, '', { [IMS_CLIENT_SECRET_ENV]: SECRET })).code).toBe(
      'EMPTY_INPUT',
    );
  });
});
