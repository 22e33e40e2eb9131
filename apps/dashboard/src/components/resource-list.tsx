import type { ResourceCheck } from '../api/types';

/** The resources the integration needs, granted or missing (missing ones first, with their titles). */
export function ResourceList({ required, granted }: { required: ResourceCheck[]; granted: string[] | 'all' }) {
  const missing = required.filter((r) => !r.granted);
  const sorted = [...missing, ...required.filter((r) => r.granted)];
  return (
    <div>
      <p>
        {granted === 'all'
          ? 'The merchant granted all resources.'
          : `The merchant granted ${granted.length} resource${granted.length === 1 ? '' : 's'}.`}{' '}
        {required.length === 0
          ? 'No required resources are configured.'
          : missing.length === 0
            ? 'Every resource the integration needs is granted.'
            : `${missing.length} of ${required.length} needed resources are missing: the calls that use them fail with “The consumer isn't authorized to access …”. Ask the merchant to grant them and reauthorize.`}
      </p>
      {sorted.length > 0 && (
        <ul className="resources">
          {sorted.map((r) => (
            <li key={r.id} className={r.granted ? 'resource-ok' : 'resource-missing'}>
              <span className="resource-mark" aria-hidden="true">{r.granted ? '✓' : '✗'}</span>
              <span className="resource-title">{r.title}</span> <code>{r.id}</code>
              {!r.granted && <span className="visually-hidden"> (missing)</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
