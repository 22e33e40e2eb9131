import type { AdminApi } from '../api/admin-api';
import { SECURITY_HREF } from '../lib/hash-route';
import { useAsync } from '../lib/use-async';
import { SecurityEventsTable } from './security-events-table';

/** How many refused callbacks the stores page shows. */
const SHOWN = 5;

/**
 * The newest refused activation callbacks, on the stores page: a takeover attempt, a store URL the
 * guard refused or a flood shows where the operator looks first. Nothing is shown when there is none.
 */
export function RejectedCallbacks({ api }: { api: AdminApi }) {
  const rejected = useAsync(() => api.listRejectedCallbacks({ limit: SHOWN }), [api]);
  if (rejected.status !== 'ready' || rejected.data.items.length === 0) return null;
  const today = rejected.data.counts.callback_rejected;
  return (
    <section aria-labelledby="rejected-title" className="panel">
      <h2 id="rejected-title">Rejected callbacks</h2>
      <p className="small">
        {today} in the last 24 hours. A refused callback changed nothing; each names why it was refused.
      </p>
      <SecurityEventsTable events={rejected.data.items} caption="Newest refused callbacks" linkStores />
      <p className="small">
        <a href={SECURITY_HREF}>All security events</a>
      </p>
    </section>
  );
}
