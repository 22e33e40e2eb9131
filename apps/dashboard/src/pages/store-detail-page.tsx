import { useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import type { StoreDetail } from '../api/types';
import { FailedCalls } from '../components/failed-calls';
import { ResourceList } from '../components/resource-list';
import { ErrorState, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { Timeline } from '../components/timeline';
import { formatDateTime, formatRelative, hostOf } from '../lib/format';
import { useAsync } from '../lib/use-async';

export function StoreDetailPage({ api, id }: { api: AdminApi; id: string }) {
  const store = useAsync(() => api.getStore(id), [api, id]);
  if (store.status === 'loading') return <Loading label="Loading store…" />;
  if (store.status === 'error') return <ErrorState error={store.error} onRetry={store.reload} />;
  return <StoreDetailView api={api} store={store.data} onChanged={store.reload} />;
}

function StoreDetailView({ api, store, onChanged }: { api: AdminApi; store: StoreDetail; onChanged: () => void }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function act(label: string, action: () => Promise<void>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    try {
      await action();
      setNotice(`${label}: done.`);
      onChanged();
    } catch (error) {
      setNotice(`${label} failed: ${(error as Error).message}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <article aria-labelledby="store-title">
      <p><a href="#/stores">← All stores</a></p>
      <div className="page-head">
        <h1 id="store-title">{hostOf(store.baseUrl)}</h1>
        <StatusBadge status={store.status} />
      </div>
      <dl className="facts">
        <dt>Base URL</dt><dd>{store.baseUrl}</dd>
        <dt>Store views</dt><dd>{store.storeViews.map((v) => `${v.name} (${v.code})`).join(', ') || '—'}</dd>
        <dt>Magento</dt><dd>{store.magentoVersion ?? 'unknown'}</dd>
        <dt>Consumer key</dt><dd><code>{store.consumerKeyHint}</code></dd>
        <dt>Activated</dt><dd>{formatDateTime(store.activatedAt)}</dd>
        <dt>Token health</dt>
        <dd>{store.tokenHealth.ok ? 'Working' : 'Failing'}{store.tokenHealth.checkedAt ? ` (checked ${formatRelative(store.tokenHealth.checkedAt)})` : ''}{store.tokenHealth.message ? ` — ${store.tokenHealth.message}` : ''}</dd>
      </dl>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => act('Probe', () => api.probeStore(store.id))}>Probe now</button>
        <button type="button" disabled={busy} onClick={() => act('Mark for reauthorization', () => api.markForReauth(store.id))}>Mark for reauth</button>
        <button type="button" className="danger" disabled={busy} onClick={() => act('Revoke', () => api.revokeStore(store.id), `Revoke ${hostOf(store.baseUrl)}? Its tokens are deleted; the merchant must reauthorize.`)}>Revoke</button>
      </div>
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="grid">
        <section aria-labelledby="timeline-title"><h2 id="timeline-title">Activation timeline</h2><Timeline events={store.timeline} /></section>
        <section aria-labelledby="acl-title"><h2 id="acl-title">Granted resources</h2><ResourceList required={store.requiredResources} granted={store.grantedResources} /></section>
      </div>
      <section aria-labelledby="calls-title"><h2 id="calls-title">Recent failed calls</h2><FailedCalls calls={store.failedCalls} /></section>
    </article>
  );
}
