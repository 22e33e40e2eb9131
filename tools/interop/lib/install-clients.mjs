// The third-party clients under test: three npm packages at pinned versions, installed into a folder
// outside the repository, and python's requests-oauthlib from Debian's package.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The npm clients and the exact versions the table was made with. */
export const NPM_CLIENTS = {
  'magento-api-rest': '2.0.4',
  'magento2-api-wrapper': '1.4.0',
  'magento2-rest-client': '0.0.2',
};

/** The Debian package that provides python3's `requests_oauthlib` (with `requests` and `oauthlib`). */
export const PYTHON_PACKAGE = 'python3-requests-oauthlib';

/**
 * Debian's interpreter, where that package installs, rather than the first `python3` on the PATH
 * (pyenv's shims, for one, point at other interpreters).
 */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/**
 * `npm install --no-save --prefix <folder>` of the pinned clients, run from that folder so the
 * repository's workspaces and lock file are not involved. Returns a `require` rooted there and the
 * installed versions.
 */
export async function installNpmClients(folder) {
  const specs = Object.entries(NPM_CLIENTS).map(([name, version]) => `${name}@${version}`);
  await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', folder, ...specs], {
    cwd: folder,
    maxBuffer: 16 * 1024 * 1024,
  });
  const versions = {};
  for (const name of Object.keys(NPM_CLIENTS)) {
    versions[name] = JSON.parse(readFileSync(join(folder, 'node_modules', name, 'package.json'), 'utf8')).version;
  }
  return { require: createRequire(join(folder, 'package.json')), versions };
}

const PROBE =
  'import json, requests, oauthlib, requests_oauthlib; print(json.dumps({"requests-oauthlib": requests_oauthlib.__version__, "oauthlib": oauthlib.__version__, "requests": requests.__version__}))';

async function probePython() {
  try {
    const { stdout } = await run(PYTHON, ['-c', PROBE]);
    return JSON.parse(stdout);
  } catch {
    return null;
  }
}

/**
 * Checks that python3 can import requests_oauthlib; installs the Debian package when it cannot and
 * this process runs as root, else throws with what to do.
 */
export async function ensurePython(log) {
  const found = await probePython();
  if (found !== null) return found;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `${PYTHON} cannot import requests_oauthlib. Install it (as root: apt-get install -y --no-install-recommends ${PYTHON_PACKAGE}) and run again.`,
    );
  }
  log(`installing ${PYTHON_PACKAGE} (apt-get)`);
  await run('apt-get', ['install', '-y', '--no-install-recommends', PYTHON_PACKAGE], { maxBuffer: 16 * 1024 * 1024 });
  const installed = await probePython();
  if (installed === null)
    throw new Error(`${PYTHON} still cannot import requests_oauthlib after installing ${PYTHON_PACKAGE}.`);
  return installed;
}
