import type { Activation, ActivationEvent } from '../api/types';
import { formatDateTime } from '../lib/format';

const LABELS: Record<string, string> = {
  callback_received: 'Callback received from Magento',
  duplicate_callback: 'Callback received again',
  request_token: 'Request token obtained',
  access_token: 'Access token obtained',
  active: 'Store active: the token works',
  retry_scheduled: 'Retry scheduled',
  failed: 'Activation failed',
  needs_reauth: 'Needs reauthorization',
  identity_linked: 'Merchant signed in (identity link)',
  probe_ok: 'Probe succeeded',
  probe_failed: 'Probe failed',
  revoked: 'Revoked',
  superseded: 'Replaced by a newer activation',
};

const FAILURES = new Set(['failed', 'needs_reauth', 'probe_failed', 'superseded']);
const WARNINGS = new Set(['retry_scheduled', 'duplicate_callback', 'revoked']);

function tone(event: ActivationEvent): 'ok' | 'warn' | 'fail' {
  if (FAILURES.has(event.type)) return 'fail';
  return WARNINGS.has(event.type) ? 'warn' : 'ok';
}

const TONE_TEXT = { ok: 'succeeded', warn: 'note', fail: 'problem' } as const;

/** One activation's events, oldest first: time, what happened and, on failure, the message, code and what to do. */
export function Timeline({ activation }: { activation: Activation }) {
  if (activation.events.length === 0) return <p className="muted">No events recorded yet.</p>;
  return (
    <ol className="timeline">
      {activation.events.map((event) => {
        const kind = tone(event);
        return (
          <li key={event.position} className={`event event-${kind}`}>
            <span className="event-dot" aria-hidden="true" />
            <div className="event-body">
              <div className="event-head">
                <span className="event-title">{LABELS[event.type] ?? event.type}</span>
                <span className="visually-hidden"> ({TONE_TEXT[kind]})</span>
                <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
              </div>
              <p className={kind === 'fail' ? 'event-message event-message-fail' : 'event-message'}>
                {event.message}
                {event.code && kind !== 'ok' && (
                  <>
                    {' '}
                    <code className="code-pill">{event.code}</code>
                  </>
                )}
              </p>
              {event.hint && kind !== 'ok' && (
                <p className="event-hint">
                  <strong>What to do:</strong> {event.hint}
                </p>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** The latest activation's timeline, earlier activations (Reauthorize) folded away. */
export function ActivationHistory({ activations }: { activations: Activation[] }) {
  if (activations.length === 0) return <p className="muted">No activation recorded for this store.</p>;
  const [latest, ...earlier] = activations;
  return (
    <div>
      <Timeline activation={latest} />
      {earlier.length > 0 && (
        <details className="earlier">
          <summary>
            {earlier.length} earlier activation{earlier.length === 1 ? '' : 's'}
          </summary>
          {earlier.map((activation) => (
            <div key={activation.id} className="earlier-activation">
              <h3>
                Started {formatDateTime(activation.createdAt)} · ended {activation.state.replace('_', ' ')}
              </h3>
              <Timeline activation={activation} />
            </div>
          ))}
        </details>
      )}
    </div>
  );
}
