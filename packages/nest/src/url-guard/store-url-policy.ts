import type { BlockList } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { z } from 'zod';
import { group, integer, listEntry, listOptionProblems } from '../config/option-schema';
import { buildNetworkList } from './ip-ranges';

/** One resolved address. */
export interface LookupAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves every address of a host name (default: `dns.lookup(host, { all: true })`). Injected in tests. */
export type LookupAll = (hostname: string) => Promise<LookupAddress[]>;

/** The real resolver, used only as a default value. */
export const systemLookup: LookupAll = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((entry) => ({
    address: entry.address,
    family: entry.family === 6 ? 6 : 4,
  }));

/** Which store URLs the app will talk to (configuration `storeUrl`); the defaults are filled by {@link createStoreUrlPolicy}. */
export const storeUrlOptionsSchema = group({
  /** Accept `http://` store URLs (development only); default false. */
  allowHttp: z.boolean({ message: 'must be a boolean' }).optional(),
  /**
   * Networks (CIDR or single addresses) allowed although private, loopback, link-local or
   * unique-local, e.g. `['127.0.0.1/32']` for a sandbox store on this machine. Default none.
   */
  allowedNetworks: z
    .array(
      listEntry((cidr) => buildNetworkList([cidr]).problems[0] ?? null),
      { message: 'must be an array of CIDR strings' },
    )
    .optional(),
  /** DNS resolution timeout; default 3000 ms. */
  dnsTimeoutMs: integer(1, 'must be a positive integer').optional(),
});

/** Which store URLs the app will talk to (see {@link storeUrlOptionsSchema}). */
export type StoreUrlOptions = z.input<typeof storeUrlOptionsSchema>;

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
export function storeUrlHint(
  names: { allowHttp: string; allowedNetworks: string } = {
    allowHttp: 'storeUrl.allowHttp: true',
    allowedNetworks: 'storeUrl.allowedNetworks',
  },
): string {
  return `Magento sends its own store_base_url; it must be a public https URL. For a development store on this machine or a private network set ${names.allowHttp} and add its network to ${names.allowedNetworks}.`;
}

/** Lists every problem of `options` against {@link storeUrlOptionsSchema} (prefixed with `path`); none when unset. */
export function findStoreUrlProblems(options: StoreUrlOptions | undefined, path = 'storeUrl'): string[] {
  const parsed = storeUrlOptionsSchema.optional().safeParse(options, { path: [path] });
  return parsed.success ? [] : listOptionProblems(parsed.error);
}

/** Compiles validated {@link StoreUrlOptions}. */
export function createStoreUrlPolicy(options: StoreUrlOptions = {}, hint: string = storeUrlHint()): StoreUrlPolicy {
  const allowedNetworks = options.allowedNetworks ?? [];
  return {
    allowHttp: options.allowHttp ?? false,
    allowed: buildNetworkList(allowedNetworks).list,
    allowedNetworks,
    dnsTimeoutMs: options.dnsTimeoutMs ?? 3000,
    hint,
  };
}
