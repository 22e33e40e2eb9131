/** The answer to the sign-in: its status and where its page sends the popup (its meta refresh). */
export interface SignInAnswer {
  status: number;
  returnsTo: string | null;
}

/**
 * What the merchant's browser does with the identity-link popup Magento opens after Activate:
 * load the sign-in page and submit the vendor account. The service answers with a page that
 * sends the popup on to Magento's `success_call_back` (a meta refresh, not a redirect).
 */
export async function signInOnIdentityLink(
  popupUrl: string,
  account: { email: string; password: string },
): Promise<SignInAnswer> {
  const page = await fetch(popupUrl, { headers: { accept: 'text/html' } });
  const html = await page.text();
  const cookie = (page.headers.getSetCookie()[0] ?? '').split(';')[0];
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`The identity link answered ${page.status} without a sign-in form`);
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields.set(match[1], unescapeHtml(match[2]));
  fields.set('email', account.email);
  fields.set('password', account.password);
  const answer = await fetch(new URL(unescapeHtml(action), popupUrl), {
    method: 'POST',
    body: fields,
    redirect: 'manual',
    headers: { cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  });
  const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(await answer.text());
  return { status: answer.status, returnsTo: refresh ? unescapeHtml(refresh[1]) : null };
}

function unescapeHtml(text: string): string {
  return text.replace(
    /&(amp|quot|#39|lt|gt);/g,
    (entity) => ({ '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' })[entity] ?? entity,
  );
}
