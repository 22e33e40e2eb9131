import { useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import type { Activation, FailedCall, ImsCredential, StoreDetail } from '../api/types';
import { FailedCalls } from '../components/failed-calls';
import { ResourceList } from '../components/resource-list';
import { StoreSecurityEvents } from '../components/store-security-events';
import { ErrorState, Loading } from '../components/states';
import { StatusBadge } from '../components/status-badge';
import { TimeAgo } from '../components/time-ago';
import { ActivationHistory } from '../components/timeline';
import { TokenHealth } from '../components/token-health';
import { AuthKind, Edition } from '../components/store-kind';
import { describeStoreView, formatDateTime, magentoLine, storeNameOf } from '../lib/format';
import { useAsync, useInterval } from '../lib/use-async';

interface Loaded {
  store: StoreDetail;
  activations: Activation[];
  failedCalls: FailedCall[];
}

export function StoreDetailPage({ api, id }: { api: AdminApi; id: string }) {
  const loaded = useAsync(async (): Promise<Loaded> => {
    const [store, activations, failedCalls] = await Promise.all([
      api.getStore(id),
      api.getActivations(id),
      api.getFailedCalls(id),
    ]);
    return { store, activations, failedCalls };
  }, [api, id]);
  useInterval(loaded.reload, 3000, loaded.status === 'ready' && loaded.data.store.status === 'activating');
  if (loaded.status === 'loading') return <Loading label="Loading store…" />;
  if (loaded.status === 'error') {
    return (
      <>
        <p>
          <a href="#/stores">← All stores</a>
        </p>
        <ErrorState title="This store could not be loaded" error={loaded.error} onRetry={loaded.reload} />
      </>
    );
  }
  return <StoreDetailView api={api} {...loaded.data} onChanged={loaded.reload} />;
}

const PROBE_TEXT = {
  ok: 'Probe: the token works.',
  rejected: 'Probe: the store rejected the token; the store now needs reauthorization.',
  error: 'Probe: no verdict (see token health).',
} as const;

const IMS_PROBE_TEXT = {
  ok: 'Probe: the IMS credential works.',
  rejected:
    'Probe: the IMS credential was refused; the store has failed (register it again with a working credential).',
  error: 'Probe: no verdict (see token health).',
} as const;

function StoreDetailView({
  api,
  store,
  activations,
  failedCalls,
  onChanged,
}: Loaded & { api: AdminApi; onChanged: () => void }) {
  const [notice, setNotice] = useState<{ text: string; bad: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const host = storeNameOf(store);
  const ims = store.authKind === 'ims';
  async function act(label: string, action: () => Promise<string>, confirmText?: string) {
    if (confirmText && !window.confirm(confirmText)) return;
    setBusy(true);
    try {
      setNotice({ text: await action(), bad: false });
      onChanged();
    } catch (error) {
      setNotice({ text: `${label} failed: ${(error as Error).message}`, bad: true });
    } finally {
      setBusy(false);
    }
  }
  const views = store.facts?.storeViews ?? [];
  return (
    <article aria-labelledby="store-title" className="page">
      <p className="crumbs">
        <a href="#/stores">← All stores</a>
      </p>
      <div className="page-head">
        <div>
          <h1 id="store-title">{host}</h1>
          <p className="muted small break">{store.storeBaseUrl}</p>
        </div>
        <StatusBadge status={store.status} />
      </div>
      {store.statusCode && (
        <div className={`callout callout-${store.status === 'active' ? 'warn' : 'bad'}`}>
          <p>
            <strong>{store.statusReason}</strong> <code className="code-pill">{store.statusCode}</code>
          </p>
          {store.statusHint && (
            <p>
              <strong>What to do:</strong> {store.statusHint}
            </p>
          )}
        </div>
      )}
      <div className="actions" role="group" aria-label="Store actions">
        <button
          type="button"
          disabled={busy || !store.hasAccessToken}
          onClick={() =>
            act('Probe', async () => (ims ? IMS_PROBE_TEXT : PROBE_TEXT)[(await api.probeStore(store.id)).outcome])
          }
        >
          Probe now
        </button>
        {!ims && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              act(
                'Mark for reauthorization',
                async () => (
                  await api.markForReauth(store.id),
                  'Marked for reauthorization: ask the merchant to click Reauthorize.'
                ),
                `Mark ${host} for reauthorization?`,
              )
            }
          >
            Mark for reauth
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={busy || store.status === 'revoked'}
          onClick={() =>
            act(
              'Revoke',
              async () => (
                await api.revokeStore(store.id),
                ims ? 'Revoked: the stored client secret was deleted.' : 'Revoked: the stored tokens were deleted.'
              ),
              ims
                ? `Revoke ${host}? The stored client secret is deleted; register the store again to use it.`
                : `Revoke ${host}? The stored tokens are deleted; the merchant must Reauthorize to activate it again.`,
            )
          }
        >
          Revoke
        </button>
      </div>
      {notice && (
        <p className={notice.bad ? 'notice notice-bad' : 'notice'} role="status">
          {notice.text}
        </p>
      )}
      <div className="grid">
        <section aria-labelledby="facts-title" className="panel">
          <h2 id="facts-title">Store</h2>
          <dl className="facts">
            <dt>Authentication</dt>
            <dd>
              <AuthKind kind={store.authKind} />
            </dd>
            <dt>Edition</dt>
            <dd>
              <Edition edition={store.edition} />
            </dd>
            <dt>Token health</dt>
            <dd>
              <TokenHealth health={store.tokenHealth} shownAbove={store.statusCode ? store.statusReason : null} />
            </dd>
            <dt>Activated</dt>
            <dd>{store.activatedAt ? formatDateTime(store.activatedAt) : 'not yet'}</dd>
            <dt>Last probe</dt>
            <dd>
              <TimeAgo iso={store.lastProbedAt} />
            </dd>
            <dt>Store views</dt>
            <dd>{views.length ? views.map(describeStoreView).join(', ') : '—'}</dd>
            {!ims && (
              <>
                <dt>Magento</dt>
                <dd>
                  {magentoLine(store.signatureProfile) ?? <span className="muted">version not exposed</span>}{' '}
                  <span className="muted small">(signature profile: {store.signatureProfile})</span>
                </dd>
                <dt>Merchant account</dt>
                <dd>
                  {store.vendorAccount ? (
                    `${store.vendorAccount.name} <${store.vendorAccount.email}>`
                  ) : (
                    <span className="muted">not linked yet (identity link)</span>
                  )}
                </dd>
              </>
            )}
            <dt>Tenant</dt>
            <dd>{store.tenant}</dd>
            {store.consumerKey !== null && (
              <>
                <dt>Consumer key</dt>
                <dd>
                  <code className="break">{store.consumerKey}</code>
                </dd>
              </>
            )}
          </dl>
        </section>
        {store.ims ? (
          <ImsCredentialPanel credential={store.ims} />
        ) : (
          <section aria-labelledby="timeline-title" className="panel">
            <h2 id="timeline-title">Activation timeline</h2>
            <ActivationHistory activations={activations} />
          </section>
        )}
      </div>
      <section aria-labelledby="acl-title" className="panel">
        <h2 id="acl-title">Required resources</h2>
        <ResourceList resources={store.resources} />
      </section>
      <section aria-labelledby="calls-title" className="panel">
        <h2 id="calls-title">Recent failed calls</h2>
        <FailedCalls calls={failedCalls} />
      </section>
      <section aria-labelledby="security-title" className="panel">
        <h2 id="security-title">Security events</h2>
        <StoreSecurityEvents api={api} storeId={store.id} />
      </section>
    </article>
  );
}

/** An IMS store's credential (never its secret): it was registered, there is no activation to show. */
function ImsCredentialPanel({ credential }: { credential: ImsCredential }) {
  return (
    <section aria-labelledby="credential-title" className="panel">
      <h2 id="credential-title">IMS credential</h2>
      <p className="muted small">
        Registered by an operator with an OAuth Server-to-Server credential: no activation handshake. Register the store
        again (same URL) to replace it.
      </p>
      <dl className="facts">
        <dt>Client ID</dt>
        <dd>
          <code className="break">{credential.clientId}</code>
        </dd>
        <dt>Organization ID</dt>
        <dd>{credential.orgId ? <code className="break">{credential.orgId}</code> : '—'}</dd>
        <dt>Scopes</dt>
        <dd>{credential.scopes.join(', ')}</dd>
        <dt>IMS token URL</dt>
        <dd className="break">{credential.tokenUrl}</dd>
      </dl>
    </section>
  );
}
