// The sandbox store as a user runs it: the built `magekit-sandbox` bin in a child process, on a free
// loopback port, with its data in a temporary folder; an integration with all resources activated
// through the admin API (direct mode: the tokens Magento's TokensDialog shows).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sandboxMain } from '@magekit/sandbox/launcher';

const LISTENING = /magekit sandbox store listening on (\S+)/;
const START_TIMEOUT_MS = 60_000;

/** Starts the bin as `--magento <version>`; resolves once it listens. */
export async function startSandboxProcess(magentoVersion, folder) {
  const main = sandboxMain();
  if (main === null) throw new Error('The sandbox is not built: run npx nx build sandbox (the interop target does).');
  const adminToken = randomBytes(16).toString('hex');
  const child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      SANDBOX_PORT: '0',
      SANDBOX_HOST: '127.0.0.1',
      SANDBOX_DATA_DIR: join(folder, `sandbox-${magentoVersion}`),
      SANDBOX_ADMIN_TOKEN: adminToken,
      SANDBOX_PRODUCTS: '50',
      SANDBOX_MAGENTO_VERSION: magentoVersion,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const baseUrl = await waitForListening(child);
  return {
    baseUrl,
    magentoVersion,
    admin: (method, path, body) => callAdmin(baseUrl, adminToken, method, path, body),
    stop: () => stopChild(child),
  };
}

function waitForListening(child) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error('The sandbox did not start within 60 s.')), START_TIMEOUT_MS);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill('SIGTERM');
      reject(error);
    };
    const exited = (code) => fail(new Error(`The sandbox exited with code ${code}:\n${output.slice(-2000)}`));
    const read = (chunk) => {
      output += chunk;
      const match = LISTENING.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      child.off('exit', exited);
      child.stdout.off('data', read);
      child.stdout.resume();
      child.stderr.resume();
      resolve(match[1]);
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.once('exit', exited);
  });
}

function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function callAdmin(baseUrl, token, method, path, body) {
  const response = await fetch(new URL(`sandbox/admin${path}`, baseUrl), {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Sandbox admin API ${method} ${path}: HTTP ${response.status} ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * Creates an integration with all resources and activates it without endpoint and identity link, as
 * the tests' `integration create --resources all` does: consumer key/secret and access token/secret.
 */
export async function createIntegrationCredentials(sandbox, name) {
  const integration = await sandbox.admin('POST', '/integrations', { name, resources: 'all' });
  const activation = await sandbox.admin('POST', `/integrations/${integration.id}/activate`);
  if (activation.mode !== 'direct') throw new Error(`Expected a direct activation, got ${activation.mode}.`);
  return {
    consumerKey: activation.consumer_key,
    consumerSecret: activation.consumer_secret,
    accessToken: activation.access_token,
    accessTokenSecret: activation.access_token_secret,
  };
}

/** The profile the running store reports (`X-Magekit-Sandbox-Version`, sent with every answer). */
export async function readSandboxVersion(sandbox) {
  const response = await fetch(new URL('magento_version', sandbox.baseUrl));
  await response.text();
  return response.headers.get('x-magekit-sandbox-version');
}
