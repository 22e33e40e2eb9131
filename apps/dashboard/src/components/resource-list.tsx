import type { ResourceCheck } from '../api/types';
import { TimeAgo } from './time-ago';

const ORDER = { refused: 0, unknown: 1, allowed: 2 } as const;
const MARK = { allowed: '✓', refused: '✗', unknown: '?' } as const;
const STATE_TEXT = { allowed: 'allowed', refused: 'missing', unknown: 'unknown' } as const;

/** The ACL resources the integration needs, missing ones first and highlighted, with their titles from Magento's ACL tree. */
export function ResourceList({ resources }: { resources: { checkedAt: string | null; items: ResourceCheck[] } }) {
  const { items } = resources;
  if (items.length === 0) {
    return (
      <p className="muted">
        No required resources are configured. Set <code>REQUIRED_RESOURCES</code> (ACL ids) or{' '}
        <code>MAGEKIT_CALLS_FILE</code> (the calls your integration makes) on the service, or the module option{' '}
        <code>requiredResources</code>, and each probe checks them.
      </p>
    );
  }
  const refused = items.filter((r) => r.state === 'refused').length;
  const unknown = items.filter((r) => r.state === 'unknown').length;
  const sorted = [...items].sort((a, b) => ORDER[a.state] - ORDER[b.state]);
  return (
    <div>
      <p className={refused > 0 ? 'resource-summary resource-summary-bad' : 'resource-summary'}>
        {refused > 0
          ? `${refused} of ${items.length} needed resources are missing: calls that need them fail with “The consumer isn't authorized to access …”. Ask the merchant to grant them (System › Extensions › Integrations › Edit › API) and reauthorize.`
          : unknown === items.length
            ? `None of the ${items.length} needed resources could be checked yet.`
            : `Every checked resource is granted${unknown > 0 ? ` (${unknown} could not be checked)` : ''}.`}
        {resources.checkedAt && (
          <>
            {' '}
            <span className="muted small">
              Checked <TimeAgo iso={resources.checkedAt} />.
            </span>
          </>
        )}
      </p>
      <ul className="resources">
        {sorted.map((r) => (
          <li key={r.id} className={`resource resource-${r.state}`}>
            <span className="resource-mark" aria-hidden="true">
              {MARK[r.state]}
            </span>
            <div>
              <span className="resource-title">{r.title}</span> <code>{r.id}</code>
              <span className="visually-hidden"> ({STATE_TEXT[r.state]})</span>
              {r.breadcrumb && <div className="small muted">{r.breadcrumb}</div>}
              {r.state !== 'allowed' && r.detail && (
                <div className="small resource-detail">
                  {r.route && <code>{r.route}</code>} {r.detail}
                </div>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
