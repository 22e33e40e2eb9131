import { AdminApiError, type AdminApi } from '../api/admin-api';
import type {
  Activation,
  Activity,
  FailedCall,
  SaasRegistration,
  SaasStoreInput,
  SecurityEvent,
  SecurityEventPage,
  SecurityEventQuery,
  SecurityEventType,
  ServiceInfo,
  Store,
  StoreDetail,
  StoreQuery,
} from '../api/types';

/** A store as the admin API lists it. */
export function makeStore(i: number, patch: Partial<Store> = {}): Store {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    tenant: 'acme',
    authKind: 'oauth1',
    edition: 'paas',
    consumerKey: `ck${String(i).padStart(30, '0')}`,
    ims: null,
    storeBaseUrl: `https://shop${i}.example.com/`,
    status: 'active',
    statusCode: null,
    statusReason: null,
    statusHint: null,
    signatureProfile: 'latest',
    hasAccessToken: true,
    vendorAccount: null,
    facts: {
      storeViews: [
        {
          id: 1,
          code: 'default',
          websiteId: 1,
          locale: 'en_US',
          baseCurrency: 'USD',
          timezone: 'UTC',
          baseUrl: null,
          secureBaseUrl: null,
        },
      ],
      baseUrls: [],
      probePath: '/V1/store/storeConfigs',
    },
    activatedAt: '2026-11-20T10:00:00.000Z',
    lastProbedAt: '2026-11-22T09:00:00.000Z',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-22T09:00:00.000Z',
    ...patch,
  };
}

/** An Adobe Commerce as a Cloud Service store registered with an IMS credential. */
export function makeSaasStore(i: number, patch: Partial<Store> = {}): Store {
  return makeStore(i, {
    authKind: 'ims',
    edition: 'saas',
    consumerKey: null,
    storeBaseUrl: `https://na1.api.commerce.adobe.com/Tenant${i}/`,
    ims: {
      clientId: `client${String(i).padStart(26, '0')}`,
      orgId: '0123456789ABCDEF01234567@AdobeOrg',
      scopes: ['AdobeID', 'openid', 'commerce.accs'],
      tokenUrl: 'https://ims-na1.adobelogin.com/ims/token/v3',
    },
    ...patch,
  });
}

/** The detail of a store: token health from its last probe, required resources. */
export function makeDetail(store: Store, patch: Partial<StoreDetail> = {}): StoreDetail {
  return {
    ...store,
    tokenHealth: {
      state: 'ok',
      checkedAt: store.lastProbedAt,
      code: null,
      message: 'Probe ok: 1 store view(s).',
      hint: null,
    },
    resources: {
      checkedAt: store.lastProbedAt,
      items: [
        {
          id: 'Magento_Catalog::products',
          title: 'Products',
          breadcrumb: 'Magento Admin > Catalog > Inventory > Products',
          state: 'allowed',
          route: 'GET /V1/products',
          status: 200,
          detail: null,
        },
        {
          id: 'Magento_Sales::actions_view',
          title: 'View',
          breadcrumb: 'Magento Admin > Sales > Operations > Orders > Actions > View',
          state: 'refused',
          route: 'GET /V1/orders',
          status: 401,
          detail: "The consumer isn't authorized to access Magento_Sales::actions_view.",
        },
      ],
    },
    ...patch,
  };
}

const at = (seconds: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, seconds)).toISOString();

/** An activation that went all the way to active. */
export function makeActivation(patch: Partial<Activation> = {}): Activation {
  return {
    id: 'a1',
    state: 'active',
    attempts: 0,
    failureCode: null,
    failureReason: null,
    failureHint: null,
    windowEndsAt: at(300),
    createdAt: at(0),
    updatedAt: at(3),
    events: [
      {
        position: 0,
        type: 'callback_received',
        message: 'Callback from https://shop.example.com/ for tenant acme.',
        code: null,
        hint: null,
        occurredAt: at(0),
      },
      {
        position: 1,
        type: 'request_token',
        message: 'Magento issued a request token.',
        code: null,
        hint: null,
        occurredAt: at(1),
      },
      {
        position: 2,
        type: 'access_token',
        message: 'Magento issued the access token; the integration is active in Magento.',
        code: null,
        hint: null,
        occurredAt: at(2),
      },
      {
        position: 3,
        type: 'active',
        message: 'The access token works (/V1/store/storeConfigs: 1 store view(s)).',
        code: null,
        hint: null,
        occurredAt: at(3),
      },
    ],
    ...patch,
  };
}

/** A security event `i` minutes before 2026-11-22 12:00 UTC (a refused callback unless patched). */
export function makeSecurityEvent(i: number, patch: Partial<SecurityEvent> = {}): SecurityEvent {
  return {
    id: `5ec00000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    type: 'callback_rejected',
    code: 'CALLBACK_MISMATCH',
    tenant: 'acme',
    storeId: null,
    storeExists: false,
    consumerKey: `ck${String(i).padStart(30, '0')}`,
    storeBaseUrl: `https://shop${i}.example.com/`,
    sourceAddress: '203.0.113.9',
    message:
      'This callback names a consumer key the service already holds, with a different consumer secret; nothing was changed.',
    occurredAt: new Date(Date.UTC(2026, 10, 22, 12, 0) - i * 60_000).toISOString(),
    ...patch,
  };
}

