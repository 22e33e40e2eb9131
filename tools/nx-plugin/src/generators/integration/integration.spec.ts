import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addProjectConfiguration, readJson, readProjectConfiguration, writeJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { integrationGenerator } from './integration';
import { appPackageName } from './lib/normalize-options';
import type { IntegrationGeneratorSchema } from './schema';

/** Every file under `dir`, path → content, sorted. */
function filesUnder(tree: Tree, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (path: string) => {
    if (tree.isFile(path)) out[path.slice(dir.length + 1)] = tree.read(path, 'utf-8') ?? '';
    else for (const child of tree.children(path).sort()) visit(`${path}/${child}`);
  };
  visit(dir);
  return out;
}

function changesOf(tree: Tree): string[] {
  return tree
    .listChanges()
    .map((change) => `${change.type} ${change.path}`)
    .sort();
}

describe('integration generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' }); // this workspace formats nothing: snapshots are what the generator writes
  });

  it('default: the whole app (snapshot)', async () => {
    await integrationGenerator(tree, { name: 'acme-sync' });
    const files = filesUnder(tree, 'apps/acme-sync');
    expect(Object.keys(files)).toEqual([
      'README.md',
      'jest.config.cjs',
      'magekit.json',
      'package.json',
      'project.json',
      'src/app.e2e.spec.ts',
      'src/app.ts',
      'src/config.spec.ts',
      'src/config.ts',
      'src/main.ts',
      'src/sample-job/sample-job.controller.ts',
      'src/sample-job/sample-job.module.ts',
      'src/sample-job/sample-job.service.spec.ts',
      'src/sample-job/sample-job.service.ts',
      'src/sample-job/store-summary.spec.ts',
      'src/sample-job/store-summary.ts',
      'tsconfig.app.json',
      'tsconfig.json',
    ]);
    expect(files).toMatchSnapshot();
    expect(files['src/config.ts']).toContain("PORT: '3100',");
    expect(files['src/config.ts']).toContain("TENANT: 'default',");
    expect(files['src/config.ts']).toContain("DATA_DIR: '.data/acme-sync',");
    expect(files['src/config.ts']).toContain('export const REQUIRED_RESOURCES: readonly string[] = [];');
    expect(files['src/app.ts']).toContain("startIntegrationService({ app: 'acme-sync', ...options,");
    expect(JSON.parse(files['magekit.json'])).toEqual({
      name: 'acme-sync',
      tenant: 'default',
      port: 3100,
      dataDir: '.data/acme-sync',
      requiredResources: [],
      sampleJobResources: ['Magento_Backend::store', 'Magento_Catalog::products'],
      callsFile: null,
      publicUrl: null,
    });
  });

  it('registers an Nx application project tagged scope:app with the targets of apps/integration', async () => {
    await integrationGenerator(tree, { name: 'acme-sync' });
    const project = readProjectConfiguration(tree, 'acme-sync');
    expect(project).toMatchObject({
      root: 'apps/acme-sync',
      sourceRoot: 'apps/acme-sync/src',
      projectType: 'application',
      tags: ['scope:app'],
    });
    expect(Object.keys(project.targets ?? {})).toEqual(['build', 'serve', 'typecheck', 'lint', 'test']);
    expect(project.targets?.['build']?.options).toEqual({ command: 'tsc -p apps/acme-sync/tsconfig.app.json' });
    expect(project.targets?.['test']).toMatchObject({
      dependsOn: ['build'],
      options: { command: 'jest -c apps/acme-sync/jest.config.cjs' },
    });
  });

  it('--port (snapshot of the config)', async () => {
    await integrationGenerator(tree, { name: 'acme-sync', port: 4321 });
    const config = tree.read('apps/acme-sync/src/config.ts', 'utf-8');
    expect(config).toMatchSnapshot();
    expect(config).toContain("PORT: '4321',");
    expect(tree.read('apps/acme-sync/README.md', 'utf-8')).toContain(
      '`http://localhost:4321/magento/callback/default`',
    );
  });

  it('--tenant (snapshot of the config and README URLs)', async () => {
    await integrationGenerator(tree, { name: 'acme-sync', tenant: 'acme_EU-1' });
    const config = tree.read('apps/acme-sync/src/config.ts', 'utf-8');
    expect(config).toMatchSnapshot();
    expect(config).toContain("TENANT: 'acme_EU-1',");
    const readme = tree.read('apps/acme-sync/README.md', 'utf-8') ?? '';
    expect(readme.split('\n').filter((line) => line.includes('/magento/'))).toMatchSnapshot();
  });

  it('--resources: checked against the stock ACL tree, deduplicated, in tree order (snapshot)', async () => {
    await integrationGenerator(tree, {
      name: 'acme-sync',
      resources: 'Magento_Catalog::products, Magento_Sales::actions_view,Magento_Catalog::products',
    });
    const config = tree.read('apps/acme-sync/src/config.ts', 'utf-8');
    expect(config).toMatchSnapshot();
    expect(config).toContain("= [\n  'Magento_Sales::actions_view',\n  'Magento_Catalog::products',\n];");
    expect(tree.read('apps/acme-sync/README.md', 'utf-8')).toContain(
      'declares `Magento_Backend::store`, `Magento_Catalog::products`, `Magento_Sales::actions_view`.',
    );
    expect(readJson(tree, 'apps/acme-sync/magekit.json')).toMatchObject({
      requiredResources: ['Magento_Sales::actions_view', 'Magento_Catalog::products'],
      callsFile: null,
    });
  });

  it('--calls: the least privilege of the calls file read from the tree (snapshot)', async () => {
    tree.write(
      'integration/calls.txt',
      '# what acme-sync calls\nGET /V1/orders/5\n\nget /V1/products/:sku   # route ids work too\nPUT /rest/default/V1/products/ABC%2F10\nGET /V1/directory/countries\n',
    );
    await integrationGenerator(tree, { name: 'acme-sync', calls: 'integration/calls.txt' });
    const config = tree.read('apps/acme-sync/src/config.ts', 'utf-8');
    expect(config).toMatchSnapshot();
    expect(config).toContain("= [\n  'Magento_Sales::actions_view',\n  'Magento_Catalog::products',\n];");
    const readme = tree.read('apps/acme-sync/README.md', 'utf-8') ?? '';
    expect(
      readme.slice(readme.indexOf('The required resources are'), readme.indexOf('## The sample job')),
    ).toMatchSnapshot();
    expect(readme).toContain('| `GET /V1/directory/countries` | none (anonymous) |');
    expect(readJson(tree, 'apps/acme-sync/magekit.json')).toMatchObject({
      requiredResources: ['Magento_Sales::actions_view', 'Magento_Catalog::products'],
      callsFile: 'integration/calls.txt',
    });
  });

  it('--calls: an absolute path outside the workspace is read from disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nx-plugin-calls-'));
    try {
      writeFileSync(join(dir, 'calls.txt'), 'GET /V1/store/storeConfigs\n');
      await integrationGenerator(tree, { name: 'acme-sync', calls: join(dir, 'calls.txt') });
      expect(tree.read('apps/acme-sync/src/config.ts', 'utf-8')).toContain("= [\n  'Magento_Backend::store',\n];");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--directory: the app goes there, with paths back to the workspace root', async () => {
    await integrationGenerator(tree, { name: 'acme-sync', directory: 'apps/integrations/' });
    expect(readProjectConfiguration(tree, 'acme-sync').root).toBe('apps/integrations/acme-sync');
    expect(readJson(tree, 'apps/integrations/acme-sync/tsconfig.json').extends).toBe('../../../tsconfig.base.json');
    expect(tree.read('apps/integrations/acme-sync/jest.config.cjs', 'utf-8')).toContain(
      "preset: '../../../jest.preset.js'",
    );
  });

  describe('package.json', () => {
    it('depends on the magekit packages at their workspace versions and pins what the workspace pins', async () => {
      writeJson(tree, 'packages/service/package.json', {
        name: '@magekit/service',
        version: '0.3.1',
        dependencies: { '@nestjs/common': '11.9.9', rxjs: '^7.0.0' },
      });
      addProjectConfiguration(tree, 'service', { root: 'packages/service' });
      writeJson(tree, 'packages/nest/package.json', {
        name: '@magekit/nest',
        version: '0.2.0',
        dependencies: { '@nestjs/passport': '11.0.9' },
      });
      addProjectConfiguration(tree, 'nest', { root: 'packages/nest' });
      await integrationGenerator(tree, { name: 'acme-sync' });
      const manifest = readJson(tree, 'apps/acme-sync/package.json');
      expect(manifest).toMatchObject({ name: '@proj/acme-sync', private: true, main: './dist/main.js' });
      expect(manifest.type).toBeUndefined();
      expect(manifest.dependencies).toEqual({
        '@magekit/service': '0.3.1',
        '@magekit/nest': '0.2.0',
        '@magekit/client': '0.1.0',
        '@nestjs/common': '11.9.9',
        '@nestjs/core': '11.2.10',
        '@nestjs/passport': '11.0.9',
        '@nestjs/typeorm': '11.0.3',
        typeorm: '1.1.1',
        'reflect-metadata': '0.2.2',
        rxjs: '7.8.2', // a range is no pin: the tested version
      });
      expect(manifest.devDependencies).toEqual({ '@magekit/sandbox': '0.1.0' });
    });

    it('changes no other package.json and installs nothing', async () => {
      const root = tree.read('package.json', 'utf-8');
      const before = changesOf(tree);
      const callback = await integrationGenerator(tree, { name: 'acme-sync' });
      expect(tree.read('package.json', 'utf-8')).toBe(root);
      expect(changesOf(tree).filter((change) => !change.includes('apps/acme-sync/'))).toEqual(before);
      expect(typeof callback).toBe('function');
    });
  });

  it.each([
    ['AcmeSync', /"AcmeSync" is not a kebab-case name/],
    ['acme_sync', /not a kebab-case name/],
    ['-acme', /not a kebab-case name/],
    ['acme--sync', /not a kebab-case name/],
    ['1acme', /not a kebab-case name/],
    ['', /not a kebab-case name/],
    ['a'.repeat(51), /not a kebab-case name/],
    ['integration', /"integration" is reserved/],
    ['sandbox', /"sandbox" is reserved/],
    ['dashboard', /"dashboard" is reserved/],
  ])('refuses the name %j and writes nothing', async (name, message) => {
    const before = changesOf(tree);
    await expect(integrationGenerator(tree, { name })).rejects.toThrow(message);
    expect(changesOf(tree)).toEqual(before);
  });

  it.each<[Partial<IntegrationGeneratorSchema>, RegExp]>([
    [{ port: 0 }, /--port 0 must be an integer from 1 to 65535/],
    [{ port: 70000 }, /--port 70000 must be an integer/],
    [{ port: 3000.5 }, /--port 3000.5 must be an integer/],
    [{ tenant: 'no spaces' }, /--tenant "no spaces" must be 1-64 letters/],
    [{ calls: 'calls.txt', resources: 'Magento_Catalog::products' }, /either --calls or --resources, not both/],
    [
      { resources: 'products, Acme_Sync::things,Magento_Catalog::products' },
      /--resources: not in the ACL tree of stock Magento Open Source 2.4.6-p1: products, Acme_Sync::things/,
    ],
    [{ resources: ' , ' }, /--resources needs at least one ACL id/],
    [{ calls: 'missing/calls.txt' }, /--calls missing\/calls.txt: no such file/],
    [{ calls: ' ' }, /--calls needs a file/],
    [{ directory: '../elsewhere' }, /--directory "..\/elsewhere" must be a folder inside the workspace/],
    [{ directory: '/srv/apps' }, /--directory "\/srv\/apps" must be a folder inside the workspace/],
  ])('refuses %j and writes nothing', async (patch, message) => {
    const before = changesOf(tree);
    await expect(integrationGenerator(tree, { name: 'acme-sync', ...patch })).rejects.toThrow(message);
    expect(changesOf(tree)).toEqual(before);
  });

  it('names every bad line of a calls file in one message', async () => {
    tree.write(
      'calls.txt',
      'GET /V1/products\nfetch everything please\nGET /V1/nothing/here\nPATCH /V1/products/x\nGET /V1/customers/me\n',
    );
    const error = await integrationGenerator(tree, { name: 'acme-sync', calls: 'calls.txt' }).catch(
      (caught: Error) => caught,
    );
    expect((error as Error).message).toBe(
      'integration: --calls calls.txt: calls.txt:2 "fetch everything please" is not "METHOD /V1/path"; calls.txt:3 GET /V1/nothing/here: Request does not match any route; ' +
        'calls.txt:4 PATCH /V1/products/x: Request method is invalid; calls.txt:5 GET /V1/customers/me needs "All resources" (a self route or an id no acl.xml defines), which a resource list cannot grant.',
    );
    expect(tree.exists('apps/acme-sync')).toBe(false);
  });

  it('suggests the nearest stock route for a call that matches none, in one sentence', async () => {
    tree.write('calls.txt', 'GET /V1/storeConfigs\n');
    await expect(integrationGenerator(tree, { name: 'acme-sync', calls: 'calls.txt' })).rejects.toThrow(
      new Error(
        'integration: --calls calls.txt: calls.txt:1 GET /V1/storeConfigs: Request does not match any route; did you mean `GET /V1/store/storeConfigs`?',
      ),
    );
  });

  it('refuses a calls file without calls', async () => {
    tree.write('calls.txt', '# nothing yet\n\n');
    await expect(integrationGenerator(tree, { name: 'acme-sync', calls: 'calls.txt' })).rejects.toThrow(
      '--calls calls.txt lists no calls',
    );
  });

  it('refuses to run again on an existing apps/<name> and leaves it untouched', async () => {
    await integrationGenerator(tree, { name: 'acme-sync' });
    tree.write('apps/acme-sync/src/config.ts', '// mine');
    const before = filesUnder(tree, 'apps/acme-sync');
    const changes = changesOf(tree);
    await expect(integrationGenerator(tree, { name: 'acme-sync', port: 4000 })).rejects.toThrow(
      'integration: apps/acme-sync already exists; nothing was changed.',
    );
    expect(filesUnder(tree, 'apps/acme-sync')).toEqual(before);
    expect(changesOf(tree)).toEqual(changes);
  });

  it('refuses a name another project already has, wherever it lives', async () => {
    addProjectConfiguration(tree, 'acme-sync', { root: 'libs/acme-sync' });
    await expect(integrationGenerator(tree, { name: 'acme-sync' })).rejects.toThrow(
      'a project named "acme-sync" already exists (libs/acme-sync)',
    );
    expect(tree.exists('apps/acme-sync')).toBe(false);
  });

  describe('the app package name', () => {
    it.each([
      ['@acme/source', '@acme/billing'],
      ['acme-ws', '@acme-ws/billing'],
      ['Not A Name', 'billing'],
    ])('a root package.json named %s gives %s', (root, expected) => {
      writeJson(tree, 'package.json', { name: root });
      expect(appPackageName(tree, 'billing')).toBe(expected);
    });

    it('a workspace without a root package.json gives the plain name', () => {
      tree.delete('package.json');
      expect(appPackageName(tree, 'billing')).toBe('billing');
    });
  });
});
