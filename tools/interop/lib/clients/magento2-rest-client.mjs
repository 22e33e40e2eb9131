// npm `magento2-rest-client`: `request` and `oauth-1.0a` 1.x, always HMAC-SHA1. Its public API
// (`Magento2Client`) has `products.list(searchCriteria)`, `create`, `update`, `delete`, categories and
// product media; the REST base is the `url` option (`…/rest`, `…/rest/<store>`, `…/rest/async`). No
// generic request method is exported, so calls it has no method for are `n/a: no method`.

export const name = 'magento2-rest-client';

export function createAdapter(require, baseUrl, credentials) {
  const { Magento2Client } = require('magento2-rest-client');
  // Its winston logger writes every call and failure to the console at debug level.
  require('magento2-rest-client/lib/log').transports.console.silent = true;
  const clientFor = (call) =>
    Magento2Client({
      url: `${baseUrl}rest${call.store === null ? '' : `/${call.store}`}${call.async ? '/async' : ''}`,
      consumerKey: credentials.consumerKey,
      consumerSecret: credentials.consumerSecret,
      accessToken: credentials.accessToken,
      accessTokenSecret: credentials.accessTokenSecret,
    });
  return {
    name,
    notes:
      "every call is HMAC-SHA1 (`oauth-1.0a` 1.x, no option); the HMAC-SHA1 row is its only GET, `products.list('')`; no method for store configs, a page size, one product or countries",
    async send(call) {
      const invoke = method(clientFor(call), call);
      if (invoke === null) return { na: 'n/a: no method' };
      try {
        // The package resolves the camelCased body, or rejects with the rendered message; the status
        // is read from the wire.
        return { body: await invoke() };
      } catch (error) {
        return typeof error === 'string' ? { message: error } : { error: error.message };
      }
    },
  };
}

function method(client, call) {
  if (call.id === 'create' || call.id === 'async') return () => client.products.create(call.body);
  if (call.method === 'PUT') return () => client.products.update(call.sku, call.body);
  if (call.id === 'sha1') return () => client.products.list('');
  return null;
}
