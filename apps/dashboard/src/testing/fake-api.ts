import { AdminApiError, type AdminApi } from '../api/admin-api';
import type { ActivityPoint, StoreDetail, StoreQuery, StoreSummary } from '../api/types';

export function makeStore(i: number, patch: Partial<StoreSummary> = {}): StoreSummary {
  return {
    id: `store-${i}`,
    baseUrl: `https://shop${i}.example.com/`,
    status: 'active',
    storeViews: [{ code: 'default', name: 'Default Store View' }],
    magentoVersion: '2.4.7',
    activatedAt: '2026-11-20T10:00:00.000Z',
    lastProbeAt: '2026-11-22T09:00:00.000Z',
    lastError: null,
    ...patch,
  };
}

export function makeDetail(store: StoreSummary, patch: Partial<StoreDetail> = {}): StoreDetail {
  return {
    ...store,
    consumerKeyHint: 'abcd…wxyz',
    tokenHealth: { ok: true, checkedAt: store.lastProbeAt, message: null },
    grantedResources: ['Magento_Catalog::products'],
    requiredResources: [
      { id: 'Magento_Catalog::products', title: 'Products', granted: true },
      { id: 'Magento_Sales::sales', title: 'Operations', granted: false },
    ],
    timeline: [
      { at: '2026-11-20T10:00:00.000Z', type: 'callback_received', ok: true, message: null, hint: null },
      { at: '2026-11-20T10:00:01.000Z', type: 'request_token', ok: true, message: null, hint: null },
      { at: '2026-11-20T10:00:02.000Z', type: 'access_token', ok: true, message: null, hint: null },
      { at: '2026-11-20T10:00:03.000Z', type: 'active', ok: true, message: null, hint: null },
    ],
    failedCalls: [],
    ...patch,
  };
}

/** An in-memory admin API over a list of stores; records calls. */
export function createFakeApi(stores: StoreSummary[], options: { token?: string; details?: Record<string, StoreDetail>; activity?: ActivityPoint[]; failWith?: Error } = {}) {
  const calls: string[] = [];
  const api: AdminApi = {
    async listStores(query: StoreQuery) {
      calls.push(`list ${JSON.stringify(query)}`);
      if (options.failWith) throw options.failWith;
      const q = (query.q ?? '').toLowerCase();
      const matching = stores.filter((s) => (!query.status || s.status === query.status) && (!q || s.baseUrl.includes(q)));
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
    },
    async getStore(id) {
      calls.push(`get ${id}`);
      const store = stores.find((s) => s.id === id);
      if (!store) throw new AdminApiError('Store not found', 404);
      return options.details?.[id] ?? makeDetail(store);
    },
    async getActivity() {
      return options.activity ?? [];
    },
    async probeStore(id) {
      calls.push(`probe ${id}`);
    },
    async markForReauth(id) {
      calls.push(`reauth ${id}`);
    },
    async revokeStore(id) {
      calls.push(`revoke ${id}`);
    },
    async checkToken() {
      calls.push('check');
      if (options.token !== undefined && options.token !== 'good') throw new AdminApiError('This API token is not valid (anymore).', 401);
    },
  };
  return { api, calls };
}
