import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { FetchLike } from '@magekit/client';
import { checkAddresses, checkStoreUrl } from './store-url-guard';
import type { LookupAll, StoreUrlPolicy } from './store-url-policy';

/** Options of {@link createGuardedFetch}. */
export interface GuardedFetchOptions {
  policy: StoreUrlPolicy;
  lookup: LookupAll;
  /** Largest response body accepted; default 32 MiB. */
  maxResponseBytes?: number;
  /**
   * Keep-alive agents to reuse connections through (the module uses `StoreHttpAgents`); default
   * none, a new connection per request. A pooled connection was checked by the guard when it
   * connected, and each new one is checked again.
   */
  agents?: { http: HttpAgent; https: HttpsAgent };
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for talking to stores: every connection goes through the store-URL guard (the
 * address is checked when the socket connects, so a DNS answer that changes after the check
 * cannot send the request elsewhere), redirects are never followed (3xx is returned as is), and
 * bodies are size-capped. Timeouts come from the caller's `signal`.
 */
export function createGuardedFetch(options: GuardedFetchOptions): FetchLike {
  const limit = options.maxResponseBytes ?? 32 * 1024 * 1024;
  return async (input, init) => {
    const { url } = await checkStoreUrl(input, options.policy, options.lookup);
    const https = url.protocol === 'https:';
    const send = https ? httpsRequest : httpRequest;
    const agent = options.agents ? (https ? options.agents.https : options.agents.http) : false;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? Buffer.from(init.body, 'utf8') : null;
    if (body) headers['content-length'] = String(body.length);
    const requestOptions: RequestOptions = {
      method: init.method ?? 'GET',
      headers,
      signal: init.signal ?? undefined,
      lookup: guardedLookup(options),
      agent,
    };
    return new Promise<Response>((resolve, reject) => {
      const req = send(url, requestOptions, (res) => void readResponse(res, limit).then(resolve, reject));
      req.on('error', reject);
      req.end(body ?? undefined);
    });
  };
}

function guardedLookup(options: GuardedFetchOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    options
      .lookup(hostname)
      .then((addresses) => {
        checkAddresses(hostname, addresses, options.policy);
        const wanted =
          lookupOptions.family === 6 || lookupOptions.family === 4
            ? addresses.filter((entry) => entry.family === lookupOptions.family)
            : addresses;
        if (lookupOptions.all) return callback(null, wanted);
        const first = wanted[0] ?? addresses[0];
        callback(null, first.address, first.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, '', 4));
  };
}

async function readResponse(res: IncomingMessage, limit: number): Promise<Response> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.destroy();
      throw new Error(`response body larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  const status = res.statusCode ?? 502;
  return new Response(NULL_BODY.has(status) ? null : Buffer.concat(chunks), {
    status,
    statusText: res.statusMessage,
    headers,
  });
}
