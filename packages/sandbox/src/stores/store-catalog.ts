/** A store view of the sandbox (`store` table). */
export interface StoreView {
  id: number;
  code: string;
  name: string;
  websiteId: number;
  groupId: number;
  locale: string;
  /** Base and default display currency (`currency/options/base`, `currency/options/default`). */
  currency: string;
  /** `currency/options/allow`, in configured order. */
  allowedCurrencies: readonly string[];
  timezone: string;
  weightUnit: 'lbs' | 'kgs';
}

/** Two websites, one store group and one store view each; plus Magento's admin store 0. */
export const STORE_VIEWS: readonly StoreView[] = [
  {
    id: 1,
    code: 'default',
    name: 'Default Store View',
    websiteId: 1,
    groupId: 1,
    locale: 'en_US',
    currency: 'USD',
    allowedCurrencies: ['USD', 'EUR'],
    timezone: 'America/Chicago',
    weightUnit: 'lbs',
  },
  {
    id: 2,
    code: 'es_mx',
    name: 'Español (México)',
    websiteId: 2,
    groupId: 2,
    locale: 'es_MX',
    currency: 'MXN',
    allowedCurrencies: ['MXN', 'USD'],
    timezone: 'America/Mexico_City',
    weightUnit: 'kgs',
  },
];

const WEBSITES = [
  { id: 0, code: 'admin', name: 'Admin', default_group_id: 0 },
  { id: 1, code: 'base', name: 'Main Website', default_group_id: 1 },
  { id: 2, code: 'mx', name: 'Mexico Website', default_group_id: 2 },
];

const GROUPS = [
  { id: 0, website_id: 0, root_category_id: 0, default_store_id: 0, name: 'Default', code: 'default' },
  {
    id: 1,
    website_id: 1,
    root_category_id: 2,
    default_store_id: 1,
    name: 'Main Website Store',
    code: 'main_website_store',
  },
  { id: 2, website_id: 2, root_category_id: 2, default_store_id: 2, name: 'Mexico Store', code: 'mexico_store' },
];

/** Store codes `PathProcessor` accepts (`getStores(false, true)`: the admin store is not one). */
export const STORE_CODES: readonly string[] = STORE_VIEWS.map((view) => view.code);

/** The admin store's id (`Store::DEFAULT_STORE_ID`): default-scope values, `/rest/all`. */
export const ADMIN_STORE_ID = 0;

/**
 * Default-scope configuration as Magento ships it (`Directory/etc/config.xml`), which the admin store
 * (`/rest/all`) reads: locale, base and display currency, allowed currencies.
 */
export const DEFAULT_SCOPE_CONFIG = { locale: 'en_US', currency: 'USD', allowedCurrencies: ['USD', 'EUR'] } as const;

/**
 * The store view a request runs in (`Webapi\Controller\PathProcessor::process()`): its code's view, the
 * default store view when the path has no code, null for the admin store (`all`).
 */
export function resolveStoreView(code: string | null): StoreView | null {
  if (code === 'all') return null;
  return STORE_VIEWS.find((view) => view.code === code) ?? STORE_VIEWS[0];
}

/** The store id a request reads and writes product values in: 0 for `all`, else its store view's id. */
export function resolveStoreId(code: string | null): number {
  return resolveStoreView(code)?.id ?? ADMIN_STORE_ID;
}

/** The store whose settings a request uses: its code, or `default` for no code and `all`. */
export function resolveSettingsStore(code: string | null): string {
  return code !== null && STORE_CODES.includes(code) ? code : 'default';
}

/** `GET /V1/store/storeViews` (`StoreRepositoryInterface::getList`, admin store included). */
export function listStoreViews(): object[] {
  const admin = { id: 0, code: 'admin', name: 'Admin', website_id: 0, store_group_id: 0, is_active: 1 };
  return [
    admin,
    ...STORE_VIEWS.map((view) => ({
      id: view.id,
      code: view.code,
      name: view.name,
      website_id: view.websiteId,
      store_group_id: view.groupId,
      is_active: 1,
    })),
  ];
}

export function listWebsites(): object[] {
  return WEBSITES.map((website) => ({ ...website }));
}

export function listStoreGroups(): object[] {
  return GROUPS.map((group) => ({ ...group }));
}

/** `GET /V1/store/storeConfigs` (`StoreConfigManagerInterface::getStoreConfigs`): store views only. */
export function listStoreConfigs(baseUrl: string, codes?: readonly string[]): object[] {
  return STORE_VIEWS.filter((view) => codes === undefined || codes.length === 0 || codes.includes(view.code)).map(
    (view) => ({
      id: view.id,
      code: view.code,
      website_id: view.websiteId,
      locale: view.locale,
      base_currency_code: view.currency,
      default_display_currency_code: view.currency,
      timezone: view.timezone,
      weight_unit: view.weightUnit,
      base_url: baseUrl,
      base_link_url: baseUrl,
      base_static_url: `${baseUrl}static/version1700000000/`,
      base_media_url: `${baseUrl}media/`,
      secure_base_url: baseUrl,
      secure_base_link_url: baseUrl,
      secure_base_static_url: `${baseUrl}static/version1700000000/`,
      secure_base_media_url: `${baseUrl}media/`,
    }),
  );
}
