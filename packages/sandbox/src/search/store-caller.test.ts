/**
 * Test helper (not a suite; excluded from the build as `*.test.ts`): REST calls to a running
 * sandbox, signed with the independent test signer as an active integration, or with a bearer token.
 */
import { signForTest, type TestCredentials } from '../test-support/oauth-test-client';
import type { DirectActivation, RunningSandbox } from '../testing';

export interface RestAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
}

/** A call's query, JSON body and store code (`rest/<store>/V1/…`; none: `rest/V1/…`). */
export interface CallOptions {
  query?: string;
  body?: unknown;
  store?: string;
}

export interface StoreCaller {
  call(method: string, path: string, options?: CallOptions): Promise<RestAnswer>;
  get(path: string, query?: string): Promise<RestAnswer>;
}

/** Creates and activates an integration (no endpoint: tokens come back directly) and signs its calls. */
export async function integrationCaller(
  sandbox: RunningSandbox,
  resources: 'all' | string[],
  name = `caller-${Math.random().toString(36).slice(2)}`,
): Promise<StoreCaller> {
  const created = await sandbox.admin.createIntegration({ name, resources });
  const activation = (await sandbox.admin.activate(created.id)) as DirectActivation;
  const creds: TestCredentials = {
    consumerKey: activation.consumer_key,
    consumerSecret: activation.consumer_secret,
    token: activation.access_token,
    tokenSecret: activation.access_token_secret,
  };
  return makeCaller(sandbox, (method, url) => signForTest(method, url, creds));
}

/** Calls with `Authorization: Bearer <token>` (admin or customer JWT). */
export function bearerCaller(sandbox: RunningSandbox, token: string): StoreCaller {
  return makeCaller(sandbox, () => `Bearer ${token}`);
}

function makeCaller(sandbox: RunningSandbox, authorize: (method: string, url: string) => string): StoreCaller {
  const call = async (method: string, path: string, options: CallOptions = {}): Promise<RestAnswer> => {
    const store = options.store === undefined ? '' : `${options.store}/`;
    const url = `${sandbox.baseUrl}rest/${store}V1/${path}${options.query ? `?${options.query}` : ''}`;
    const headers: Record<string, string> = { authorization: authorize(method, url) };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
  };
  return { call, get: (path, query) => call('GET', path, { query }) };
}

/** `searchCriteria[...]` query parameters from `[name, value]` pairs, names given without the prefix. */
export function criteria(...pairs: Array<[string, string | number]>): string {
  return pairs.map(([name, value]) => `searchCriteria${name}=${encodeURIComponent(String(value))}`).join('&');
}

/** One filter group `g` with its filters: `[field, value, conditionType]`. */
export function group(g: number, ...filters: Array<[string, string, string?]>): Array<[string, string]> {
  return filters.flatMap(([field, value, condition], f) => {
    const base = `[filterGroups][${g}][filters][${f}]`;
    const pairs: Array<[string, string]> = [
      [`${base}[field]`, field],
      [`${base}[value]`, value],
    ];
    if (condition !== undefined) pairs.push([`${base}[conditionType]`, condition]);
    return pairs;
  });
}
