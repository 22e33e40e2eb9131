/**
 * A CPU profile of this process around one phase of the bench (node:inspector, the same profiler
 * as `node --cpu-prof`), written to a `.cpuprofile` file under the OS temp dir and summarised as
 * self time per area (PostgreSQL driver, TypeORM, Nest/Express, JSON, the module's own code, GC,
 * idle).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [string, RegExp][] = [
  ['(idle: waiting for I/O)', /^\(idle\)$/],
  ['(garbage collector)', /^\(garbage collector\)$/],
  ['pg driver', /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-)/],
  ['typeorm', /node_modules\/typeorm\//],
  [
    'nest / express',
    /node_modules\/(@nestjs|express|router|body-parser|finalhandler|send|on-finished|helmet|raw-body|path-to-regexp|qs)\b/,
  ],
  ['passport / auth', /node_modules\/passport|admin\/(api-auth|bearer|api-token|token-cache)/],
  ['magekit nest (admin, dto)', /packages\/nest\/src/],
  ['magekit service', /packages\/service\/src/],
  ['swc register / source maps', /node_modules\/(@swc|source-map|pirates)/],
  ['node internals', /^node:/],
  ['bench client', /bench\//],
];

function areaOf(node: ProfileNode): string {
  const key = node.callFrame.url || node.callFrame.functionName;
  for (const [area, pattern] of AREAS) if (pattern.test(key)) return area;
  if (node.callFrame.url === '') return `(native: ${node.callFrame.functionName || 'anonymous'})`;
  return 'other JS';
}

/** Profiles `work`; prints the share of samples per area and the hottest functions; returns the file. */
export async function profilePhase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  let result: T;
  try {
    result = await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: Profile };
    session.disconnect();
    const file = join(tmpdir(), `magekit-bench-stores-10k-${name}-${process.pid}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    summarise(name, profile, file);
  }
  return result;
}

function summarise(name: string, profile: Profile, file: string): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const perArea = new Map<string, number>();
  const perFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    if (!node) return;
    const us = profile.timeDeltas[i] ?? 0;
    const area = areaOf(node);
    perArea.set(area, (perArea.get(area) ?? 0) + us);
    const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/main\//, '');
    const fn = `${node.callFrame.functionName || '(anonymous)'} ${where}`;
    perFunction.set(fn, (perFunction.get(fn) ?? 0) + us);
  });
  const total = [...perArea.values()].reduce((a, b) => a + b, 0);
  const share = (us: number) => `${((us / total) * 100).toFixed(1).padStart(5)}%`;
  console.log(`\nCPU profile of ${name} (${(total / 1e6).toFixed(1)} s sampled): ${file}`);
  for (const [area, us] of [...perArea].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${share(us)}  ${area}`);
  console.log('  hottest functions (self time):');
  for (const [fn, us] of [...perFunction].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${share(us)}  ${fn.slice(0, 140)}`);
}
