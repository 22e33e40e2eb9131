import { useCallback, useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import type { StoreStatus } from '../api/types';
import { ActivityChart } from '../components/activity-chart';
import { RejectedCallbacks } from '../components/rejected-callbacks';
import { SaasStoreForm } from '../components/saas-store-form';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { StatusFilter } from '../components/status-filter';
import { StoresTable } from '../components/stores-table';
import { STATUS_LABELS } from '../lib/format';
import { useAsync, useDebounced, useInterval } from '../lib/use-async';

const PAGE_SIZE = 25;

/** Counts per status from the server, in one request (`GET /api/stats/stores`). */
async function countByStatus(api: AdminApi): Promise<Partial<Record<StoreStatus | 'all', number>>> {
  const counts = await api.getStoreCounts();
  return { all: counts.total, ...counts.byStatus };
}

export function StoresPage({ api }: { api: AdminApi }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StoreStatus | ''>('');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const query = useDebounced(search.trim(), 250);
  const stores = useAsync(
    () => api.listStores({ search: query, status, page, pageSize: PAGE_SIZE }),
    [api, query, status, page],
  );
  const counts = useAsync(() => countByStatus(api), [api]);
  const activity = useAsync(() => api.getActivity(30), [api]);
  const activating =
    (stores.status === 'ready' && stores.data.items.some((store) => store.status === 'activating')) ||
    (counts.status === 'ready' && (counts.data.activating ?? 0) > 0);
  const refresh = useCallback(() => {
    stores.reload();
    counts.reload();
    activity.reload();
  }, [stores.reload, counts.reload, activity.reload]);
  // Quickly while an activation runs, else now and then so that new stores show up.
  useInterval(refresh, activating ? 3000 : 30_000, true);
  const filtered = query !== '' || status !== '';
  const clear = () => {
    setSearch('');
    setStatus('');
    setPage(1);
  };
  return (
    <section aria-labelledby="stores-title" className="page">
      <div className="page-head">
        <h1 id="stores-title">Stores</h1>
        <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
          <label htmlFor="store-search" className="visually-hidden">
            Search stores
          </label>
          <input
            id="store-search"
            type="search"
            placeholder="Search base URL, consumer key, IMS client id or tenant"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
          />
        </form>
        <button
          type="button"
          aria-expanded={adding}
          aria-controls="saas-store"
          onClick={() => setAdding((open) => !open)}
        >
          Add SaaS store
        </button>
      </div>
      {adding && (
        <section id="saas-store" className="panel" aria-label="Add SaaS store">
          <SaasStoreForm api={api} onRegistered={refresh} />
        </section>
      )}
      {activity.status === 'ready' && <ActivityChart activity={activity.data} />}
      <StatusFilter
        value={status}
        counts={counts.status === 'ready' ? counts.data : null}
        onChange={(next) => {
          setStatus(next);
          setPage(1);
        }}
      />
      {stores.status === 'loading' && <Loading label="Loading stores…" />}
      {stores.status === 'error' && (
        <ErrorState title="The stores could not be loaded" error={stores.error} onRetry={stores.reload} />
      )}
      {stores.status === 'ready' && stores.data.total === 0 && !filtered && (
        <EmptyState title="No stores yet">
          <p>
            A store appears here as soon as a merchant clicks <em>Activate</em> on your integration in their Magento
            admin.
          </p>
          <p>
            Give merchants the <strong>Callback URL</strong> and <strong>Identity link URL</strong> this service printed
            at start-up. They enter them under System › Extensions › Integrations › Add New Integration.
          </p>
          <p>
            Adobe Commerce as a Cloud Service has no integrations to activate: add such a store with{' '}
            <strong>Add SaaS store</strong> and its Adobe IMS credential.
          </p>
        </EmptyState>
      )}
      {stores.status === 'ready' && stores.data.total === 0 && filtered && (
        <EmptyState title="No store matches">
          <p>
            Nothing matches {query ? <>“{query}”</> : 'this filter'}
            {status ? <> with status {STATUS_LABELS[status]}</> : null}. Try another search or{' '}
            <button type="button" className="link" onClick={clear}>
              show all stores
            </button>
            .
          </p>
        </EmptyState>
      )}
      {stores.status === 'ready' && stores.data.total > 0 && (
        <StoresTable page={stores.data} onPage={setPage} busy={stores.refreshing} />
      )}
      <RejectedCallbacks api={api} />
    </section>
  );
}
