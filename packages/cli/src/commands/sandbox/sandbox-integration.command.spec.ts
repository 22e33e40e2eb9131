import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinAsync } from '../../testing/run-bin-async';
import { startSandboxProcess, type SandboxProcess } from '../../testing/sandbox-process';
import { startStubEndpoint, type StubBehaviour, type StubEndpoint } from '../../testing/stub-callback-endpoint';
import { readCallbackRefusal } from './sandbox-handshake';

jest.setTimeout(90_000);

describe('readCallbackRefusal', () => {
  it('is null for 2xx, reads the integration service error body, quotes any other body', () => {
    expect(readCallbackRefusal(200, '{}')).toBeNull();
    expect(
      readCallbackRefusal(
        403,
        '{"error":{"code":"CALLBACK_MISMATCH","message":"Wrong secret.","hint":"Reauthorize."}}',
      ),
    ).toEqual({
      message: 'the Callback URL answered HTTP 403: Wrong secret.',
      code: 'CALLBACK_MISMATCH',
      hint: 'Reauthorize.',
    });
    expect(readCallbackRefusal(502, '<html>\n Bad gateway </html>')).toMatchObject({
      message: 'the Callback URL answered HTTP 502: <html> Bad gateway </html>',
      code: null,
      hint: expect.stringContaining('Callback URL'),
    });
  });
});

describe('magekit sandbox integration create (built bin, real sandbox, stub Callback URL)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-cli-sandbox-int-'));
  let sandbox: SandboxProcess;
  const stubs: StubEndpoint[] = [];
  let count = 0;

  beforeAll(async () => {
    sandbox = await startSandboxProcess(dataDir);
  });
  afterAll(async () => {
    await Promise.all(stubs.map((stub) => stub.close()));
    await sandbox?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function create(behaviour: StubBehaviour, extra: string[] = []) {
    const stub = await startStubEndpoint(behaviour);
    stubs.push(stub);
    count += 1;
    const argv = [
      'sandbox',
      'integration',
      'create',
      '--url',
      sandbox.url,
      '--admin-token',
      sandbox.adminToken,
      '--name',
      `stub-${count}`,
      '--endpoint',
      stub.callbackUrl,
      '--identity',
      stub.identityUrl,
      ...extra,
    ];
    return { stub, result: await runBinAsync(argv) };
  }

  it('exits 1 and prints the error code, message and hint when the Callback URL answers non-2xx', async () => {
    const body = JSON.stringify({
      error: {
        code: 'STORE_URL_REFUSED',
        message: 'The store URL resolves to a loopback address.',
        hint: 'Set STORE_URL_ALLOWED_NETWORKS=127.0.0.0/8.',
      },
    });
    const { result } = await create({ answer: 'refuse', status: 403, body });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/endpointStatus +403/);
    expect(result.stderr).toBe(
      'magekit: the Callback URL answered HTTP 403: The store URL resolves to a loopback address. [STORE_URL_REFUSED]\nhint: Set STORE_URL_ALLOWED_NETWORKS=127.0.0.0/8.\n',
    );
  });

  it('exits 1 when the handshake does not complete within --timeout', async () => {
    const started = Date.now();
    const { result } = await create({ answer: 'accept' }, ['--timeout', '1', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ endpointStatus: 200 });
    expect(result.stderr).toMatch(
      /^magekit: the handshake did not complete within 1 s: integration \d+ is not Active in the sandbox \[HANDSHAKE_TIMEOUT\]\nhint: /,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('exits 0 once the endpoint has exchanged the tokens and the integration is Active', async () => {
    const { stub, result } = await create({ answer: 'exchange' }, ['--json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({
      endpointStatus: 200,
      consumerKey: expect.stringMatching(/^[0-9a-z]{32}$/),
    });
    expect(stub.exchanges).toEqual(['ok']);
  });

  it('refuses a bad --timeout with exit 2', async () => {
    const result = await runBinAsync([
      'sandbox',
      'integration',
      'activate',
      '--url',
      sandbox.url,
      '--id',
      '1',
      '--timeout',
      'soon',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--timeout must be an integer from 1 to 3600');
  });
});
