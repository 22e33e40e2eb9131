import { isIP } from 'node:net';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { classifyAddress, isInNetworks } from './ip-ranges';
import type { LookupAddress, LookupAll, StoreUrlPolicy } from './store-url-policy';

/** A store URL that passed the guard, with the addresses it was resolved to. */
export interface CheckedStoreUrl {
  url: URL;
  addresses: LookupAddress[];
}

/**
 * The store-URL guard (docs/architecture.md §3, step 3): `https` unless `allowHttp`, no credentials, and every
 * address the host resolves to must be public (not loopback, private, link-local, unique-local,
 * multicast or reserved) unless it lies in `allowedNetworks`.
 *
 * @throws MagentoIntegrationError `STORE_URL_REFUSED` saying which rule refused the URL.
 */
export async function checkStoreUrl(raw: string, policy: StoreUrlPolicy, lookup: LookupAll): Promise<CheckedStoreUrl> {
  const url = parseStoreUrl(raw, policy);
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(hostname)
    ? [{ address: hostname, family: isIP(hostname) as 4 | 6 }]
    : await resolve(hostname, lookup, policy);
  checkAddresses(hostname, addresses, policy);
  return { url, addresses };
}

/**
 * Checks resolved addresses against the policy (used again at connect time by the guarded fetch).
 *
 * @throws MagentoIntegrationError `STORE_URL_REFUSED`
 */
export function checkAddresses(hostname: string, addresses: readonly LookupAddress[], policy: StoreUrlPolicy): void {
  if (addresses.length === 0) refuse(policy, `${hostname} did not resolve to any address`);
  for (const { address } of addresses) {
    if (isInNetworks(policy.allowed, address)) continue;
    const category = classifyAddress(address);
    if (category === null)
      refuse(policy, `${hostname} resolved to ${JSON.stringify(address)}, which is not an IP address`);
    if (category !== 'public')
      refuse(policy, `${hostname} resolves to ${address}, a ${category} address`, { address, category });
  }
}

function parseStoreUrl(raw: string, policy: StoreUrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse(policy, `${JSON.stringify(String(raw).slice(0, 200))} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    refuse(policy, `the scheme ${url.protocol} is not http(s)`);
  if (url.protocol === 'http:' && !policy.allowHttp) refuse(policy, `${url.origin} is not https`);
  if (url.username || url.password) refuse(policy, 'the URL carries credentials');
  if (!url.hostname) refuse(policy, 'the URL has no host');
  return url;
}

async function resolve(hostname: string, lookup: LookupAll, policy: StoreUrlPolicy): Promise<LookupAddress[]> {
  const timeoutMs = policy.dnsTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new MagentoIntegrationError(`Resolving ${hostname} took longer than ${timeoutMs} ms.`, 'STORE_URL_REFUSED', {
            hint: policy.hint,
          }),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([lookup(hostname), timeout]);
  } catch (cause) {
    if (cause instanceof MagentoIntegrationError) throw cause;
    const code = (cause as { code?: string })?.code ?? String(cause);
    return refuse(policy, `${hostname} could not be resolved (${code})`, undefined, cause);
  } finally {
    clearTimeout(timer);
  }
}

function refuse(
  policy: Pick<StoreUrlPolicy, 'hint'>,
  problem: string,
  details?: Record<string, unknown>,
  cause?: unknown,
): never {
  throw new MagentoIntegrationError(`Store URL refused: ${problem}.`, 'STORE_URL_REFUSED', {
    hint: policy.hint,
    details,
    cause,
  });
}
