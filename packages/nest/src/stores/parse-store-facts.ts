import type { StoreFacts, StoreViewFacts } from '../entities/store.entity';

const MAX_VIEWS = 500;

/**
 * Store facts from Magento's `GET /V1/store/storeConfigs` answer (an array of store-view
 * configurations). Unknown shapes give no store views rather than an error. Pure.
 */
export function parseStoreFacts(body: unknown, probePath: string): StoreFacts {
  const rows = Array.isArray(body) ? body.slice(0, MAX_VIEWS) : [];
  const storeViews = rows
    .filter(isObject)
    .map(toStoreView)
    .filter((view): view is StoreViewFacts => view !== null);
  const baseUrls = [
    ...new Set(storeViews.flatMap((view) => [view.baseUrl, view.secureBaseUrl]).filter((url): url is string => !!url)),
  ];
  return { storeViews, baseUrls, probePath };
}

function toStoreView(row: Record<string, unknown>): StoreViewFacts | null {
  if (typeof row.id !== 'number' || typeof row.code !== 'string') return null;
  return {
    id: row.id,
    code: row.code,
    websiteId: typeof row.website_id === 'number' ? row.website_id : null,
    locale: text(row.locale),
    baseCurrency: text(row.base_currency_code),
    timezone: text(row.timezone),
    baseUrl: text(row.base_url),
    secureBaseUrl: text(row.secure_base_url),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 2048 ? value : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
