// The packages magekit publishes: the projects `nx release` versions (nx.json `release.projects`),
// packed with `npm pack`. Shared by check-tarballs.mjs and registry-workspace.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Each released project's folder (relative to the repository) and package.json. */
export function publishedPackages() {
  const released = new Set(readJson(join(repo, 'nx.json')).release.projects);
  const found = [];
  for (const parent of ['packages', 'tools']) {
    for (const folder of readdirSync(join(repo, parent))) {
      const dir = `${parent}/${folder}`;
      const project = join(repo, dir, 'project.json');
      if (existsSync(project) && released.has(readJson(project).name)) {
        found.push({ dir, manifest: readJson(join(repo, dir, 'package.json')) });
      }
    }
  }
  if (found.length !== released.size)
    throw new Error(`nx.json release.projects names ${released.size} projects, found ${found.length}`);
  return found;
}

/** `npm pack` of each into `destination`: the tarball's path and the files it holds. */
export function packAll(destination) {
  mkdirSync(destination, { recursive: true });
  return publishedPackages().map(({ dir, manifest }) => {
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
        cwd: join(repo, dir),
        encoding: 'utf8',
      }),
    );
    return {
      dir,
      manifest,
      tarball: join(destination, packed.filename),
      size: packed.size,
      files: packed.files.map((file) => file.path),
    };
  });
}
