// npm `magento2-api-wrapper`: axios with an interceptor that signs with `oauth-1.0a`, always
// HMAC-SHA256 (no option for another method). Paths are relative to `<url>/rest/V1/`; the `storeCode`
// request option makes that `<url>/rest/<code>/V1/`. An absolute URL (axios) reaches `/rest/async/V1/…`.

export const name = 'magento2-api-wrapper';

export function createAdapter(require, baseUrl, credentials) {
  const Magento2Api = require('magento2-api-wrapper');
  // The package appends `/rest/V1/` to the URL as given: no trailing slash.
  const url = baseUrl.replace(/\/$/, '');
  const api = new Magento2Api({
    api: {
      url,
      consumerKey: credentials.consumerKey,
      consumerSecret: credentials.consumerSecret,
      accessToken: credentials.accessToken,
      tokenSecret: credentials.accessTokenSecret,
    },
  });
  return {
    name,
    notes: 'store code through `storeCode`; async through an absolute URL',
    async send(call) {
      if (call.signatureMethod !== 'HMAC-SHA256') return { na: 'n/a: signs HMAC-SHA256 only' };
      try {
        // The package answers the body only; the status is read from the wire.
        return { body: await invoke(api, url, call) };
      } catch (error) {
        if (error.response) return { status: error.response.status, body: error.response.data };
        return { error: error.message };
      }
    },
  };
}

function invoke(api, url, call) {
  const options = call.store === null ? {} : { storeCode: call.store };
  if (call.async) return api.post(`${url}/rest/async/V1/${call.path}`, call.body);
  if (call.method === 'GET') {
    return api.get(
      call.path,
      call.searchCriteria === null ? options : { ...options, params: { searchCriteria: call.searchCriteria } },
    );
  }
  if (call.method === 'POST') return api.post(call.path, call.body, options);
  return api.put(call.path, call.body, options);
}
