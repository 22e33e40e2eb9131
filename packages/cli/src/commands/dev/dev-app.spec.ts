import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAppDefaults, resolveDevApp } from './dev-app';
import { DevStepError } from './dev-step-error';

describe('resolveDevApp / readAppDefaults (a scratch Nx workspace)', () => {
  const root = mkdtempSync(join(tmpdir(), 'mk-cli-dev-app-'));
  const project = (dir: string, json: object) => {
    mkdirSync(join(root, 'apps', dir, 'dist'), { recursive: true });
    writeFileSync(join(root, 'apps', dir, 'project.json'), JSON.stringify(json));
  };

  beforeAll(() => {
    writeFileSync(join(root, 'nx.json'), '{}');
    project('integration', { name: 'integration', projectType: 'application' });
    project('acme-sync', { name: 'acme-sync', projectType: 'application' });
    project('sandbox', { name: 'sandbox', projectType: 'application' });
    writeFileSync(
      join(root, 'apps', 'acme-sync', 'dist', 'config.js'),
      "exports.REQUIRED_RESOURCES = ['Magento_Catalog::products']; exports.APP_DEFAULTS = { PORT: '3100', TENANT: 'acme' };\n",
    );
    mkdirSync(join(root, 'work', 'deep'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('defaults to the main service, with DATA_DIR .data/integration under the working directory', () => {
    const cwd = join(root, 'work', 'deep');
    expect(resolveDevApp(undefined, cwd)).toEqual({
      name: 'integration',
      workspaceRoot: root,
      projectRoot: 'apps/integration',
      main: join(root, 'apps/integration/dist/main.js'),
      dataDir: join(cwd, '.data/integration'),
    });
    expect(readAppDefaults(resolveDevApp(undefined, cwd), {})).toEqual({ port: 3000, requiredResources: [] });
    expect(
      readAppDefaults(resolveDevApp(undefined, cwd), {
        REQUIRED_RESOURCES: 'Magento_Sales::sales, Magento_Catalog::products',
      }).requiredResources,
    ).toEqual(['Magento_Sales::sales', 'Magento_Catalog::products', 'Magento_Backend::store']);
  });

  it("reads a generated app's port and baked required resources from its build, the sample job's from magekit.json, and adds the probe's; the environment wins", () => {
    const app = resolveDevApp('acme-sync', root, 'tmp/acme');
    expect(app).toMatchObject({ projectRoot: 'apps/acme-sync', dataDir: join(root, 'tmp/acme') });
    expect(readAppDefaults(app, {})).toEqual({
      port: 3100,
      requiredResources: ['Magento_Catalog::products', 'Magento_Backend::store'],
    });
    writeFileSync(
      join(root, 'apps/acme-sync/magekit.json'),
      JSON.stringify({ sampleJobResources: ['Magento_Backend::store', 'Magento_Sales::actions_view'] }),
    );
    expect(readAppDefaults(app, {}).requiredResources).toEqual([
      'Magento_Catalog::products',
      'Magento_Backend::store',
      'Magento_Sales::actions_view',
    ]);
    expect(readAppDefaults(app, { REQUIRED_RESOURCES: 'Magento_Sales::sales' }).requiredResources).toEqual([
      'Magento_Sales::sales',
      'Magento_Backend::store',
    ]);
  });

  it('refuses an unknown project and the sandbox, naming the apps it knows', () => {
    for (const name of ['nope', 'sandbox']) {
      const error = (() => {
        try {
          resolveDevApp(name, root);
        } catch (caught) {
          return caught as DevStepError;
        }
        throw new Error('expected a DevStepError');
      })();
      expect(error).toBeInstanceOf(DevStepError);
      expect(error).toMatchObject({ step: 'find the app', hint: expect.stringContaining('acme-sync, integration') });
    }
  });
});
