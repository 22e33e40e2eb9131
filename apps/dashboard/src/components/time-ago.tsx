import { formatDateTime, formatRelative } from '../lib/format';

/** A relative time ("5 min ago") with the exact UTC time as its tooltip and machine-readable value. */
export function TimeAgo({ iso, never = 'never' }: { iso: string | null; never?: string }) {
  if (!iso) return <span className="muted">{never}</span>;
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
