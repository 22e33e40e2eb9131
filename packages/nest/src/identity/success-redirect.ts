/**
 * Where to send the popup after a sign-in: `success_call_back` only when it is an http(s) URL
 * on the same origin as the `store_base_url` that called back (Magento's
 * `…/admin/integration/loginSuccessCallback/`, docs/magento-behaviour.md §2.6); otherwise null, and a
 * "you can close this window" page is shown. This is what keeps the identity link from being an
 * open redirect. Pure.
 */
export function chooseSuccessRedirect(successCallBack: string | undefined, storeBaseUrl: string | null): string | null {
  if (!successCallBack || !storeBaseUrl) return null;
  const target = parseHttpUrl(successCallBack);
  const store = parseHttpUrl(storeBaseUrl);
  if (!target || !store || target.username || target.password) return null;
  return target.origin === store.origin ? target.href : null;
}

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
