import { useState } from 'react';
import type { AdminApi } from '../api/admin-api';
import type { SecurityEvent, SecurityEventType } from '../api/types';
import { SecurityEventsTable } from '../components/security-events-table';
import { SecurityFilter } from '../components/security-filter';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { plural, SECURITY_FILTER_LABELS } from '../lib/format';
import { useAsync, useInterval } from '../lib/use-async';

/** Events per request (the API serves 1–200). */
export const SECURITY_PAGE_SIZE = 50;

/** Older pages loaded with "Show older events", and whether the log goes further back. */
interface Older {
  events: SecurityEvent[];
  more: boolean;
}

/** The security log: newest first, filtered by type on the server, older events on demand. */
export function SecurityPage({ api }: { api: AdminApi }) {
  const [type, setType] = useState<SecurityEventType | ''>('');
  const [older, setOlder] = useState<Older | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [olderError, setOlderError] = useState<string | null>(null);
  const first = useAsync(() => api.listSecurityEvents({ type, limit: SECURITY_PAGE_SIZE }), [api, type]);
  // New events show up on their own while only the newest page is on screen.
  useInterval(first.reload, 30_000, older === null);
  const choose = (next: SecurityEventType | '') => {
    setType(next);
    setOlder(null);
    setOlderError(null);
  };

  async function loadOlder(events: SecurityEvent[]) {
    setLoadingOlder(true);
    setOlderError(null);
    try {
      const page = await api.listSecurityEvents({
        type,
        limit: SECURITY_PAGE_SIZE,
        before: events[events.length - 1].occurredAt,
      });
      setOlder((previous) => ({
        events: [...(previous?.events ?? []), ...page.items],
        more: page.items.length === SECURITY_PAGE_SIZE,
      }));
    } catch (error) {
      setOlderError(`Older events could not be loaded: ${(error as Error).message}`);
    } finally {
      setLoadingOlder(false);
    }
  }

  const events = first.status === 'ready' ? dedupe([...first.data.items, ...(older?.events ?? [])]) : [];
  const more = older ? older.more : first.status === 'ready' && first.data.items.length === SECURITY_PAGE_SIZE;
  return (
    <section aria-labelledby="security-title" className="page">
      <div className="page-head">
        <div>
          <h1 id="security-title">Security</h1>
          <p className="muted">
            What the service refused or noticed at its public endpoints: refused activation callbacks, stores that
            moved, pending stores removed after Magento’s window, throttled sign-ins.
          </p>
        </div>
      </div>
      <SecurityFilter value={type} counts={first.status === 'ready' ? first.data.counts : null} onChange={choose} />
      {first.status === 'loading' && <Loading label="Loading security events…" />}
      {first.status === 'error' && (
        <ErrorState title="The security events could not be loaded" error={first.error} onRetry={first.reload} />
      )}
      {first.status === 'ready' && events.length === 0 && type === '' && (
        <EmptyState title="No security events">
          <p>
            Nothing has been refused or noticed yet. A callback refused before it changed anything (for example a known
            consumer key sent with a wrong consumer secret), a store that moved to another address, a pending store
            removed after Magento’s 5-minute window and a client address throttled at sign-in appear here.
          </p>
        </EmptyState>
      )}
      {first.status === 'ready' && events.length === 0 && type !== '' && (
        <EmptyState title="No event of this type">
          <p>
            No {SECURITY_FILTER_LABELS[type].toLowerCase()} recorded.{' '}
            <button type="button" className="link" onClick={() => choose('')}>
              Show all events
            </button>
            .
          </p>
        </EmptyState>
      )}
      {events.length > 0 && (
        <>
          <SecurityEventsTable
            events={events}
            caption={`Security events${type ? ` (${SECURITY_FILTER_LABELS[type]})` : ''}, newest first`}
            busy={first.status === 'ready' && first.refreshing}
          />
          <div className="pager">
            {olderError && (
              <span className="form-error" role="alert">
                {olderError}
              </span>
            )}
            <span aria-live="polite">{plural(events.length, 'event')} shown</span>
            {more && (
              <button type="button" onClick={() => loadOlder(events)} disabled={loadingOlder}>
                {loadingOlder ? 'Loading…' : 'Show older events'}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}

function dedupe(events: SecurityEvent[]): SecurityEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => !seen.has(event.id) && Boolean(seen.add(event.id)));
}
