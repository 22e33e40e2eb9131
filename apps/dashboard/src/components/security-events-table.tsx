import type { SecurityEvent } from '../api/types';
import { formatDateTime, formatRelative, REFUSAL_REASONS, SECURITY_EVENT_LABELS } from '../lib/format';
import { storeHref } from '../lib/hash-route';

const none = <span className="muted">—</span>;

/**
 * Security events as a table, newest first: time, event in words, code with its reason, the store
 * URL the request named (with a link to the store when the service still holds it), consumer key,
 * client address and message. A refused callback with a wrong secret for a known key is marked.
 */
export function SecurityEventsTable({
  events,
  caption,
  linkStores = true,
  busy = false,
}: {
  events: SecurityEvent[];
  caption: string;
  linkStores?: boolean;
  busy?: boolean;
}) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="stores security-events">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Event</th>
            <th scope="col">Code</th>
            <th scope="col">Store URL</th>
            <th scope="col">Consumer key</th>
            <th scope="col">Source address</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id} className={event.code === 'CALLBACK_MISMATCH' ? 'security-alert' : undefined}>
              <td className="nowrap">
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                <div className="muted small">{formatRelative(event.occurredAt)}</div>
              </td>
              <td className="nowrap">
                <span className={`event-type event-type-${event.type}`}>
                  {SECURITY_EVENT_LABELS[event.type] ?? event.type}
                </span>
              </td>
              <td className="cell-code">
                {event.code ? <code className="code-pill">{event.code}</code> : none}
                {event.code && REFUSAL_REASONS[event.code] && (
                  <div className="small muted">{REFUSAL_REASONS[event.code]}</div>
                )}
              </td>
              <td className="cell-url">
                {event.storeBaseUrl ? <span className="break">{event.storeBaseUrl}</span> : none}
                {linkStores && event.storeExists && event.storeId && (
                  <div className="small">
                    <a href={storeHref(event.storeId)}>Open store</a>
                  </div>
                )}
              </td>
              <td>{event.consumerKey ? <code className="break">{event.consumerKey}</code> : none}</td>
              <td>{event.sourceAddress ? <code>{event.sourceAddress}</code> : none}</td>
              <td className="cell-message break">{event.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