const SECURITY_TYPES: SecurityEventType[] = [
  'callback_rejected',
  'store_moved',
  'pending_expired',
  'sign_in_throttled',
];

/** The fake's answer to a security-events query: newest first, filtered, paged; every event counted. */
function answerSecurityQuery(events: SecurityEvent[], query: SecurityEventQuery): SecurityEventPage {
  const newestFirst = [...events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  const scoped = newestFirst.filter((event) => !query.storeId || event.storeId === query.storeId);
  const items = scoped
    .filter((event) => (!query.type || event.type === query.type) && (!query.before || event.occurredAt < query.before))
    .slice(0, query.limit ?? 50);
  const counts = Object.fromEntries(
    SECURITY_TYPES.map((type) => [type, scoped.filter((event) => event.type === type).length]),
  ) as SecurityEventPage['counts'];
  return { items, counts };
}

export interface FakeApiOptions {
  /** The only token `checkToken` accepts (any when unset). */
  token?: string;
  details?: Record<string, StoreDetail>;
  activations?: Record<string, Activation[]>;
  failedCalls?: Record<string, FailedCall[]>;
  activity?: Activity;
  /** The security log (newest first whatever the order given); counts include every event given. */
  securityEvents?: SecurityEvent[];
  /** Makes only `listSecurityEvents` fail. */
  securityFailWith?: Error;
  failWith?: Error;
  /** What `GET /api/service` answers (default the main service's name). */
  service?: ServiceInfo;
  /** Answers `registerSaasStore` (default: a new active SaaS store, added to the list). */
  registerSaas?: (input: SaasStoreInput) => Promise<SaasRegistration>;
}

/** An in-memory admin API over a list of stores; records the calls made. */
export function createFakeApi(stores: Store[], options: FakeApiOptions = {}) {
  const calls: string[] = [];
  const find = (id: string) => {
    const store = stores.find((s) => s.id === id);
    if (!store) throw new AdminApiError(`No store with id "${id}".`, 404, 'STORE_NOT_FOUND');
    return store;
  };
  const api: AdminApi = {
    async listStores(query: StoreQuery) {
      calls.push(`list ${JSON.stringify(query)}`);
      if (options.failWith) throw options.failWith;
      const search = (query.search ?? '').toLowerCase();
      const matching = stores.filter(
        (s) =>
          (!query.status || s.status === query.status) &&
          (!search || s.storeBaseUrl.toLowerCase().includes(search) || (s.consumerKey ?? '').includes(search)),
      );
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
    },
    async getStore(id) {
      calls.push(`get ${id}`);
      return options.details?.[id] ?? makeDetail(find(id));
    },
    async getActivations(id) {
      find(id);
      return options.activations?.[id] ?? [makeActivation()];
    },
    async getFailedCalls(id) {
      find(id);
      return options.failedCalls?.[id] ?? [];
    },
    async getActivity(days) {
      return options.activity ?? { days, points: [] };
    },
    async getStoreCounts() {
      calls.push('counts');
      if (options.failWith) throw options.failWith;
      const byStatus = { activating: 0, active: 0, failed: 0, needs_reauth: 0, revoked: 0 };
      for (const store of stores) byStatus[store.status] += 1;
      return { total: stores.length, byStatus };
    },
    async listSecurityEvents(query) {
      calls.push(`security ${JSON.stringify(query)}`);
      if (options.securityFailWith) throw options.securityFailWith;
      return answerSecurityQuery(options.securityEvents ?? [], query);
    },
    async listRejectedCallbacks(query) {
      calls.push(`rejected ${JSON.stringify(query)}`);
      if (options.securityFailWith) throw options.securityFailWith;
      return answerSecurityQuery(options.securityEvents ?? [], { ...query, type: 'callback_rejected' });
    },
    async probeStore(id) {
      calls.push(`probe ${id}`);
      return { outcome: 'ok', store: find(id) };
    },
    async registerSaasStore(input) {
      calls.push(`register ${JSON.stringify({ ...input, clientSecret: '(secret)' })}`);
      if (options.registerSaas) return options.registerSaas(input);
      const store = makeSaasStore(stores.length + 1, {
        storeBaseUrl: input.url,
        ims: {
          clientId: input.clientId,
          orgId: input.orgId,
          scopes: input.scopes ?? ['commerce.accs'],
          tokenUrl: input.tokenUrl ?? 'https://ims-na1.adobelogin.com/ims/token/v3',
        },
      });
      stores.push(store);
      return { created: true, outcome: 'ok', store: makeDetail(store) };
    },
    async markForReauth(id) {
      calls.push(`reauth ${id}`);
      return find(id);
    },
    async revokeStore(id) {
      calls.push(`revoke ${id}`);
      return find(id);
    },
    async getService() {
      return options.service ?? { name: 'magekit integration service', version: '0.1.0' };
    },
    async checkToken() {
      calls.push('check');
      if (options.token !== undefined && options.token !== 'good-token')
        throw new AdminApiError(
          'This API token is not valid (or was revoked).',
          401,
          'UNAUTHORIZED',
          'Create a token with `npx magekit tokens create --name <name>`.',
        );
    },
  };
  return { api, calls };
}
