import type { TimelineEvent } from '../api/types';
import { formatDateTime } from '../lib/format';

const LABELS: Record<string, string> = {
  callback_received: 'Callback received from Magento',
  request_token: 'Request token obtained',
  access_token: 'Access token obtained',
  identity_linked: 'Merchant signed in (identity link)',
  active: 'Store active',
  probe: 'Probe',
  failed: 'Activation failed',
  needs_reauth: 'Needs reauthorization',
  revoked: 'Revoked',
  reauthorize: 'Reauthorized by the merchant',
};

export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="muted">No activation events yet.</p>;
  return (
    <ol className="timeline">
      {events.map((event, i) => (
        <li key={`${event.at}-${i}`} className={event.ok ? 'event-ok' : 'event-fail'}>
          <span className="event-dot" aria-hidden="true" />
          <div>
            <div className="event-title">
              {LABELS[event.type] ?? event.type}
              <span className="visually-hidden">{event.ok ? ' (succeeded)' : ' (failed)'}</span>
            </div>
            <time dateTime={event.at}>{formatDateTime(event.at)}</time>
            {event.message && <p className="event-message">Magento: “{event.message}”</p>}
            {event.hint && <p className="event-hint">What to do: {event.hint}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
