import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package under node_modules, a workspace file, or a V8/Node bucket. */
function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName || '(native)';
  const inModules = url.split('node_modules/').pop() as string;
  if (inModules !== url) {
    const parts = inModules.split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const workspace = url.match(/\/(packages\/[^/]+\/src\/[^/]+)\//);
  if (workspace) return workspace[1];
  return url.startsWith('node:') ? url.split('/').slice(0, 2).join('/') : url.replace(/^.*\//, '');
}

/**
 * Self time of a `--cpu-prof` profile by place (package, workspace folder, Node internals), the
 * share idle, and the top self-time functions: lines for the bench's report.
 */
export function summarizeProfile(file: string, top = 12): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    total += us;
    const place = placeOf(frame.url, frame.functionName);
    places.set(place, (places.get(place) ?? 0) + us);
    const name = `${frame.functionName || '(anonymous)'} (${place}:${frame.lineNumber + 1})`;
    functions.set(name, (functions.get(name) ?? 0) + us);
  }
  const idle = places.get('(idle)') ?? 0;
  const busy = total - idle;
  const share = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
  const rank = (map: Map<string, number>) =>
    [...map]
      .filter(([name]) => !name.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  return [
    `${(total / 1e6).toFixed(1)} s sampled, ${((100 * idle) / total).toFixed(0)} % idle; of the busy ${(busy / 1e6).toFixed(1)} s:`,
    ...rank(places).map(([name, us]) => `  ${share(us)}  ${name}`),
    '  top functions (self time):',
    ...rank(functions).map(([name, us]) => `  ${share(us)}  ${name}`),
  ];
}

/** The profiles `--cpu-prof-dir` left in `dir`, by file name. */
export function listProfiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .sort()
    .map((name) => join(dir, name));
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) {
    console.log(file);
    for (const line of summarizeProfile(file, 20)) console.log(line);
  }
}
