import type { SecurityEventType } from '../api/types';
import { SECURITY_FILTER_LABELS } from '../lib/format';

const ORDER: SecurityEventType[] = ['callback_rejected', 'store_moved', 'pending_expired', 'sign_in_throttled'];

/** Type filter as toggle buttons, each with its number of events in the last 24 hours. */
export function SecurityFilter({
  value,
  counts,
  onChange,
}: {
  value: SecurityEventType | '';
  counts: Record<SecurityEventType, number> | null;
  onChange: (type: SecurityEventType | '') => void;
}) {
  const options: Array<[SecurityEventType | '', string]> = [
    ['', 'All'],
    ...ORDER.map((type): [SecurityEventType, string] => [type, SECURITY_FILTER_LABELS[type]]),
  ];
  return (
    <div className="status-filter" role="group" aria-label="Filter by type" aria-describedby="security-counts-note">
      {options.map(([type, label]) => (
        <button
          key={type || 'all'}
          type="button"
          className="chip"
          aria-pressed={value === type}
          onClick={() => onChange(type)}
        >
          {label}
          {type && counts && (
            <span
              className={`chip-count${type === 'callback_rejected' && counts[type] > 0 ? ' chip-count-alert' : ''}`}
            >
              {counts[type].toLocaleString('en-US')}
            </span>
          )}
        </button>
      ))}
      <span id="security-counts-note" className="muted small filter-note">
        Numbers: the last 24 hours
      </span>
    </div>
  );
}
