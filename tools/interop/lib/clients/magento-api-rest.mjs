// npm `magento-api-rest`: axios and `oauth-1.0a`; `sha: 256` signs HMAC-SHA256, its default (`sha: 1`)
// HMAC-SHA1. The URL is `<url>/rest/<type>/<endpoint>`; its README names `type: 'async/V1'` for the
// asynchronous API, and the same option carries a store code (`default/V1`, `all/V1`). A GET without
// search parameters gets `?searchCriteria` appended, `?searchCriteria=` over http.

export const name = 'magento-api-rest';

/** The adapter: one client object per call, configured as a user of the package would. */
export function createAdapter(require, baseUrl, credentials) {
  const Magento = require('magento-api-rest').default;
  return {
    name,
    notes:
      '`sha: 256` for every call but the HMAC-SHA1 row, which uses its default; store code and `async` through the `type` option; a GET without search parameters gets `?searchCriteria=`',
    async send(call) {
      const client = new Magento({
        url: baseUrl,
        consumerKey: credentials.consumerKey,
        consumerSecret: credentials.consumerSecret,
        accessToken: credentials.accessToken,
        tokenSecret: credentials.accessTokenSecret,
        type: [call.store, call.async ? 'async' : null, 'V1'].filter(Boolean).join('/'),
        // The HMAC-SHA1 call uses the package's default.
        ...(call.signatureMethod === 'HMAC-SHA256' ? { sha: 256 } : {}),
      });
      try {
        const response = await invoke(client, call);
        return { status: response.status, body: response.data };
      } catch (error) {
        if (error.response) return { status: error.response.status, body: error.response.data };
        return { error: error.message };
      }
    },
  };
}

function invoke(client, call) {
  if (call.method === 'GET') return client.get(call.path, call.searchCriteria ?? undefined);
  if (call.method === 'POST') return client.post(call.path, call.body);
  return client.put(call.path, call.body);
}
