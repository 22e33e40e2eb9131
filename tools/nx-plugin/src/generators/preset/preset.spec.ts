import { readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { MAGEKIT_VERSION } from '../integration/lib/workspace-versions';
import { presetGenerator } from './preset';

describe('preset generator (create-nx-workspace --preset=@magekit/nx-plugin)', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
  });

  it('a workspace with the toolchain and one integration app named after it', async () => {
    await presetGenerator(tree, { name: 'acme-shop' });
    expect(readProjectConfiguration(tree, 'acme-shop').root).toBe('apps/acme-shop');
    expect(readJson(tree, 'package.json').devDependencies['@magekit/cli']).toBe(MAGEKIT_VERSION);
    expect(tree.exists('jest.preset.js')).toBe(true);
  });

  it("the app's package.json names only published packages at exact versions", async () => {
    await presetGenerator(tree, { name: 'ws', app: 'acme-sync', port: 4100 });
    const manifest = readJson(tree, 'apps/acme-sync/package.json');
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies } as Record<
      string,
      string
    >)) {
      expect(`${name}@${version}`).toMatch(/^(@[a-z0-9-]+\/)?[a-z0-9.-]+@\d+\.\d+\.\d+$/);
      expect(name).not.toBe('@magekit/integration');
    }
    expect(manifest.dependencies['@magekit/service']).toBe(MAGEKIT_VERSION);
    expect(tree.read('apps/acme-sync/src/config.ts', 'utf-8')).toContain("PORT: '4100',");
  });
});
