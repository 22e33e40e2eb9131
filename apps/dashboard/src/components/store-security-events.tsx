import type { AdminApi } from '../api/admin-api';
import { SECURITY_HREF } from '../lib/hash-route';
import { useAsync } from '../lib/use-async';
import { SecurityEventsTable } from './security-events-table';
import { ErrorState, Loading } from './states';

/** How many of a store's security events its page shows. */
const SHOWN = 20;

/** One store's security events (refused callbacks naming its key, moves), newest first. */
export function StoreSecurityEvents({ api, storeId }: { api: AdminApi; storeId: string }) {
  const events = useAsync(() => api.listSecurityEvents({ storeId, limit: SHOWN }), [api, storeId]);
  if (events.status === 'loading') return <Loading label="Loading security events…" />;
  if (events.status === 'error')
    return <ErrorState title="The security events could not be loaded" error={events.error} onRetry={events.reload} />;
  if (events.data.items.length === 0)
    return (
      <p className="muted">
        No security events for this store. A callback naming its consumer key with a wrong secret, or a move to another
        address, would appear here.
      </p>
    );
  return (
    <>
      <SecurityEventsTable
        events={events.data.items}
        caption="Security events of this store, newest first"
        linkStores={false}
      />
      <p className="small">
        <a href={SECURITY_HREF}>All security events</a>
      </p>
    </>
  );
}
