import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import OAuth from 'oauth-1.0a';

const BIN = resolve(__dirname, '..', '..', '..', 'packages', 'cli', 'bin', 'magekit.js');
const run = promisify(execFile);

/** Starts `magekit sandbox start` and resolves with its base URL once it prints it. */
function startFromCli(dataDir: string): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'sandbox',
      'start',
      '--port',
      '0',
      '--data',
      dataDir,
      '--seed-products',
      '20',
      '--admin-token',
      'cli-test-token',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  return new Promise((resolveStart, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+\/)/.exec(output);
      if (match) resolveStart({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${output}`)));
  });
}

// Each test runs the built bin (a node start per call) while every project tests in parallel on 2 cores.
jest.setTimeout(60_000);

describe('magekit sandbox start + sandbox integration create (built bin), signed calls from the oauth-1.0a package', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'magekit-sandbox-cli-'));
  let sandbox: Awaited<ReturnType<typeof startFromCli>>;

  beforeAll(async () => {
    sandbox = await startFromCli(dataDir);
  }, 60_000);
  afterAll(() => {
    sandbox?.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the admin page, admin token and credentials', () => {
    expect(sandbox.output()).toContain(`admin page:        ${sandbox.url}admin   (admin token: cli-test-token)`);
  });

  it('creates a direct-token integration whose tokens sign calls made with another OAuth 1.0a library', async () => {
    const { stdout } = await run(process.execPath, [
      BIN,
      'sandbox',
      'integration',
      'create',
      '--url',
      sandbox.url,
      '--name',
      'third-party',
      '--resources',
      'Magento_Backend::store',
      '--admin-token',
      'cli-test-token',
      '--json',
    ]);
    const tokens = JSON.parse(stdout) as {
      consumerKey: string;
      consumerSecret: string;
      accessToken: string;
      accessTokenSecret: string;
    };
    expect(Object.keys(tokens).sort()).toEqual([
      'accessToken',
      'accessTokenSecret',
      'consumerKey',
      'consumerSecret',
      'integrationId',
    ]);
    const oauth = new OAuth({
      consumer: { key: tokens.consumerKey, secret: tokens.consumerSecret },
      signature_method: 'HMAC-SHA256',
      hash_function: (base, key) => createHmac('sha256', key).update(base).digest('base64'),
    });
    const url = `${sandbox.url}rest/V1/store/storeViews`;
    const header = oauth.toHeader(
      oauth.authorize({ url, method: 'GET' }, { key: tokens.accessToken, secret: tokens.accessTokenSecret }),
    );
    const response = await fetch(url, { headers: { authorization: header.Authorization } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Array<{ code: string }>).map((view) => view.code)).toEqual([
      'admin',
      'default',
      'es_mx',
    ]);
  });

  it('reports a wrong admin token and an unreachable store as typed errors with exit code 2', async () => {
    const wrong = await run(process.execPath, [
      BIN,
      'sandbox',
      'integration',
      'create',
      '--url',
      sandbox.url,
      '--name',
      'x',
      '--admin-token',
      'nope-nope-nope',
    ]).catch((error) => error);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr).toContain('the sandbox answered HTTP 401');
    const unreachable = await run(process.execPath, [
      BIN,
      'sandbox',
      'integration',
      'create',
      '--url',
      'http://127.0.0.1:9/',
      '--name',
      'x',
    ]).catch((error) => error);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain(
      'magekit: cannot reach the sandbox store at http://127.0.0.1:9. [UNREACHABLE]',
    );
  });
});
