import type { StoreAuthKind, StoreEdition } from '../api/types';
import { AUTH_KIND_LABELS, EDITION_LABELS, EDITION_SHORT_LABELS } from '../lib/format';

/** How the service authenticates to the store: an OAuth 1.0a integration or an Adobe IMS credential. */
export function AuthKind({ kind }: { kind: StoreAuthKind }) {
  return <span className={`kind kind-${kind}`}>{AUTH_KIND_LABELS[kind] ?? kind}</span>;
}

/** The store's edition; `short` gives PaaS / SaaS with the full name as its title. */
export function Edition({ edition, short = false }: { edition: StoreEdition; short?: boolean }) {
  const label = EDITION_LABELS[edition] ?? edition;
  if (!short) return <span className={`edition edition-${edition}`}>{label}</span>;
  return (
    <abbr className={`edition edition-${edition}`} title={label}>
      {EDITION_SHORT_LABELS[edition] ?? edition}
    </abbr>
  );
}
