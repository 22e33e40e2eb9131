import type { Page, StoreSummary } from '../api/types';
import { formatRelative, hostOf } from '../lib/format';
import { storeHref } from '../lib/hash-route';
import { StatusBadge } from './status-badge';

export function StoresTable({ page, onPage }: { page: Page<StoreSummary>; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <>
      <div className="table-wrap">
        <table className="stores">
          <caption className="visually-hidden">Stores, page {page.page} of {pages}</caption>
          <thead>
            <tr>
              <th scope="col">Store</th>
              <th scope="col">Status</th>
              <th scope="col">Store views</th>
              <th scope="col">Magento</th>
              <th scope="col">Activated</th>
              <th scope="col">Last probe</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((store) => (
              <tr key={store.id}>
                <td>
                  <a href={storeHref(store.id)}>{hostOf(store.baseUrl)}</a>
                  <div className="muted small">{store.baseUrl}</div>
                </td>
                <td><StatusBadge status={store.status} /></td>
                <td>{store.storeViews.map((v) => v.code).join(', ') || '—'}</td>
                <td>{store.magentoVersion ?? <span className="muted">unknown</span>}</td>
                <td>{formatRelative(store.activatedAt)}</td>
                <td>{formatRelative(store.lastProbeAt)}</td>
                <td className="error-cell">{store.lastError ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" onClick={() => onPage(page.page - 1)} disabled={page.page <= 1}>Previous</button>
        <span aria-live="polite">
          Page {page.page} of {pages} · {page.total.toLocaleString('en-US')} stores
        </span>
        <button type="button" onClick={() => onPage(page.page + 1)} disabled={page.page >= pages}>Next</button>
      </nav>
    </>
  );
}
