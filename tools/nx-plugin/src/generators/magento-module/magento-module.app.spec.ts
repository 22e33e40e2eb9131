import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { integrationGenerator } from '../integration/integration';
import { magentoModuleGenerator } from './magento-module';

/** `magento-module --integration <app>` of an app the integration generator wrote (its magekit.json). */
describe('magento-module generator with --integration <generated app>', () => {
  let tree: Tree;
  let warn: jest.SpyInstance;
  beforeEach(async () => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' });
    tree.write('calls.txt', 'GET /V1/orders\nGET /V1/products/:sku\n');
    await integrationGenerator(tree, { name: 'acme-sync', port: 3200, tenant: 'acme_EU-1', calls: 'calls.txt' });
    warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => warn.mockRestore());

  const read = (path: string) => tree.read(`magento/Acme/Sync/${path}`, 'utf-8') ?? '';

  it("declares the app's required and sample-job resources, its tenant and port, and warns that localhost URLs are placeholders", async () => {
    await magentoModuleGenerator(tree, { name: 'Acme_Sync', integration: 'acme-sync' });
    const xml = read('etc/integration.xml');
    expect(xml).toContain('<endpoint_url>http://localhost:3200/magento/callback/acme_EU-1</endpoint_url>');
    expect(xml).toContain('<identity_link_url>http://localhost:3200/magento/identity/acme_EU-1</identity_link_url>');
    expect(xml).toMatch(
      /<resources>\s*<resource name="Magento_Sales::actions_view"\/>\s*<resource name="Magento_Catalog::products"\/>\s*<resource name="Magento_Backend::store"\/>\s*<\/resources>/,
    );
    const readme = read('README.md');
    expect(readme).toContain(
      '| Resources | `Magento_Sales::actions_view`, `Magento_Catalog::products`, `Magento_Backend::store` |',
    );
    expect(readme).toContain('the least privilege of `calls.txt`');
    expect(readme).toContain('## Before you publish this module');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /http:\/\/localhost:3200 placeholders .*--baseUrl https:\/\/<public host>, the URL the app is started with as PUBLIC_URL \(or set "publicUrl" in acme-sync's magekit.json\)/,
    );
  });

  it('--baseUrl and --resources: the public URL, no warning, and the extra resources added', async () => {
    await magentoModuleGenerator(tree, {
      name: 'Acme_Sync',
      integration: 'acme-sync',
      baseUrl: 'https://sync.acme.example',
      resources: 'Magento_Customer::customer',
    });
    const xml = read('etc/integration.xml');
    expect(xml).toContain('<endpoint_url>https://sync.acme.example/magento/callback/acme_EU-1</endpoint_url>');
    expect(xml).toContain('<resource name="Magento_Customer::customer"/>');
    expect(read('README.md')).not.toContain('Before you publish');
    expect(warn).not.toHaveBeenCalled();
  });

  it('publicUrl in magekit.json gives the URLs', async () => {
    const manifest = JSON.parse(tree.read('apps/acme-sync/magekit.json', 'utf-8') ?? '{}');
    tree.write('apps/acme-sync/magekit.json', JSON.stringify({ ...manifest, publicUrl: 'https://sync.acme.example' }));
    await magentoModuleGenerator(tree, { name: 'Acme_Sync', integration: 'acme-sync' });
    expect(read('etc/integration.xml')).toContain(
      '<endpoint_url>https://sync.acme.example/magento/callback/acme_EU-1</endpoint_url>',
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('an integration that is no generated app, without resources: warns about the missing <resources> and the example URL', async () => {
    await magentoModuleGenerator(tree, { name: 'Acme_Sync', integration: 'Acme Shop Sync' });
    expect(read('etc/integration.xml')).not.toContain('<resources>');
    expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('etc/integration.xml declares no <resources>'),
      expect.stringContaining('the placeholder https://integration.example.com'),
    ]);
  });
});
