// The local registry for the release checks: `nx run release-checks:local-registry` (Verdaccio through
// Nx's @nx/js:verdaccio executor) on its own storage folder, and an npm user config that points npm
// at it, so that `nx release publish`, `npx create-nx-workspace` and `npm install` in the child
// processes use it while the developer's own npm config stays untouched.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { repo } from './published-packages.mjs';

const PORT = 4873;

/**
 * Starts the registry with storage under `work` and answers its URL, the environment child
 * processes need (`npm_config_userconfig`, `npm_config_registry`) and `stop()`.
 */
export async function startLocalRegistry(work) {
  const url = `http://127.0.0.1:${PORT}`;
  if (await ping(url)) throw new Error(`${url} already answers: stop the registry that runs there first`);
  const storage = join(work, 'registry-storage');
  mkdirSync(storage, { recursive: true });
  const args = ['nx', 'run', 'release-checks:local-registry', '--storage', storage, '--clear', 'true'];
  const uplink = npmRegistry();
  if (uplink !== 'https://registry.npmjs.org/') args.push('--config', writeConfig(uplink));
  const child = spawn('npx', args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    await delay(500);
  };
  for (let waited = 0; !(await ping(url)); waited += 250) {
    if (child.exitCode !== null || waited > 60_000) {
      await stop();
      throw new Error(`the local registry did not start on ${url}\n${output.slice(-2000)}`);
    }
    await delay(250);
  }
  const userconfig = join(work, 'npmrc');
  writeFileSync(userconfig, registryUserConfig(url));
  // `npm test` exports the developer's npm config as npm_config_* variables, which beat any file.
  const env = {
    ...process.env,
    npm_config_userconfig: userconfig,
    npm_config_registry: `${url}/`,
    npm_config_omit_lockfile_registry_resolved: 'false',
  };
  return { url, env, stop };
}

/**
 * The developer's own npm user config (a machine's `nodedir`, proxy or CA settings still apply) with
 * the registry replaced and lockfiles that record where each package came from. Verdaccio lets
 * anyone publish here (tools/release/verdaccio.yml); npm still wants a token to send.
 */
function registryUserConfig(url) {
  const own = join(homedir(), '.npmrc');
  const kept = existsSync(own)
    ? readFileSync(own, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(registry|omit-lockfile-registry-resolved)\s*=/.test(line))
    : [];
  return [
    ...kept,
    `registry=${url}/`,
    `//127.0.0.1:${PORT}/:_authToken=magekit-local-registry`,
    'omit-lockfile-registry-resolved=false',
    '',
  ].join('\n');
}

async function ping(url) {
  try {
    return (await fetch(`${url}/-/ping`, { signal: AbortSignal.timeout(1000) })).ok;
  } catch {
    return false;
  }
}

/** The registry npm uses on this machine: Verdaccio's uplink for everything but @magekit/*. */
function npmRegistry() {
  const configured = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).trim();
  return configured.endsWith('/') ? configured : `${configured}/`;
}

/** tools/release/verdaccio.yml with another uplink, under tmp/ (the executor reads configs from the repository). */
function writeConfig(uplink) {
  const relative = 'tmp/local-registry/verdaccio.yml';
  mkdirSync(join(repo, 'tmp', 'local-registry'), { recursive: true });
  const config = readFileSync(join(repo, 'tools', 'release', 'verdaccio.yml'), 'utf8');
  writeFileSync(join(repo, relative), config.replace('https://registry.npmjs.org/', uplink));
  return relative;
}
