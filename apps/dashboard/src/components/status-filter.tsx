import type { StoreStatus } from '../api/types';
import { STATUS_LABELS } from '../lib/format';

const ORDER: StoreStatus[] = ['active', 'activating', 'needs_reauth', 'failed', 'revoked'];

/** Status filter as toggle buttons with the number of stores in each status (counted on the server). */
export function StatusFilter({
  value,
  counts,
  onChange,
}: {
  value: StoreStatus | '';
  counts: Partial<Record<StoreStatus | 'all', number>> | null;
  onChange: (status: StoreStatus | '') => void;
}) {
  const options: Array<[StoreStatus | '', string, number | undefined]> = [
    ['', 'All', counts?.all],
    ...ORDER.map((status): [StoreStatus, string, number | undefined] => [
      status,
      STATUS_LABELS[status],
      counts?.[status],
    ]),
  ];
  return (
    <div className="status-filter" role="group" aria-label="Filter by status">
      {options.map(([status, label, count]) => (
        <button
          key={status || 'all'}
          type="button"
          className={`chip chip-${status || 'all'}`}
          aria-pressed={value === status}
          onClick={() => onChange(status)}
        >
          {label}
          {count !== undefined && <span className="chip-count">{count.toLocaleString('en-US')}</span>}
        </button>
      ))}
    </div>
  );
}
