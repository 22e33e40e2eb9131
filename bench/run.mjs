#!/usr/bin/env node
// Runs the benchmarks under bench/<name>/index.ts from TypeScript sources.
// Usage: npm run bench [-- <name> ...]   (no name: every benchmark)
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const all = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(here, entry.name, 'index.ts')))
  .map((entry) => entry.name)
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${all.join(', ')}.`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : all) {
  console.log(`\n=== bench/${name} ===`);
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--conditions=@magekit/source', '--require', '@swc-node/register', join(here, name, 'index.ts')],
    { stdio: 'inherit', env: { ...process.env, SWC_NODE_PROJECT: join(here, 'tsconfig.json') } },
  );
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
