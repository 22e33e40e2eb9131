#!/usr/bin/env node
// magekit outside its repository, from a registry: `nx release publish` puts the packages on a local
// Verdaccio (`nx run release-checks:local-registry`, the only source of @magekit/*), then, in a
// temporary folder, `npx create-nx-workspace acme --preset=@magekit/nx-plugin` creates a workspace,
// `nx g @magekit/nx-plugin:integration billing --calls calls.txt` adds a second app, which is built
// and tested; `npx magekit dev billing --json` (the published CLI and sandbox) activates its store, and
// its dashboard is signed in to in chromium. Prints each step's time.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startLocalRegistry } from './local-registry.mjs';
import { publishedPackages, repo } from './published-packages.mjs';

const CHROMIUM = process.env.MAGEKIT_CHROMIUM ?? '/usr/bin/chromium';
const APP = 'billing';
const work = mkdtempSync(join(tmpdir(), 'magekit-registry-'));
const ws = join(work, 'acme');
const timings = [];
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
let registry = null;
const run = (command, args, options = {}) =>
  execFileSync(command, args, {
    cwd: ws,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: registry.env,
    timeout: 600_000,
    ...options,
  });

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

const published = new Set(publishedPackages().map(({ manifest }) => manifest.name));
const nxVersion = readJson(join(repo, 'node_modules', 'nx', 'package.json')).version;
let dev = null;

try {
  await step('the local registry (nx run release-checks:local-registry)', async () => {
    registry = await startLocalRegistry(work);
  });

  await step('nx release publish to it', () =>
    run('npx', ['nx', 'release', 'publish', '--registry', registry.url, '--first-release', '--outputStyle=static'], {
      cwd: repo,
    }),
  );

  await step(`npx create-nx-workspace@${nxVersion} acme --preset=@magekit/nx-plugin`, () => {
    run(
      'npx',
      [
        '--yes',
        `create-nx-workspace@${nxVersion}`,
        'acme',
        '--preset=@magekit/nx-plugin',
        '--nxCloud=skip',
        '--packageManager=npm',
        '--interactive=false',
        '--skipGit',
      ],
      { cwd: work, timeout: 900_000 },
    );
    for (const file of ['apps/acme/project.json', 'apps/acme/magekit.json', 'tsconfig.base.json', 'jest.preset.js']) {
      if (!existsSync(join(ws, file))) throw new Error(`the preset wrote no ${file}`);
    }
  });

  await step('the plugin entry in nx.json infers dev and sandbox targets', () => {
    const entry = (readJson(join(ws, 'nx.json')).plugins ?? []).find(
      (plugin) => (typeof plugin === 'string' ? plugin : plugin.plugin) === '@magekit/nx-plugin',
    );
    if (entry === undefined) throw new Error('nx.json has no @magekit/nx-plugin entry');
    const targets = Object.keys(JSON.parse(run('npx', ['nx', 'show', 'project', 'acme', '--json'])).targets);
    for (const target of ['build', 'test', 'serve', 'dev', 'sandbox'])
      if (!targets.includes(target)) throw new Error(`acme has no ${target} target (it has ${targets.join(', ')})`);
  });

  await step(`nx g @magekit/nx-plugin:integration ${APP} --calls calls.txt`, () => {
    writeFileSync(join(ws, 'calls.txt'), `# what ${APP} calls\nGET /V1/products/:sku\nGET /V1/orders\n`);
    run('npx', ['nx', 'g', '@magekit/nx-plugin:integration', APP, '--calls', 'calls.txt', '--no-interactive']);
    const manifest = readJson(join(ws, 'apps', APP, 'package.json'));
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
      if (!/^\d+\.\d+\.\d+$/.test(version))
        throw new Error(`apps/${APP}/package.json: ${name}@${version} is no published version`);
      if (name.startsWith('@magekit/') && !published.has(name))
        throw new Error(`apps/${APP}/package.json names ${name}, which magekit does not publish`);
    }
  });

  await step('npm install', () => run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']));

  await step('every @magekit package came from the local registry', () => {
    const lock = readJson(join(ws, 'package-lock.json'));
    const magekit = Object.entries(lock.packages).filter(([path]) =>
      published.has(path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)),
    );
    if (magekit.length < 4) throw new Error(`package-lock.json holds ${magekit.length} magekit packages`);
    for (const [path, entry] of magekit) {
      if (!entry.resolved?.startsWith(`${registry.url}/`)) throw new Error(`${path} came from ${entry.resolved}`);
    }
  });

  await step(`nx run-many -t build (acme and ${APP})`, () =>
    run('npx', ['nx', 'run-many', '-t', 'build', '--outputStyle=static']),
  );
  await step(`nx test ${APP} (unit tests and the app against the published sandbox)`, () =>
    run('npx', ['nx', 'test', APP, '--outputStyle=static'], { timeout: 300_000 }),
  );

  let ready = null;
  await step(`npx magekit dev ${APP} --json: the store becomes active`, async () => {
    dev = spawn('npx', ['magekit', 'dev', APP, '--json', '--no-build'], {
      cwd: ws,
      env: registry.env,
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
  await registry?.stop();
  if (process.env.MAGEKIT_KEEP_OUTSIDE !== '1') rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
console.log(`\nmagekit from a local registry, outside its repository: ${timings.join('; ')}`);
