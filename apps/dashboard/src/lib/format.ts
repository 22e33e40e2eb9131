import type { SecurityEventType, Store, StoreAuthKind, StoreEdition, StoreStatus, StoreViewFacts } from '../api/types';

export const STATUS_LABELS: Record<StoreStatus, string> = {
  active: 'Active',
  activating: 'Activating',
  needs_reauth: 'Needs reauthorization',
  failed: 'Failed',
  revoked: 'Revoked',
};

/** How the service authenticates to a store, in words. */
export const AUTH_KIND_LABELS: Record<StoreAuthKind, string> = {
  oauth1: 'OAuth 1.0a integration',
  ims: 'Adobe IMS',
};

/** The product behind a store, in words. */
export const EDITION_LABELS: Record<StoreEdition, string> = {
  paas: 'Magento / Adobe Commerce',
  saas: 'Adobe Commerce as a Cloud Service',
};

/** The short edition name for narrow places (the stores table). */
export const EDITION_SHORT_LABELS: Record<StoreEdition, string> = {
  paas: 'PaaS',
  saas: 'SaaS',
};

/**
 * A store's name for lists and headings: the host of its base URL; for Adobe Commerce as a Cloud
 * Service, whose stores share a host, the host and the tenant id.
 */
export function storeNameOf(store: Pick<Store, 'storeBaseUrl' | 'edition'>): string {
  const host = hostOf(store.storeBaseUrl);
  if (store.edition !== 'saas') return host;
  try {
    const tenant = new URL(store.storeBaseUrl).pathname.split('/').filter(Boolean)[0];
    return tenant ? `${host}/${tenant}` : host;
  } catch {
    return host;
  }
}

/** "3 min ago", "2 days ago", or the date; "never" for null. */
export function formatRelative(iso: string | null, now: Date = new Date()): string {
  if (!iso) return 'never';
  const then = new Date(iso);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(seconds)) return '—';
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} days ago`;
  return then.toISOString().slice(0, 10);
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : date.toISOString().replace('T', ' ').slice(0, 19) + ' UTC';
}

/** The host of a base URL, for compact display. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * What the store's answers tell about its Magento line: the signature code of 2.4.4–2.4.6 is told
 * apart from the current one when the store refuses the current one. Null when nothing is known.
 */
export function magentoLine(profile: 'latest' | 'laminas'): string | null {
  return profile === 'laminas' ? '2.4.4–2.4.6' : null;
}

/** `default (en_US, USD)` */
export function describeStoreView(view: StoreViewFacts): string {
  const extras = [view.locale, view.baseCurrency].filter(Boolean).join(', ');
  return extras ? `${view.code} (${extras})` : view.code;
}

/** `1 store` / `2 stores` */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Each security event type in words. */
export const SECURITY_EVENT_LABELS: Record<SecurityEventType, string> = {
  callback_rejected: 'Callback refused',
  store_moved: 'Store moved',
  pending_expired: 'Pending store expired',
  sign_in_throttled: 'Sign-ins throttled',
};

/** The same, as filter names (plural). */
export const SECURITY_FILTER_LABELS: Record<SecurityEventType, string> = {
  callback_rejected: 'Refused callbacks',
  store_moved: 'Moved stores',
  pending_expired: 'Expired pending stores',
  sign_in_throttled: 'Throttled sign-ins',
};

/** Why a callback was refused, in words (by the service's error code). */
export const REFUSAL_REASONS: Record<string, string> = {
  CALLBACK_MISMATCH: 'Known consumer key with a wrong consumer secret: possible takeover attempt',
  STORE_URL_REFUSED: 'Store URL not allowed',
  PENDING_LIMIT: 'Too many stores waiting to become active',
  UNKNOWN_TENANT: 'Unknown tenant in the callback URL',
  INVALID_CALLBACK: 'Malformed callback',
};
