import { buildNetworkList, classifyAddress, embeddedIpv4, isInNetworks, type AddressCategory } from './ip-ranges';
import { checkStoreUrl } from './store-url-guard';
import { createStoreUrlPolicy, type LookupAll } from './store-url-policy';

const noDns: LookupAll = async (host) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

describe('IPv6 forms that carry an IPv4 address (store-URL guard)', () => {
  const strict = createStoreUrlPolicy();

  it.each([
    ['[::7f00:1]', 'loopback', 'IPv4-compatible'],
    ['[::127.0.0.1]', 'loopback', 'IPv4-compatible, dotted'],
    ['[::ffff:0:7f00:1]', 'loopback', 'IPv4-translated (RFC 6145)'],
    ['[::ffff:0:127.0.0.1]', 'loopback', 'IPv4-translated, dotted'],
    ['[64:ff9b::7f00:1]', 'loopback', 'NAT64 well-known prefix'],
    ['[64:ff9b::127.0.0.1]', 'loopback', 'NAT64, dotted'],
    ['[64:ff9b::a00:1]', 'private', 'NAT64 of 10.0.0.1'],
    ['[64:ff9b::a9fe:a9fe]', 'link-local', 'NAT64 of the cloud metadata address'],
    ['[64:ff9b:1::a00:1]', 'private', 'NAT64 local-use prefix, /96 layout'],
    ['[64:ff9b:1:a00:0:100::]', 'private', 'NAT64 local-use prefix, /48 layout (10.0.0.1 around octet 8)'],
    ['[::a9fe:a9fe]', 'link-local', 'IPv4-compatible metadata address'],
    ['[::ffff:0:a00:1]', 'private', 'IPv4-translated 10.0.0.1'],
    ['[::c0a8:101]', 'private', 'IPv4-compatible 192.168.1.1'],
    ['[::2]', 'unspecified', 'IPv4-compatible 0.0.0.2'],
  ] as const)('a store URL at %s is refused as %s (%s)', async (host, category, _form) => {
    await expect(checkStoreUrl(`https://${host}/`, strict, noDns)).rejects.toMatchObject({
      code: 'STORE_URL_REFUSED',
      message: expect.stringContaining(`a ${category} address`),
      details: { category },
    });
  });

  it.each([
    ['[::808:808]', 'IPv4-compatible 8.8.8.8'],
    ['[::ffff:0:808:808]', 'IPv4-translated 8.8.8.8'],
    ['[64:ff9b::808:808]', 'NAT64 of 8.8.8.8'],
    ['[64:ff9b::93.184.216.34]', 'NAT64 of 93.184.216.34, dotted'],
    ['[64:ff9b:1:abcd::808:808]', 'NAT64 local-use prefix with a subnet, /96 layout'],
    ['[::ffff:808:808]', 'IPv4-mapped 8.8.8.8'],
  ])('a store URL at %s is allowed (%s, public)', async (host) => {
    await expect(checkStoreUrl(`https://${host}/`, strict, noDns)).resolves.toMatchObject({ url: expect.any(URL) });
  });

  it.each<[string, AddressCategory]>([
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['2002:7f00:1::', 'reserved'], // 6to4 stays refused whatever it embeds
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // Teredo
    ['100::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['fec0::1', 'private'],
    ['198.18.0.1', 'reserved'],
    ['192.175.48.1', 'public'], // AS112, globally reachable
  ])('%s is %s', (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it('reads the embedded IPv4 address of every form, and none of plain addresses', () => {
    expect(embeddedIpv4('::7f00:1').map(String)).toEqual(['127.0.0.1']);
    expect(embeddedIpv4('::ffff:0:7f00:1').map(String)).toEqual(['127.0.0.1']);
    expect(embeddedIpv4('64:ff9b::a00:1').map(String)).toEqual(['10.0.0.1']);
    expect(embeddedIpv4('[::ffff:7f00:1]').map(String)).toEqual(['127.0.0.1']);
    for (const plain of ['::', '::1', '2606:4700::6810:84e5', '127.0.0.1', 'fe80::1'])
      expect(embeddedIpv4(plain)).toEqual([]);
  });

  it('refuses non-canonical IPv4 spellings as not being addresses (ipaddr.js would accept them)', () => {
    for (const text of ['0x7f.1', '127.1', '2130706433', '0177.0.0.1']) expect(classifyAddress(text)).toBeNull();
  });
});

describe('allowed networks and embedded forms (STORE_URL_ALLOWED_NETWORKS)', () => {
  const dev = createStoreUrlPolicy({ allowHttp: true, allowedNetworks: ['127.0.0.0/8'] });

  it.each(['127.0.0.1', '::ffff:7f00:1', '::ffff:127.0.0.1', '::7f00:1', '::ffff:0:7f00:1', '64:ff9b::7f00:1'])(
    '127.0.0.0/8 matches %s',
    (address) => {
      expect(isInNetworks(dev.allowed, address)).toBe(true);
    },
  );

  it.each(['10.0.0.1', '::a00:1', '64:ff9b::a00:1', '::1', '2001:db8::1'])(
    '127.0.0.0/8 does not match %s',
    (address) => {
      expect(isInNetworks(dev.allowed, address)).toBe(false);
    },
  );

  it('an allow-listed loopback store is reached through any of its forms; other private forms stay refused', async () => {
    await expect(checkStoreUrl('http://[::7f00:1]:3001/', dev, noDns)).resolves.toMatchObject({
      addresses: [{ address: '::7f00:1', family: 6 }],
    });
    await expect(checkStoreUrl('http://[64:ff9b::7f00:1]:3001/', dev, noDns)).resolves.toBeDefined();
    await expect(checkStoreUrl('http://[64:ff9b::a00:1]/', dev, noDns)).rejects.toMatchObject({
      message: expect.stringContaining('a private address'),
    });
  });

  it('IPv6 networks still match as written', () => {
    const { list, problems } = buildNetworkList(['64:ff9b::/96', 'fd00::/8']);
    expect(problems).toEqual([]);
    expect(isInNetworks(list, '64:ff9b::a00:1')).toBe(true);
    expect(isInNetworks(list, '[fd12::1]')).toBe(true);
    expect(isInNetworks(list, '10.0.0.1')).toBe(false);
  });
});
