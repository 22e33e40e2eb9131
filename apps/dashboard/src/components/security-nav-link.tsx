import type { AdminApi } from '../api/admin-api';
import { SECURITY_HREF } from '../lib/hash-route';
import { useAsync, useInterval } from '../lib/use-async';

/**
 * The main navigation's entry to the security log, with the number of refused callbacks in the
 * last 24 hours as a badge (none when there are none or the service cannot say).
 */
export function SecurityNavLink({ api, current }: { api: AdminApi; current: boolean }) {
  const counts = useAsync(async () => (await api.listSecurityEvents({ limit: 1 })).counts, [api, current]);
  useInterval(counts.reload, 60_000, true);
  const refused = counts.status === 'ready' ? counts.data.callback_rejected : 0;
  return (
    <a href={SECURITY_HREF} aria-current={current ? 'page' : undefined}>
      Security
      {refused > 0 && (
        <>
          <span className="nav-badge" aria-hidden="true">
            {refused.toLocaleString('en-US')}
          </span>
          <span className="visually-hidden">{`, ${refused.toLocaleString('en-US')} refused ${refused === 1 ? 'callback' : 'callbacks'} in the last 24 hours`}</span>
        </>
      )}
    </a>
  );
}
