/**
 * The requests the dashboard's stores page sends (apps/dashboard/src/pages/stores-page.tsx and its
 * components): the list (`search`, `status`, `page`, `pageSize=25`, in `encodeQuery`'s order), the
 * counts per status, the activity chart and the refused callbacks; with a mix of filters and search
 * terms drawn from the seeded stores.
 */
import type { SeededStore } from '../lib/seed-stores';
import type { RequestCase } from './latency';

const PAGE_SIZE = 25;
const STATUSES = ['active', 'activating', 'needs_reauth', 'failed', 'revoked'];

/** `encodeQuery` of the dashboard: empty values left out, keys in the order the page builds them. */
function listPath(query: { search?: string; status?: string; page?: number }): string {
  const params = new URLSearchParams();
  if (query.search) params.set('search', query.search);
  if (query.status) params.set('status', query.status);
  params.set('page', String(query.page ?? 1));
  params.set('pageSize', String(PAGE_SIZE));
  return `/api/stores?${params.toString()}`;
}

/** Every `step`-th seeded store, `count` of them. */
function sample(stores: readonly SeededStore[], count: number): SeededStore[] {
  const step = Math.max(1, Math.floor(stores.length / count));
  return Array.from({ length: count }, (_, i) => stores[(i * step + 7) % stores.length]);
}

/** A host fragment an operator would type: `outlet-00412` of `https://outlet-00412.example.net/`. */
function hostFragment(store: SeededStore): string {
  const host = new URL(store.storeBaseUrl).hostname.replace(/^www\./, '');
  return host.split('.')[0];
}

export function buildListCases(stores: readonly SeededStore[]): RequestCase[] {
  const picked = sample(stores, 40);
  const withKeys = picked.filter((store) => store.consumerKey !== null);
  return [
    { name: 'first page, all stores', list: true, paths: [listPath({})] },
    { name: 'status filter', list: true, paths: STATUSES.map((status) => listPath({ status })) },
    {
      name: 'later pages (2-200)',
      list: true,
      paths: Array.from({ length: 40 }, (_, i) => listPath({ page: 2 + i * 5 })),
    },
    {
      name: 'search: a host (few matches)',
      list: true,
      paths: picked.map((store) => listPath({ search: hostFragment(store) })),
    },
    {
      name: 'search: a consumer key prefix',
      list: true,
      paths: withKeys.map((store) => listPath({ search: (store.consumerKey ?? '').slice(0, 10) })),
    },
    {
      name: 'search: common words',
      list: true,
      paths: ['outlet', 'example.net', 'acme', 'index.php', 'magento', 'store'].map((search) => listPath({ search })),
    },
    {
      name: 'search + status',
      list: true,
      paths: STATUSES.flatMap((status) => ['shop', 'wear-0', 'globex'].map((search) => listPath({ search, status }))),
    },
    {
      name: 'search: no match',
      list: true,
      paths: ['no-such-shop', 'zzzzzz', 'shop-99999x'].map((search) => listPath({ search })),
    },
    { name: 'counts per status', list: true, paths: ['/api/stats/stores'] },
    { name: 'activity (30 days)', list: false, paths: ['/api/stats/activity?days=30'] },
    { name: 'refused callbacks', list: false, paths: ['/api/rejected-callbacks?limit=5'] },
  ];
}
