/**
 * Start-up of the built `magekit` bin against `node -e 0` in the same run (goal: `magekit sign
 * --help` within 0.15 s of it), plus a command that loads the service's pieces for comparison.
 * Needs the CLI built (`npx nx build cli`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const BIN = join(__dirname, '..', '..', 'packages', 'cli', 'bin', 'magekit.js');
const RUNS = 15;
const GOAL_SECONDS = 0.15;

/** Median wall time of `node <args>` over {@link RUNS} runs (after one warm-up run), in seconds; it must exit `exitCode`. */
function medianSeconds(args: string[], exitCode = 0): number {
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    if (result.status !== exitCode)
      throw new Error(`node ${args.join(' ')} exited with ${result.status}, not ${exitCode}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

if (!existsSync(join(BIN, '..', '..', 'dist', 'main.js'))) {
  console.error('bench/cli needs the built CLI: npx nx build cli');
  process.exit(1);
}
const baseline = medianSeconds(['-e', '0']);
const rows: Array<[string, number]> = [
  ['node -e 0', baseline],
  ['magekit --version', medianSeconds([BIN, '--version'])],
  ['magekit sign --help', medianSeconds([BIN, 'sign', '--help'])],
  ['magekit acl --help', medianSeconds([BIN, 'acl', '--help'])],
  // Loads Nest, TypeORM and the service's settings, then fails to connect at once (port 1).
  [
    'magekit tokens create (no database)',
    medianSeconds(
      [BIN, 'tokens', 'create', '--name', 'bench', '--database-url', 'postgres://bench@127.0.0.1:1/none'],
      2,
    ),
  ],
];
console.log(`\nCLI start-up, median of ${RUNS} runs (wall time of the process)`);
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, seconds] of rows) {
  const extra = seconds - baseline;
  console.log(
    `  ${name.padEnd(width)}  ${seconds.toFixed(3)} s   ${(seconds / baseline).toFixed(2)}x of node -e 0   +${extra.toFixed(3)} s`,
  );
}
const sign = rows.find(([name]) => name === 'magekit sign --help')?.[1] ?? Infinity;
console.log(
  `\ngoal: magekit sign --help within ${GOAL_SECONDS} s of node -e 0: ${sign - baseline <= GOAL_SECONDS ? 'met' : 'not met'} (+${(sign - baseline).toFixed(3)} s)`,
);
