import type { FailedCall } from '../api/types';
import { formatDateTime } from '../lib/format';

/** Recent calls to the store that failed for good, newest first, each with its masked base string. */
export function FailedCalls({ calls }: { calls: FailedCall[] }) {
  if (calls.length === 0)
    return (
      <p className="muted">
        No failed calls recorded. Calls this service makes to the store that fail appear here, with Magento's message.
      </p>
    );
  return (
    <ul className="failed-calls">
      {calls.map((call) => (
        <li key={call.id}>
          <div className="call-head">
            <code className="call-request">
              {call.method} {call.path}
            </code>
            <span className="call-status">
              {call.status === null ? 'no answer' : `HTTP ${call.status}`} · <code>{call.code}</code>
            </span>
            <time dateTime={call.occurredAt} className="muted small">
              {formatDateTime(call.occurredAt)}
            </time>
          </div>
          <p className="call-message">{call.message}</p>
          {call.hint && (
            <p className="small">
              <strong>What to do:</strong> {call.hint}
            </p>
          )}
          {call.baseString && (
            <details>
              <summary>Signature base string ({call.signatureProfile ?? 'latest'} profile, secrets masked)</summary>
              <pre>{call.baseString}</pre>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
