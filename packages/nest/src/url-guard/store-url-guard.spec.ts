import { checkStoreUrl } from './store-url-guard';
import { classifyAddress, type AddressCategory } from './ip-ranges';
import { createStoreUrlPolicy, findStoreUrlProblems, type LookupAll } from './store-url-policy';

const ADDRESSES: Array<[string, AddressCategory]> = [
  ['93.184.216.34', 'public'],
  ['8.8.8.8', 'public'],
  ['2606:4700::6810:84e5', 'public'],
  ['::ffff:8.8.8.8', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.10', 'private'],
  ['100.64.0.1', 'private'],
  ['::ffff:10.0.0.1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['fd00:ec2::254', 'unique-local'],
  ['fc00::1', 'unique-local'],
  ['0.0.0.0', 'unspecified'],
  ['::', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['ff02::1', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['64:ff9b::a00:1', 'private'], // NAT64 of 10.0.0.1
  ['2002:a00:1::', 'reserved'],
];

describe('address classification', () => {
  it.each(ADDRESSES)('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it('returns null for non-addresses', () => {
    expect(classifyAddress('shop.example.com')).toBeNull();
    expect(classifyAddress('999.1.1.1')).toBeNull();
  });
});

const lookupTable: Record<string, string[]> = {
  'shop.example.com': ['93.184.216.34'],
  'dual.example.com': ['93.184.216.34', '10.0.0.7'],
  'internal.example.com': ['10.0.0.7'],
  'metadata.example.com': ['169.254.169.254'],
  'v6local.example.com': ['fd12:3456::1'],
  'sandbox.test': ['127.0.0.1'],
};
const lookup: LookupAll = async (host) => {
  const addresses = lookupTable[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('store-URL guard', () => {
  const strict = createStoreUrlPolicy();
  const dev = createStoreUrlPolicy({ allowHttp: true, allowedNetworks: ['127.0.0.1/32', '10.0.0.0/8'] });

  it.each([
    ['https://shop.example.com/', strict],
    ['https://93.184.216.34:8443/magento/', strict],
    ['http://sandbox.test:8080/', dev],
    ['http://127.0.0.1:9000/', dev],
    ['https://internal.example.com/', dev],
    ['https://dual.example.com/', dev],
  ] as const)('accepts %s', async (url, policy) => {
    await expect(checkStoreUrl(url, policy, lookup)).resolves.toMatchObject({ url: new URL(url) });
  });

  it.each([
    ['http://shop.example.com/', strict, 'http://shop.example.com is not https'],
    ['ftp://shop.example.com/', strict, 'the scheme ftp: is not http(s)'],
    ['https://user:pw@shop.example.com/', strict, 'the URL carries credentials'],
    ['not a url', strict, '"not a url" is not a URL'],
    ['https://127.0.0.1/', strict, '127.0.0.1 resolves to 127.0.0.1, a loopback address'],
    ['https://[::1]/', strict, '::1 resolves to ::1, a loopback address'],
    ['https://[::ffff:127.0.0.1]/', strict, 'a loopback address'],
    ['https://internal.example.com/', strict, 'internal.example.com resolves to 10.0.0.7, a private address'],
    ['https://dual.example.com/', strict, 'dual.example.com resolves to 10.0.0.7, a private address'],
    ['https://metadata.example.com/', dev, 'metadata.example.com resolves to 169.254.169.254, a link-local address'],
    ['https://v6local.example.com/', dev, 'v6local.example.com resolves to fd12:3456::1, a unique-local address'],
    ['https://sandbox.test/', strict, 'sandbox.test resolves to 127.0.0.1, a loopback address'],
    ['https://unknown.example.com/', strict, 'unknown.example.com could not be resolved (ENOTFOUND)'],
    ['https://2130706433/', strict, '127.0.0.1 resolves to 127.0.0.1, a loopback address'], // WHATWG URL turns it into 127.0.0.1
  ] as const)('refuses %s', async (url, policy, problem) => {
    await expect(checkStoreUrl(url, policy, lookup)).rejects.toMatchObject({
      code: 'STORE_URL_REFUSED',
      message: expect.stringContaining(problem),
      hint: expect.stringContaining('storeUrl.allowedNetworks'),
    });
  });

  it('refuses when DNS does not answer in time', async () => {
    const never: LookupAll = () => new Promise(() => undefined);
    const policy = createStoreUrlPolicy({ dnsTimeoutMs: 5 });
    await expect(checkStoreUrl('https://slow.example.com/', policy, never)).rejects.toMatchObject({
      code: 'STORE_URL_REFUSED',
      message: 'Resolving slow.example.com took longer than 5 ms.',
    });
  });

  it('refuses a name that resolves to nothing', async () => {
    await expect(checkStoreUrl('https://empty.example.com/', strict, async () => [])).rejects.toMatchObject({
      message: 'Store URL refused: empty.example.com did not resolve to any address.',
    });
  });

  it('validates its options', () => {
    expect(
      findStoreUrlProblems({
        allowHttp: 'yes' as unknown as boolean,
        allowedNetworks: ['10.0.0.0/33', 'nope', '::1/128'],
        dnsTimeoutMs: 0,
      }),
    ).toEqual([
      'storeUrl.allowHttp must be a boolean',
      'storeUrl.allowedNetworks: "10.0.0.0/33" is not an IPv4/IPv6 address or CIDR',
      'storeUrl.allowedNetworks: "nope" is not an IPv4/IPv6 address or CIDR',
      'storeUrl.dnsTimeoutMs must be a positive integer',
    ]);
  });
});
