// The calls every client makes under every profile, as plain data; each client adapter maps them to
// its own methods (or answers `n/a`).

/** A seeded SKU with a slash (`SEEDED_SLASH_SKU` of the sandbox seed): sent as `MH01%2FXS`. */
export const SLASH_SKU = 'MH01/XS';

/** A field of an answer, snake_case as Magento renders it or camelCase as some clients rewrite it. */
export function field(body, snake) {
  if (body === null || typeof body !== 'object') return undefined;
  return body[snake] ?? body[snake.replace(/_([a-z])/g, (_, letter) => letter.toUpperCase())];
}

function newProduct(sku, name) {
  return { product: { sku, name, price: 10, attribute_set_id: 4, type_id: 'simple', status: 1, visibility: 4 } };
}

/**
 * The calls for one client under one profile. `tag` makes the SKUs it creates its own.
 * `check` says whether a 2xx answer's body is what the call asked for.
 */
export function buildCalls(tag) {
  const sku = `interop-${tag}`;
  const name = `Interop ${tag}`;
  const base = { store: null, async: false, searchCriteria: null, body: undefined, anonymous: false };
  const sha256 = 'HMAC-SHA256';
  return [
    {
      ...base,
      id: 'storeConfigs',
      label: 'GET /V1/store/storeConfigs',
      method: 'GET',
      path: 'store/storeConfigs',
      signatureMethod: sha256,
      check: (body) => Array.isArray(body) && body.some((config) => field(config, 'code') === 'default'),
    },
    {
      ...base,
      id: 'search',
      label: 'GET /V1/products?searchCriteria[pageSize]=5',
      method: 'GET',
      path: 'products',
      searchCriteria: { pageSize: 5 },
      signatureMethod: sha256,
      check: (body) => field(body, 'items')?.length === 5,
    },
    {
      ...base,
      id: 'slashSku',
      label: `GET /V1/products/${encodeURIComponent(SLASH_SKU)}`,
      method: 'GET',
      path: `products/${encodeURIComponent(SLASH_SKU)}`,
      sku: SLASH_SKU,
      signatureMethod: sha256,
      check: (body) => field(body, 'sku') === SLASH_SKU,
    },
    {
      ...base,
      id: 'create',
      label: 'POST /V1/products',
      method: 'POST',
      path: 'products',
      body: newProduct(sku, name),
      signatureMethod: sha256,
      check: (body) => field(body, 'sku') === sku && field(body, 'name') === name,
    },
    ...['default', 'all'].map((store) => ({
      ...base,
      id: `put-${store}`,
      label: `PUT /rest/${store}/V1/products/<sku>`,
      method: 'PUT',
      store,
      path: `products/${encodeURIComponent(sku)}`,
      sku,
      body: { product: { name: `${name} (${store})` } },
      signatureMethod: sha256,
      check: (body) => field(body, 'sku') === sku && field(body, 'name') === `${name} (${store})`,
    })),
    {
      ...base,
      id: 'countries',
      label: 'GET /V1/directory/countries',
      method: 'GET',
      path: 'directory/countries',
      anonymous: true,
      signatureMethod: sha256,
      check: (body) => Array.isArray(body) && body.some((country) => field(country, 'id') === 'US'),
    },
    {
      ...base,
      id: 'async',
      label: 'POST /async/V1/products',
      method: 'POST',
      async: true,
      path: 'products',
      body: newProduct(`${sku}-async`, `${name} async`),
      signatureMethod: sha256,
      check: (body) => typeof field(body, 'bulk_uuid') === 'string',
    },
    {
      ...base,
      id: 'sha1',
      label: 'HMAC-SHA1: GET /V1/store/storeConfigs',
      method: 'GET',
      path: 'store/storeConfigs',
      signatureMethod: 'HMAC-SHA1',
      check: (body) => Array.isArray(body) || Array.isArray(field(body, 'items')),
    },
  ];
}

/** `/rest/[<store>/][async/]V1/<path>` of a call, against the store's base URL. */
export function restUrl(baseUrl, call) {
  const prefix = [call.store, call.async ? 'async' : null, 'V1'].filter(Boolean).join('/');
  return `${baseUrl}rest/${prefix}/${call.path}`;
}
