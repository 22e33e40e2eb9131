import { readJson, readNxJson, updateNxJson, writeJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { FALLBACK_VERSIONS, MAGEKIT_VERSION } from '../integration/lib/workspace-versions';
import { initGenerator } from './init';

function changesOf(tree: Tree): string[] {
  return tree
    .listChanges()
    .map((change) => `${change.type} ${change.path}`)
    .sort();
}

describe('init generator (nx add @magekit/nx-plugin)', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
    tree.delete('tsconfig.base.json');
  });

  it('a bare workspace gets the toolchain, the magekit command and the files the apps expect', async () => {
    await initGenerator(tree, { skipInstall: true });
    const manifest = readJson(tree, 'package.json');
    expect(manifest.devDependencies).toMatchObject({
      '@magekit/cli': MAGEKIT_VERSION,
      '@magekit/nx-plugin': MAGEKIT_VERSION,
      typescript: FALLBACK_VERSIONS['typescript'],
      jest: FALLBACK_VERSIONS['jest'],
      '@swc/jest': FALLBACK_VERSIONS['@swc/jest'],
      'typescript-eslint': FALLBACK_VERSIONS['typescript-eslint'],
    });
    expect(manifest.workspaces).toEqual(['apps/*']);
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions).toMatchObject({
      module: 'nodenext',
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      strict: true,
    });
    expect(tree.read('jest.preset.js', 'utf-8')).toContain("'@swc/jest'");
    expect(tree.read('jest.preset.js', 'utf-8')).toContain('decoratorMetadata: true');
    expect(tree.read('eslint.config.mjs', 'utf-8')).toContain("import tseslint from 'typescript-eslint'");
  });

  it('keeps what the workspace has: its pins, its ESLint and Jest files, its tsconfig options', async () => {
    writeJson(tree, 'package.json', {
      name: 'acme',
      workspaces: ['packages/*'],
      devDependencies: { typescript: '5.9.3' },
    });
    writeJson(tree, 'tsconfig.base.json', { compilerOptions: { target: 'es2020', paths: { '@acme/x': ['x'] } } });
    tree.write('eslint.config.js', 'module.exports = [];\n');
    tree.write('jest.preset.js', 'module.exports = { mine: true };\n');
    await initGenerator(tree, { skipInstall: true });
    const manifest = readJson(tree, 'package.json');
    expect(manifest.devDependencies.typescript).toBe('5.9.3');
    expect(manifest.workspaces).toEqual(['packages/*', 'apps/*']);
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions).toEqual({
      target: 'es2020',
      paths: { '@acme/x': ['x'] },
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    });
    expect(tree.read('jest.preset.js', 'utf-8')).toBe('module.exports = { mine: true };\n');
    expect(tree.read('eslint.config.js', 'utf-8')).toBe('module.exports = [];\n');
    expect(tree.exists('eslint.config.mjs')).toBe(false);
  });

  it('registers the plugin in nx.json once, keeping other plugins and an existing entry as it is', async () => {
    updateNxJson(tree, { ...readNxJson(tree), plugins: ['@nx/js/typescript'] });
    await initGenerator(tree, { skipInstall: true, keepExistingVersions: true });
    expect(readNxJson(tree)?.plugins).toEqual([
      '@nx/js/typescript',
      { plugin: '@magekit/nx-plugin', options: { devTargetName: 'dev', sandboxTargetName: 'sandbox' } },
    ]);

    updateNxJson(tree, { ...readNxJson(tree), plugins: ['@magekit/nx-plugin'] });
    await initGenerator(tree, { skipInstall: true });
    expect(readNxJson(tree)?.plugins).toEqual(['@magekit/nx-plugin']);
  });

  it('running it again changes nothing', async () => {
    await initGenerator(tree, { skipInstall: true });
    const files = Object.fromEntries(
      changesOf(tree)
        .map((change) => change.split(' ')[1])
        .map((path) => [path, tree.read(path, 'utf-8')]),
    );
    await initGenerator(tree, { skipInstall: true });
    for (const [path, content] of Object.entries(files)) expect(tree.read(path, 'utf-8')).toBe(content);
  });
});
