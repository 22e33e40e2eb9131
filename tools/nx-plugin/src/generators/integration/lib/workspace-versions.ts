import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getProjects, joinPathFragments, readJson, type Tree } from '@nx/devkit';

/** What the generated app depends on, and on what at test time. */
export const APP_DEPENDENCIES: readonly string[] = [
  '@magekit/service',
  '@magekit/nest',
  '@magekit/client',
  '@nestjs/common',
  '@nestjs/core',
  '@nestjs/passport',
  '@nestjs/typeorm',
  'typeorm',
  'reflect-metadata',
  'rxjs',
];
export const APP_DEV_DEPENDENCIES: readonly string[] = ['@magekit/sandbox'];

/** This plugin's version: the version of every `@magekit/*` package it was released with. */
export const MAGEKIT_VERSION: string = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string }
).version;

/** What `init` adds to the workspace root: the magekit command and the toolchain the apps build, test and lint with. */
export const WORKSPACE_DEV_DEPENDENCIES: readonly string[] = [
  '@magekit/cli',
  '@magekit/nx-plugin',
  'typescript',
  '@types/node',
  'jest',
  '@types/jest',
  '@swc/core',
  '@swc/jest',
  'eslint',
  '@eslint/js',
  'typescript-eslint',
];

/**
 * Versions this plugin was tested with, used only for packages the workspace pins nowhere (see
 * shared TOOLCHAIN notes: NestJS 11, TypeORM 1.1; magekit packages at this plugin's version).
 */
export const FALLBACK_VERSIONS: Readonly<Record<string, string>> = {
  '@magekit/service': MAGEKIT_VERSION,
  '@magekit/nest': MAGEKIT_VERSION,
  '@magekit/client': MAGEKIT_VERSION,
  '@magekit/sandbox': MAGEKIT_VERSION,
  '@magekit/cli': MAGEKIT_VERSION,
  '@magekit/nx-plugin': MAGEKIT_VERSION,
  '@nestjs/common': '11.2.10',
  '@nestjs/core': '11.2.10',
  '@nestjs/passport': '11.0.5',
  '@nestjs/typeorm': '11.0.3',
  typeorm: '1.1.1',
  'reflect-metadata': '0.2.2',
  rxjs: '7.8.2',
  typescript: '6.0.3',
  '@types/node': '20.19.43',
  jest: '30.5.2',
  '@types/jest': '30.0.0',
  '@swc/core': '1.16.22',
  '@swc/jest': '0.2.39',
  eslint: '10.15.0',
  '@eslint/js': '10.0.1',
  'typescript-eslint': '8.73.0',
};

const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

interface PackageJson {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * The exact version of each package as this workspace has it: a workspace package's own
 * `version`, else the first exact pin (`1.2.3`, no range) in the root package.json, then in the
 * projects' package.json files in path order; {@link FALLBACK_VERSIONS} when nothing pins it.
 */
export function findPinnedVersions(tree: Tree, packages: readonly string[]): Record<string, string> {
  const manifests = listManifests(tree);
  const versions: Record<string, string> = {};
  for (const name of packages) {
    const own = manifests.find(
      (manifest) => manifest.name === name && manifest.version && EXACT.test(manifest.version),
    );
    const pinned = manifests
      .map((manifest) => manifest.dependencies?.[name] ?? manifest.devDependencies?.[name])
      .find((version) => version !== undefined && EXACT.test(version));
    const version = own?.version ?? pinned ?? FALLBACK_VERSIONS[name];
    if (version === undefined)
      throw new Error(`integration: no version known for ${name}; pin it in the root package.json.`);
    versions[name] = version;
  }
  return versions;
}

function listManifests(tree: Tree): PackageJson[] {
  const roots = [...getProjects(tree).values()].map((project) => project.root).sort();
  return ['', ...roots]
    .map((root) => joinPathFragments(root, 'package.json'))
    .filter((path) => tree.exists(path))
    .map((path) => readJson<PackageJson>(tree, path));
}
