import type { FailedCall } from '../api/types';
import { formatDateTime } from '../lib/format';

export function FailedCalls({ calls }: { calls: FailedCall[] }) {
  if (calls.length === 0) return <p className="muted">No failed calls recorded.</p>;
  return (
    <ul className="failed-calls">
      {calls.map((call, i) => (
        <li key={`${call.at}-${i}`}>
          <div>
            <code>
              {call.method} {call.path}
            </code>{' '}
            → <strong>{call.status}</strong> <time dateTime={call.at}>{formatDateTime(call.at)}</time>
          </div>
          <p>{call.message}</p>
          {call.baseString && (
            <details>
              <summary>Base string (secrets masked)</summary>
              <pre>{call.baseString}</pre>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
