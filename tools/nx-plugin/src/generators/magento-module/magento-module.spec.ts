import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import type { Tree } from '@nx/devkit';
import { magentoModuleGenerator } from './magento-module';

describe('magento-module generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace({ formatter: 'none' }); // this workspace formats nothing: snapshots are what the generator writes
  });

  it('writes the module files (snapshot)', async () => {
    await magentoModuleGenerator(tree, {
      name: 'Acme_ShopSync',
      integration: 'Acme Shop Sync',
      baseUrl: 'https://sync.acme.example/',
      resources: 'Magento_Catalog::products, Magento_Sales::sales,Magento_Catalog::products',
    });
    const dir = 'magento/Acme/ShopSync';
    expect(tree.children(dir).sort()).toEqual(['README.md', 'composer.json', 'etc', 'registration.php']);
    expect(tree.read(`${dir}/etc/integration.xml`, 'utf-8')).toMatchSnapshot();
    expect(tree.read(`${dir}/etc/module.xml`, 'utf-8')).toMatchSnapshot();
    expect(tree.read(`${dir}/registration.php`, 'utf-8')).toContain(
      "ComponentRegistrar::register(ComponentRegistrar::MODULE, 'Acme_ShopSync', __DIR__);",
    );
    const composer = JSON.parse(tree.read(`${dir}/composer.json`, 'utf-8') ?? '{}');
    expect(composer).toMatchObject({
      name: 'acme/module-shop-sync',
      type: 'magento2-module',
      autoload: { 'psr-4': { 'Acme\\ShopSync\\': '' } },
    });
  });

  it('declares no <resources> when none are given and escapes XML', async () => {
    await magentoModuleGenerator(tree, { name: 'Acme_Empty', integration: 'A & B <test>' });
    const xml = tree.read('magento/Acme/Empty/etc/integration.xml', 'utf-8') ?? '';
    expect(xml).toContain('<integration name="A &amp; B &lt;test&gt;">');
    expect(xml).not.toContain('<resources>');
    expect(xml).toContain('<endpoint_url>https://integration.example.com/magento/callback/default</endpoint_url>');
  });

  it.each([
    [{ name: 'acme_shop' }, /not a Magento module name/],
    [{ name: 'Acme' }, /not a Magento module name/],
    [{ integration: ' ' }, /--integration is required/],
    [{ baseUrl: 'http://sync.acme.example' }, /must use https/],
    [{ baseUrl: 'not a url' }, /is not a URL/],
    [{ resources: 'products' }, /not ACL resource ids: products/],
    [{ tenant: 'Bad Tenant' }, /--tenant/],
  ])('refuses %j', async (patch, message) => {
    await expect(magentoModuleGenerator(tree, { name: 'Acme_ShopSync', integration: 'X', ...patch })).rejects.toThrow(
      message,
    );
  });

  it('refuses to overwrite an existing module and leaves it untouched', async () => {
    tree.write('magento/Acme/ShopSync/registration.php', '<?php // mine');
    await expect(magentoModuleGenerator(tree, { name: 'Acme_ShopSync', integration: 'X' })).rejects.toThrow(
      /already exists/,
    );
    expect(tree.read('magento/Acme/ShopSync/registration.php', 'utf-8')).toBe('<?php // mine');
  });
});
