import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an address is not on the public internet (or `public`). */
export type AddressCategory =
  'public' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'unspecified' | 'multicast' | 'reserved';

/**
 * ipaddr.js range names (its `SpecialRanges`) → our categories. Ranges IANA lists as globally
 * reachable (AS112, AMT) are public; 6to4 and Teredo (IPv4 tunnels) stay refused as reserved.
 */
const CATEGORY_OF_RANGE: Readonly<Record<string, AddressCategory>> = {
  unicast: 'public',
  as112: 'public',
  as112v6: 'public',
  amt: 'public',
  unspecified: 'unspecified',
  loopback: 'loopback',
  private: 'private',
  carrierGradeNat: 'private', // 100.64.0.0/10
  deprecatedSiteLocal: 'private', // fec0::/10
  linkLocal: 'link-local', // includes cloud metadata 169.254.169.254
  uniqueLocal: 'unique-local',
  multicast: 'multicast',
  broadcast: 'reserved',
};

const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
const NAT64_LOCAL_USE = ipaddr.parseCIDR('64:ff9b:1::/48');

/** An address as the guard reads it: brackets and zone id removed; only plain dotted quads and IPv6 (`isIP`). */
export function normalizeAddress(address: string): { address: string; family: 'ipv4' | 'ipv6' } | null {
  const bare = String(address)
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 0) return null;
  return { address: bare.toLowerCase(), family: version === 4 ? 'ipv4' : 'ipv6' };
}

/**
 * The IPv4 addresses an IPv6 address carries, by which it must be judged: IPv4-mapped
 * (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`, except `::` and `::1`), IPv4-translated
 * (`::ffff:0:a.b.c.d`, RFC 6145) and NAT64 (`64:ff9b::/96`, RFC 6052; `64:ff9b:1::/48`, RFC 8215,
 * read in every RFC 6052 layout its prefix allows). Empty for an IPv4 address or a plain IPv6 one.
 */
export function embeddedIpv4(address: string): ipaddr.IPv4[] {
  const normal = normalizeAddress(address);
  if (normal === null || normal.family === 'ipv4') return [];
  const ip = ipaddr.IPv6.parse(normal.address);
  const parts = ip.parts;
  const bytes = ip.toByteArray();
  const last32 = () => new ipaddr.IPv4(bytes.slice(12, 16));
  const zeroUpTo = (end: number) => parts.slice(0, end).every((part) => part === 0);
  if (zeroUpTo(5) && parts[5] === 0xffff) return [last32()];
  if (zeroUpTo(6) && (parts[6] !== 0 || parts[7] > 1)) return [last32()];
  if (zeroUpTo(4) && parts[4] === 0xffff && parts[5] === 0) return [last32()];
  if (ip.match(NAT64_WELL_KNOWN)) return [last32()];
  if (ip.match(NAT64_LOCAL_USE)) return [...nat64Layouts(bytes), last32()];
  return [];
}

/**
 * The IPv4 address of a NAT64 address in the RFC 6052 layouts with a /48, /56 or /64 prefix: the
 * 32 bits sit around the reserved octet 8 (which must be zero) and the suffix after them is zero.
 */
function nat64Layouts(bytes: number[]): ipaddr.IPv4[] {
  if (bytes[8] !== 0) return [];
  const layouts: Array<[number[], number]> = [
    [[6, 7, 9, 10], 11],
    [[7, 9, 10, 11], 12],
    [[9, 10, 11, 12], 13],
  ];
  return layouts
    .filter(([, suffixStart]) => bytes.slice(suffixStart).every((byte) => byte === 0))
    .map(([at]) => new ipaddr.IPv4(at.map((index) => bytes[index])));
}

/**
 * The category of an IP address; `null` when it is not an IP address. IPv6 forms that carry an
 * IPv4 address ({@link embeddedIpv4}) are classified by it: `::7f00:1`, `::ffff:0:7f00:1` and
 * `64:ff9b::7f00:1` are loopback, `64:ff9b::a00:1` private, `64:ff9b::808:808` public.
 */
export function classifyAddress(address: string): AddressCategory | null {
  const normal = normalizeAddress(address);
  if (!normal) return null;
  const embedded = embeddedIpv4(normal.address);
  if (embedded.length === 0) return categoryOf(ipaddr.parse(normal.address));
  return embedded.map(categoryOf).find((category) => category !== 'public') ?? 'public';
}

function categoryOf(ip: ipaddr.IPv4 | ipaddr.IPv6): AddressCategory {
  return CATEGORY_OF_RANGE[ip.range()] ?? 'reserved';
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
    if (
      !normal ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > max ||
      (prefixText !== undefined && !/^\d+$/.test(prefixText))
    ) {
      problems.push(`${JSON.stringify(cidr)} is not an IPv4/IPv6 address or CIDR`);
      continue;
    }
    list.addSubnet(normal.address, prefix, normal.family);
  }
  return { list, problems };
}

/**
 * True when `address` lies in one of the networks of `list`, as written or by the IPv4 address
 * it carries (so `127.0.0.0/8` also allows `::ffff:7f00:1`, `::7f00:1` and `64:ff9b::7f00:1`).
 * BlockList itself matches IPv4 rules against IPv4-mapped addresses only.
 */
export function isInNetworks(list: BlockList, address: string): boolean {
  const normal = normalizeAddress(address);
  if (normal === null) return false;
  if (list.check(normal.address, normal.family)) return true;
  const embedded = embeddedIpv4(normal.address);
  return embedded.length > 0 && embedded.every((ip) => list.check(ip.toString(), 'ipv4'));
}
