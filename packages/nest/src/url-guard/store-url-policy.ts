import type { BlockList } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { buildNetworkList } from './ip-ranges';

/** One resolved address. */
export interface LookupAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves every address of a host name (default: `dns.lookup(host, { all: true })`). Injected in tests. */
export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

/** The real resolver, used only as a default value. */
export const systemLookup: LookupAll = async (hostname) => (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));

/** Which store URLs the app will talk to (configuration `storeUrl`). */
export interface StoreUrlOptions {
  /** Accept `http://` store URLs (development only); default false. */
  allowHttp?: boolean;
  /**
   * Networks (CIDR or single addresses) allowed although private, loopback, link-local or
   * unique-local, e.g. `['127.0.0.1/32']` for a sandbox store on this machine. Default none.
   */
  allowedNetworks?: string[];
  /** DNS resolution timeout; default 3000 ms. */
  dnsTimeoutMs?: number;
}

/** {@link StoreUrlOptions} checked and compiled. */
export interface StoreUrlPolicy {
  allowHttp: boolean;
  allowed: BlockList;
  allowedNetworks: readonly string[];
  dnsTimeoutMs: number;
  /** The hint of a refusal, naming the settings as the app calls them. */
  hint: string;
}

/** The refusal hint for settings named `allowHttp` and `allowedNetworks`. */
export function storeUrlHint(names: { allowHttp: string; allowedNetworks: string } = { allowHttp: 'storeUrl.allowHttp: true', allowedNetworks: 'storeUrl.allowedNetworks' }): string {
  return `Magento sends its own store_base_url; it must be a public https URL. For a development store on this machine or a private network set ${names.allowHttp} and add its network to ${names.allowedNetworks}.`;
}

/** Lists every problem of `options` (prefixed with `path`). */
export function findStoreUrlProblems(options: StoreUrlOptions | undefined, path = 'storeUrl'): string[] {
  const problems: string[] = [];
  if (options === undefined) return problems;
  if (options === null || typeof options !== 'object') return [`${path} must be an object`];
  if (options.allowHttp !== undefined && typeof options.allowHttp !== 'boolean') problems.push(`${path}.allowHttp must be a boolean`);
  if (options.allowedNetworks !== undefined && !Array.isArray(options.allowedNetworks)) problems.push(`${path}.allowedNetworks must be an array of CIDR strings`);
  else problems.push(...buildNetworkList(options.allowedNetworks ?? []).problems.map((problem) => `${path}.allowedNetworks: ${problem}`));
  const timeout = options.dnsTimeoutMs;
  if (timeout !== undefined && (!Number.isInteger(timeout) || timeout <= 0)) problems.push(`${path}.dnsTimeoutMs must be a positive integer`);
  return problems;
}

/** Compiles validated {@link StoreUrlOptions}. */
export function createStoreUrlPolicy(options: StoreUrlOptions = {}, hint: string = storeUrlHint()): StoreUrlPolicy {
  const allowedNetworks = options.allowedNetworks ?? [];
  return { allowHttp: options.allowHttp ?? false, allowed: buildNetworkList(allowedNetworks).list, allowedNetworks, dnsTimeoutMs: options.dnsTimeoutMs ?? 3000, hint };
}
