import { BlockList, isIP } from 'node:net';

/** Why an address is not on the public internet (or `public`). */
export type AddressCategory = 'public' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'unspecified' | 'multicast' | 'reserved';

const RANGES: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6', AddressCategory]> = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'private'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'], // includes cloud metadata 169.254.169.254
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.0.2.0', 24, 'ipv4', 'reserved'],
  ['192.88.99.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'reserved'],
  ['198.51.100.0', 24, 'ipv4', 'reserved'],
  ['203.0.113.0', 24, 'ipv4', 'reserved'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'], // includes 255.255.255.255
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['64:ff9b::', 96, 'ipv6', 'reserved'], // NAT64: may reach any IPv4 address
  ['64:ff9b:1::', 48, 'ipv6', 'reserved'],
  ['100::', 64, 'ipv6', 'reserved'],
  ['2001::', 32, 'ipv6', 'reserved'], // Teredo
  ['2001:db8::', 32, 'ipv6', 'reserved'],
  ['2002::', 16, 'ipv6', 'reserved'], // 6to4: embeds an IPv4 address
  ['fc00::', 7, 'ipv6', 'unique-local'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'private'], // deprecated site-local
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const LISTS = new Map<AddressCategory, BlockList>();
for (const [network, prefix, family, category] of RANGES) {
  const list = LISTS.get(category) ?? new BlockList();
  list.addSubnet(network, prefix, family);
  LISTS.set(category, list);
}

/**
 * An address as BlockList checks it (brackets and zone id removed). BlockList matches IPv4 rules
 * against IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`, `::ffff:7f00:1`) itself.
 */
export function normalizeAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 0) return null;
  return { address: bare.toLowerCase(), family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** The category of an IP address; `null` when it is not an IP address. */
export function classifyAddress(address: string): AddressCategory | null {
  const normal = normalizeAddress(address);
  if (!normal) return null;
  for (const [category, list] of LISTS) if (list.check(normal.address, normal.family)) return category;
  return 'public';
}

/**
 * Parses CIDR strings (`10.0.0.0/8`, `::1/128`, or a bare address) into a BlockList.
 * Returns the problems for the ones that do not parse.
 */
export function buildNetworkList(cidrs: readonly string[]): { list: BlockList; problems: string[] } {
  const list = new BlockList();
  const problems: string[] = [];
  for (const cidr of cidrs) {
    const [network, prefixText] = String(cidr).split('/');
    const normal = normalizeAddress(network ?? '');
    const max = normal?.family === 'ipv4' ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!normal || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
      problems.push(`${JSON.stringify(cidr)} is not an IPv4/IPv6 address or CIDR`);
      continue;
    }
    list.addSubnet(normal.address, prefix, normal.family);
  }
  return { list, problems };
}

/** True when `address` lies in one of the networks of `list`. */
export function isInNetworks(list: BlockList, address: string): boolean {
  const normal = normalizeAddress(address);
  return normal !== null && list.check(normal.address, normal.family);
}
