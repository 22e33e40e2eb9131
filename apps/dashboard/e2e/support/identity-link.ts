/**
 * What the merchant's browser does with the identity-link popup Magento opens after Activate:
 * load the sign-in page, submit the vendor account, follow to Magento's success page.
 */
export async function signInOnIdentityLink(popupUrl: string, account: { email: string; password: string }): Promise<number> {
  const page = await fetch(popupUrl, { headers: { accept: 'text/html' } });
  const html = await page.text();
  const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`The identity link answered ${page.status} without a sign-in form`);
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(match[1], unescapeHtml(match[2]));
  fields.set('email', account.email);
  fields.set('password', account.password);
  const answer = await fetch(new URL(unescapeHtml(action), popupUrl), { method: 'POST', body: fields, redirect: 'manual', headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' } });
  return answer.status;
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ({ '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' })[entity] ?? entity);
}
