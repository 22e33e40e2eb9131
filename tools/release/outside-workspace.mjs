#!/usr/bin/env node
// magekit outside its repository: a new Nx workspace in a temporary folder gets magekit from the
// packed tarballs (what `nx release publish` would publish; npm `overrides` stand in for a registry),
// runs `nx g @magekit/nx-plugin:init` (what `nx add` runs) and `nx g @magekit/nx-plugin:integration
// acme --calls calls.txt`, installs, builds and tests the app, runs `magekit dev acme --json` from the
// installed CLI until the sandbox store is active, and signs in to the app's dashboard in chromium.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { packAll, repo } from './published-packages.mjs';

const CHROMIUM = process.env.MAGEKIT_CHROMIUM ?? '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'magekit-outside-'));
const ws = join(work, 'acme-ws');
const timings = [];
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });

async function step(label, body) {
  const start = process.hrtime.bigint();
  console.log(`== ${label}`);
  try {
    await body();
  } catch (error) {
    throw new Error(`${label}: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
  }
  const seconds = (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);
  timings.push(`${label}: ${seconds} s`);
  console.log(`== ${label}: ok in ${seconds} s`);
}

/** `@magekit/<name>` → `file:<tarball>`. */
const tarballs = {};
let dev = null;

try {
  await step('npm pack the publishable packages', () => {
    for (const { manifest, tarball } of packAll(join(work, 'tarballs'))) tarballs[manifest.name] = `file:${tarball}`;
  });

  await step('a new Nx workspace with @magekit/nx-plugin', () => {
    mkdirSync(ws);
    const nx = readJson(join(repo, 'node_modules', 'nx', 'package.json')).version;
    writeJson(join(ws, 'package.json'), {
      name: 'acme-ws',
      version: '0.0.0',
      private: true,
      devDependencies: { nx, '@magekit/nx-plugin': tarballs['@magekit/nx-plugin'] },
      overrides: tarballs,
      allowScripts: { nx: true, '@swc/core': true, 'better-sqlite3': true },
    });
    writeJson(join(ws, 'nx.json'), {});
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']);
  });

  await step('nx g @magekit/nx-plugin:init (what nx add runs)', () => {
    run('npx', ['nx', 'g', '@magekit/nx-plugin:init', '--skipInstall', '--no-interactive']);
    for (const file of ['tsconfig.base.json', 'jest.preset.js', 'eslint.config.mjs']) {
      if (!existsSync(join(ws, file))) throw new Error(`init wrote no ${file}`);
    }
    // A registry would serve these versions; here the tarballs do (a direct dependency must name its override).
    const manifest = readJson(join(ws, 'package.json'));
    for (const name of Object.keys(manifest.devDependencies)) {
      if (tarballs[name]) manifest.devDependencies[name] = tarballs[name];
    }
    writeJson(join(ws, 'package.json'), manifest);
  });

  await step('nx g @magekit/nx-plugin:integration acme --calls calls.txt', () => {
    writeFileSync(join(ws, 'calls.txt'), '# what acme calls\nGET /V1/products/:sku\nGET /V1/orders\n');
    run('npx', ['nx', 'g', '@magekit/nx-plugin:integration', 'acme', '--calls', 'calls.txt', '--no-interactive']);
    const manifest = readJson(join(ws, 'apps', 'acme', 'package.json'));
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (!/^\d+\.\d+\.\d+$/.test(version))
        throw new Error(`apps/acme/package.json: ${name}@${version} is no published version`);
      if (name.startsWith('@magekit/') && !tarballs[name])
        throw new Error(`apps/acme/package.json names ${name}, which magekit does not publish`);
    }
  });

  await step('npm install (the app and its native SQLite driver)', () => {
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { timeout: 600_000 });
  });

  await step('nx build acme', () => run('npx', ['nx', 'build', 'acme', '--outputStyle=static']));
  await step('nx test acme (unit tests and the app against the published sandbox)', () =>
    run('npx', ['nx', 'test', 'acme', '--outputStyle=static'], { timeout: 300_000 }),
  );

  let ready = null;
  await step('npx magekit dev acme --json: the store becomes active', async () => {
    dev = spawn('npx', ['magekit', 'dev', 'acme', '--json', '--no-build'], {
      cwd: ws,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    let err = '';
    dev.stderr.on('data', (chunk) => (err += chunk));
    ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready after 120 s\n${err.slice(-2000)}`)), 120_000);
      dev.stdout.on('data', (chunk) => {
        out += chunk;
        const line = out.split('\n').find((text) => text.startsWith('{'));
        if (line) {
          clearTimeout(timer);
          resolve(JSON.parse(line));
        }
      });
      dev.on('exit', (code) => reject(new Error(`magekit dev exited with ${code}\n${err.slice(-2000)}`)));
    });
    if (ready.storeStatus !== 'active') throw new Error(`store status ${ready.storeStatus}`);
  });

  await step("the app's dashboard in chromium: signed in, the store listed as Active", async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}`);
    const { chromium } = createRequire(join(repo, 'package.json'))('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(ready.dashboardUrl);
      await page.getByLabel('API token').fill(ready.apiToken);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Stores', level: 1 }).waitFor();
      await page
        .getByRole('row')
        .filter({ hasText: '127.0.0.1' })
        .getByText('Active', { exact: true })
        .waitFor({ timeout: 30_000 });
    } finally {
      await browser.close();
    }
  });
} finally {
  if (dev && dev.exitCode === null) {
    try {
      process.kill(-dev.pid, 'SIGINT');
    } catch {
      // already gone
    }
    await delay(2000);
  }
  if (process.env.MAGEKIT_KEEP_OUTSIDE !== '1') rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
console.log(`\nmagekit outside its repository: ${timings.join('; ')}`);
