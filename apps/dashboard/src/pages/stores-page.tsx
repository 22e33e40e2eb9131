import { useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import type { StoreStatus } from '../api/types';
import { ActivityChart } from '../components/activity-chart';
import { StoresTable } from '../components/stores-table';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { STATUS_LABELS } from '../lib/format';
import { useAsync } from '../lib/use-async';

const PAGE_SIZE = 25;

export function StoresPage({ api }: { api: AdminApi }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<StoreStatus | ''>('');
  const [page, setPage] = useState(1);
  const stores = useAsync(() => api.listStores({ q, status, page, pageSize: PAGE_SIZE }), [api, q, status, page]);
  const activity = useAsync(() => api.getActivity(30), [api]);
  const filtered = q !== '' || status !== '';
  return (
    <section aria-labelledby="stores-title">
      <div className="page-head">
        <h1 id="stores-title">Stores</h1>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="visually-hidden" htmlFor="store-search">Search stores</label>
          <input id="store-search" type="search" placeholder="Search by URL or store view" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} />
          <label className="visually-hidden" htmlFor="status-filter">Filter by status</label>
          <select id="status-filter" value={status} onChange={(e) => { setStatus(e.target.value as StoreStatus | ''); setPage(1); }}>
            <option value="">All statuses</option>
            {Object.entries(STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </form>
      </div>
      {activity.status === 'ready' && activity.data.length > 0 && <ActivityChart points={activity.data} />}
      {stores.status === 'loading' && <Loading label="Loading stores…" />}
      {stores.status === 'error' && <ErrorState error={stores.error} onRetry={stores.reload} />}
      {stores.status === 'ready' && stores.data.total === 0 && !filtered && (
        <EmptyState title="No stores yet">
          <p>When a merchant clicks <em>Activate</em> on your integration in their Magento admin, the store appears here.</p>
          <p>Give merchants the Callback URL and Identity link URL printed by the service at start-up (System › Extensions › Integrations › Add New Integration).</p>
        </EmptyState>
      )}
      {stores.status === 'ready' && stores.data.total === 0 && filtered && (
        <EmptyState title="No store matches">
          <p>Try another search or <button type="button" className="link" onClick={() => { setQ(''); setStatus(''); }}>clear the filters</button>.</p>
        </EmptyState>
      )}
      {stores.status === 'ready' && stores.data.total > 0 && <StoresTable page={stores.data} onPage={setPage} />}
    </section>
  );
}
