import type { TokenHealth as Health } from '../api/types';
import { TimeAgo } from './time-ago';

const TEXT: Record<Health['state'], string> = {
  ok: 'Working',
  rejected: 'Rejected by the store',
  failing: 'Probe failing',
  unknown: 'Not probed yet',
  none: 'No token stored',
};

/** The last probe's verdict on the stored access token (its message left out when `shownAbove` already says it). */
export function TokenHealth({ health, shownAbove = null }: { health: Health; shownAbove?: string | null }) {
  const message = health.state !== 'ok' && health.message && health.message !== shownAbove ? health.message : null;
  return (
    <div className={`health health-${health.state}`}>
      <span className="health-state">{TEXT[health.state]}</span>
      {health.checkedAt && (
        <span className="muted small">
          {' '}
          · checked <TimeAgo iso={health.checkedAt} />
        </span>
      )}
      {message && (
        <p className="health-message">
          {message}
          {health.code && (
            <>
              {' '}
              <code className="code-pill">{health.code}</code>
            </>
          )}
        </p>
      )}
      {message && health.hint && (
        <p className="health-hint">
          <strong>What to do:</strong> {health.hint}
        </p>
      )}
    </div>
  );
}
