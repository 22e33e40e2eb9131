import type { Page, Store } from '../api/types';
import { magentoLine, plural, storeNameOf } from '../lib/format';
import { storeHref } from '../lib/hash-route';
import { StatusBadge } from './status-badge';
import { AuthKind, Edition } from './store-kind';
import { TimeAgo } from './time-ago';

/** One page of stores with pager; the store name links to its detail page. */
export function StoresTable({
  page,
  onPage,
  busy,
}: {
  page: Page<Store>;
  onPage: (page: number) => void;
  busy: boolean;
}) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <>
      <div className="table-wrap" aria-busy={busy}>
        <table className="stores">
          <caption className="visually-hidden">
            Stores, page {page.page} of {pages}
          </caption>
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Status</th>
              <th scope="col">Authentication</th>
              <th scope="col">Edition</th>
              <th scope="col">Store views</th>
              <th scope="col" className="col-magento">
                Magento
              </th>
              <th scope="col">Activated</th>
              <th scope="col" className="col-probe">
                Last probe
              </th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((store) => (
              <tr key={store.id}>
                <td className="cell-store">
                  <a href={storeHref(store.id)}>{storeNameOf(store)}</a>
                  <div className="muted small break">{store.storeBaseUrl}</div>
                </td>
                <td>
                  <StatusBadge status={store.status} />
                </td>
                <td>
                  <AuthKind kind={store.authKind} />
                </td>
                <td>
                  <Edition edition={store.edition} short />
                </td>
                <td>
                  {store.facts?.storeViews.length ? (
                    store.facts.storeViews.map((view) => view.code).join(', ')
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="col-magento">
                  {store.edition === 'saas' ? (
                    <span className="muted">—</span>
                  ) : (
                    (magentoLine(store.signatureProfile) ?? <span className="muted">unknown</span>)
                  )}
                </td>
                <td>
                  <TimeAgo iso={store.activatedAt} never="not yet" />
                </td>
                <td className="col-probe">
                  <TimeAgo iso={store.lastProbedAt} />
                </td>
                <td className="error-cell">
                  {store.statusCode ? (
                    <>
                      <span className="error-text" title={store.statusReason ?? undefined}>
                        {store.statusReason ?? store.statusCode}
                      </span>
                      <div className="small muted">
                        <code>{store.statusCode}</code>
                      </div>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" onClick={() => onPage(page.page - 1)} disabled={page.page <= 1}>
          Previous
        </button>
        <span aria-live="polite">
          Page {page.page} of {pages} · {plural(page.total, 'store')}
        </span>
        <button type="button" onClick={() => onPage(page.page + 1)} disabled={page.page >= pages}>
          Next
        </button>
      </nav>
    </>
  );
}
