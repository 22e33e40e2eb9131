#!/usr/bin/env node
// What a user installs: packs every publishable package (`npm pack`), installs the tarballs into an
// empty folder outside the repository (their dependencies from npm's cache or the registry), and
// checks that every exported entry loads with require() and import(), that its types resolve with
// TypeScript's `node16` and `bundler` module resolution, and that no tarball ships tests or sources.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { packAll, publishedPackages, repo } from './published-packages.mjs';

/** What a user's app brings itself (the peers), at the versions this repository tests with. */
const PEERS = [
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/typeorm',
  'typeorm',
  'reflect-metadata',
  'rxjs',
  'nx',
  '@types/node',
];

const work = mkdtempSync(join(tmpdir(), 'magekit-tarballs-'));
const consumer = join(work, 'consumer');
const problems = [];
const timings = [];

function step(label, run) {
  const start = process.hrtime.bigint();
  run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  timings.push(`${label}: ${seconds.toFixed(1)} s`);
  console.log(`== ${label}: ${seconds.toFixed(1)} s`);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const manifests = publishedPackages();
/** `@magekit/acl`, `@magekit/acl/node`, …: every exported entry but package.json. */
const entries = manifests.flatMap(({ manifest }) =>
  Object.keys(manifest.exports)
    .filter((key) => key !== './package.json' && !key.endsWith('.json'))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)),
);

const tarballs = {};
function pack() {
  for (const { manifest, tarball, size, files } of packAll(join(work, 'tarballs'))) {
    tarballs[manifest.name] = tarball;
    const shipped = (path) => files.includes(path.replace(/^\.\//, ''));
    for (const [key, target] of Object.entries(manifest.exports)) {
      for (const path of typeof target === 'string' ? [target] : [target.types, target.default].filter(Boolean)) {
        if (!shipped(path)) problems.push(`${manifest.name}: exports["${key}"] names ${path}, which the tarball lacks`);
      }
    }
    // Generator templates (`*__tmpl__`) are shipped on purpose, tests among them.
    const stray = files
      .filter((file) => !file.endsWith('__tmpl__'))
      .filter(
        (file) =>
          /\.spec\.|\.e2e\.|(^|\/)test-support\//.test(file) || (/\.tsx?$/.test(file) && !file.endsWith('.d.ts')),
      );
    if (stray.length > 0) problems.push(`${manifest.name} ships tests or sources: ${stray.slice(0, 5).join(', ')}`);
    console.log(`  ${basename(tarball)}: ${files.length} files, ${(size / 1024).toFixed(0)} KiB`);
  }
}

function install() {
  mkdirSync(consumer);
  const root = readJson(join(repo, 'package-lock.json')).packages;
  const version = (name) => root[`node_modules/${name}`]?.version;
  const dependencies = Object.fromEntries([
    ...Object.entries(tarballs).map(([name, file]) => [name, `file:${file}`]),
    ...PEERS.map((name) => [name, version(name)]),
  ]);
  writeFileSync(
    join(consumer, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true, dependencies }, null, 2)}\n`,
  );
  // No install scripts: nothing here runs native code, and better-sqlite3 loads its addon only when a database opens.
  execFileSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error'],
    { cwd: consumer, stdio: 'inherit' },
  );
}

function load(mode) {
  const script =
    mode === 'require'
      ? `require('reflect-metadata'); const failed = []; for (const id of ${JSON.stringify(entries)}) { try { if (Object.keys(require(id)).length === 0) failed.push(id + ': no exports'); } catch (error) { failed.push(id + ': ' + error.message.split('\\n')[0]); } } console.log(JSON.stringify(failed));`
      : `await import('reflect-metadata'); const failed = []; for (const id of ${JSON.stringify(entries)}) { try { if (Object.keys(await import(id)).length === 0) failed.push(id + ': no exports'); } catch (error) { failed.push(id + ': ' + error.message.split('\\n')[0]); } } console.log(JSON.stringify(failed));`;
  const args = mode === 'require' ? ['-e', script] : ['--input-type=module', '-e', script];
  const failed = JSON.parse(
    execFileSync(process.execPath, args, { cwd: consumer, encoding: 'utf8' }).trim().split('\n').pop(),
  );
  for (const failure of failed) problems.push(`${mode}: ${failure}`);
}

function typecheck(resolution) {
  const dir = join(consumer, resolution);
  mkdirSync(dir);
  const names = entries.map((_, index) => `e${index}`);
  writeFileSync(
    join(dir, 'check.ts'),
    `${entries.map((id, index) => `import * as ${names[index]} from '${id}';`).join('\n')}\nexport const entries: object[] = [${names.join(', ')}];\n`,
  );
  const module =
    resolution === 'bundler'
      ? { module: 'esnext', moduleResolution: 'bundler' }
      : { module: 'node16', moduleResolution: 'node16' };
  const compilerOptions = {
    ...module,
    target: 'es2022',
    strict: true,
    noEmit: true,
    types: ['node'],
    experimentalDecorators: true,
    skipLibCheck: false,
  };
  writeFileSync(join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, files: ['check.ts'] }, null, 2)}\n`);
  try {
    execFileSync(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', dir], {
      cwd: dir,
      encoding: 'utf8',
    });
  } catch (error) {
    // Only errors in magekit's own files or in check.ts count: the peers' declarations are theirs.
    const ours = String(error.stdout)
      .split('\n')
      .filter((line) => /error TS/.test(line) && (/^check\.ts/.test(line) || /node_modules\/@magekit\//.test(line)));
    for (const line of ours) problems.push(`types (${resolution}): ${line}`);
  }
}

try {
  step('npm pack', pack);
  step('install the tarballs into an empty folder', install);
  step(`require() ${entries.length} entries`, () => load('require'));
  step(`import() ${entries.length} entries`, () => load('import'));
  step('types with moduleResolution node16', () => typecheck('node16'));
  step('types with moduleResolution bundler', () => typecheck('bundler'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`\n${timings.join('; ')}`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(
  `${manifests.length} tarballs, ${entries.length} entries: require, import and types (node16, bundler) all resolve.`,
);
