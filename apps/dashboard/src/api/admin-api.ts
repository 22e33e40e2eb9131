import type { ActivityPoint, Page, StoreDetail, StoreQuery, StoreSummary } from './types';

/** An admin API error with the HTTP status and the server's message. */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }
}

/** A thin client of the integration app's admin API; `fetch` is injected for tests. */
export interface AdminApi {
  listStores(query: StoreQuery): Promise<Page<StoreSummary>>;
  getStore(id: string): Promise<StoreDetail>;
  getActivity(days: number): Promise<ActivityPoint[]>;
  probeStore(id: string): Promise<void>;
  markForReauth(id: string): Promise<void>;
  revokeStore(id: string): Promise<void>;
  checkToken(): Promise<void>;
}

export function createAdminApi(token: string, fetchImpl: typeof fetch = (...args) => fetch(...args), baseUrl = ''): AdminApi {
  async function call<T>(method: string, path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    } catch {
      throw new AdminApiError('The integration service cannot be reached. Is it running?', 0);
    }
    if (response.status === 401) throw new AdminApiError('This API token is not valid (anymore). Create one with `npx magekit tokens create`.', 401);
    const text = await response.text();
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const message = (body as { message?: string } | undefined)?.message ?? `The service answered ${response.status}.`;
      throw new AdminApiError(message, response.status);
    }
    return body as T;
  }
  const encode = (query: StoreQuery) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
    return params.toString();
  };
  return {
    listStores: (query) => call('GET', `/stores?${encode(query)}`),
    getStore: (id) => call('GET', `/stores/${encodeURIComponent(id)}`),
    getActivity: (days) => call('GET', `/stats/activity?days=${days}`),
    probeStore: (id) => call('POST', `/stores/${encodeURIComponent(id)}/probe`),
    markForReauth: (id) => call('POST', `/stores/${encodeURIComponent(id)}/reauth`),
    revokeStore: (id) => call('POST', `/stores/${encodeURIComponent(id)}/revoke`),
    checkToken: () => call('GET', '/stores?pageSize=1'),
  };
}
