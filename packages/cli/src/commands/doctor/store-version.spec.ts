import { buildMagentoVersionUrl, readMagentoVersion } from './store-version';

describe("the store's version (Magento\\Version\\Controller\\Index\\Index)", () => {
  it('asks <base>magento_version, behind index.php when the store has no URL rewrites', () => {
    expect(buildMagentoVersionUrl('https://shop.example.com/', {})).toBe('https://shop.example.com/magento_version');
    expect(buildMagentoVersionUrl('https://shop.example.com/m2', { store: 'es_mx' })).toBe(
      'https://shop.example.com/m2/magento_version',
    );
    expect(buildMagentoVersionUrl('https://shop.example.com/', { indexPhp: true })).toBe(
      'https://shop.example.com/index.php/magento_version',
    );
  });

  it.each([
    [200, 'Magento/2.4 (Community)', 'Magento/2.4 (Community)'],
    [200, 'Magento/2.4 (Enterprise)\n', 'Magento/2.4 (Enterprise)'],
    [200, '', null],
    [200, '<html>home page</html>', null],
    [200, 'Magento/2.4.6 (Community)', null],
    [404, 'Magento/2.4 (Community)', null],
  ])('HTTP %i %j is the version %j', (status, body, expected) => {
    expect(readMagentoVersion(status, body)).toBe(expected);
  });
});
