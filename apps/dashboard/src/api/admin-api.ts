import type {
  Activation,
  Activity,
  FailedCall,
  Page,
  ProbeResult,
  SaasRegistration,
  SaasStoreInput,
  SecurityEventPage,
  SecurityEventQuery,
  ServiceInfo,
  Store,
  StoreCounts,
  StoreDetail,
  StoreQuery,
} from './types';

/** An admin API error: the HTTP status (0 when unreachable), the API's code, its hint and details. */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null = null,
    readonly hint: string | null = null,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
    this.name = 'AdminApiError';
  }

  /** The problem of each bad field of a refused request (`details.problems`), or the refused field (`details.field`). */
  fieldProblems(): Record<string, string> {
    const problems = this.details?.['problems'];
    if (problems && typeof problems === 'object') return problems as Record<string, string>;
    const field = this.details?.['field'];
    return typeof field === 'string' ? { [field]: this.message } : {};
  }
}

/** A thin client of the integration service's admin API; `fetch` is injected for tests. */
export interface AdminApi {
  listStores(query: StoreQuery): Promise<Page<Store>>;
  getStore(id: string): Promise<StoreDetail>;
  getActivations(id: string): Promise<Activation[]>;
  getFailedCalls(id: string): Promise<FailedCall[]>;
  getActivity(days: number): Promise<Activity>;
  /** How many stores there are, in all and per status (one query on the server). */
  getStoreCounts(): Promise<StoreCounts>;
  /** The security log, newest first, with the counts per type of the last 24 hours. */
  listSecurityEvents(query: SecurityEventQuery): Promise<SecurityEventPage>;
  /** The refused activation callbacks only (`/api/rejected-callbacks`), newest first. */
  listRejectedCallbacks(query: Omit<SecurityEventQuery, 'type'>): Promise<SecurityEventPage>;
  probeStore(id: string): Promise<ProbeResult>;
  markForReauth(id: string): Promise<Store>;
  /** Registers an Adobe Commerce as a Cloud Service store with its IMS credential (the same URL again replaces it) and probes it. */
  registerSaasStore(input: SaasStoreInput): Promise<SaasRegistration>;
  revokeStore(id: string): Promise<Store>;
  /** The service's name and version (shown in the header). */
  getService(): Promise<ServiceInfo>;
  /** Resolves when the token is accepted. */
  checkToken(): Promise<void>;
}

interface ErrorBody {
  error?: { code?: string; message?: string; hint?: string; details?: Record<string, unknown> };
}

/** Builds the client for one bearer token. `baseUrl` is where `/api` lives (default: this origin). */
export function createAdminApi(
  token: string,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  baseUrl = '',
): AdminApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      response = await fetchImpl(`${baseUrl}/api${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new AdminApiError(
        'The integration service cannot be reached. Check that it is running and that this page was opened from it.',
        0,
      );
    }
    const answer = await readJson(response);
    if (response.status === 401) {
      throw new AdminApiError(
        'This API token is not valid (or was revoked).',
        401,
        'UNAUTHORIZED',
        'Create a token on the server with `npx magekit tokens create --name <name>` (add `--app <app>` for a generated app), or use the one printed at first start.',
      );
    }
    if (!response.ok) {
      const error = (answer as ErrorBody | undefined)?.error;
      throw new AdminApiError(
        error?.message ?? `The service answered HTTP ${response.status}.`,
        response.status,
        error?.code ?? null,
        error?.hint ?? null,
        error?.details ?? null,
      );
    }
    return answer as T;
  }
  const id = (value: string) => encodeURIComponent(value);
  return {
    listStores: (query) => call('GET', `/stores?${encodeQuery(query)}`),
    getStore: (store) => call('GET', `/stores/${id(store)}`),
    getActivations: (store) => call('GET', `/stores/${id(store)}/activations`),
    getFailedCalls: (store) => call('GET', `/stores/${id(store)}/failed-calls`),
    getActivity: (days) => call('GET', `/stats/activity?days=${days}`),
    getStoreCounts: () => call('GET', '/stats/stores'),
    listSecurityEvents: (query) => call('GET', `/security-events?${encodeQuery(query)}`),
    listRejectedCallbacks: (query) => call('GET', `/rejected-callbacks?${encodeQuery(query)}`),
    probeStore: (store) => call('POST', `/stores/${id(store)}/probe`),
    markForReauth: (store) => call('POST', `/stores/${id(store)}/reauth`),
    registerSaasStore: (input) => call('POST', '/stores/saas', input),
    revokeStore: (store) => call('POST', `/stores/${id(store)}/revoke`),
    getService: () => call('GET', '/service'),
    checkToken: async () => void (await call('GET', '/stores?pageSize=1')),
  };
}

/** The query string of a list request (empty values left out). */
export function encodeQuery(query: StoreQuery | SecurityEventQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, String(value));
  return params.toString();
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
