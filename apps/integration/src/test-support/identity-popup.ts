/** What the identity-link sign-in page holds: its cookie, form action and hidden fields. */
export interface SignInForm {
  status: number;
  html: string;
  cookie: string;
  action: string;
  hidden: Record<string, string>;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&#39;': "'", '&lt;': '<', '&gt;': '>' };

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|quot|#39|lt|gt);/g, (entity) => ENTITIES[entity] ?? entity);
}

/** Opens the popup URL as the admin's browser does (GET) and reads the sign-in form. */
export async function openSignInForm(popupUrl: string): Promise<SignInForm> {
  const response = await fetch(popupUrl, { headers: { accept: 'text/html' } });
  const html = await response.text();
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0];
  const action = new URL(
    unescapeHtml(/<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? ''),
    popupUrl,
  ).toString();
  const hidden: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    hidden[match[1]] = unescapeHtml(match[2]);
  return { status: response.status, html, cookie, action, hidden };
}

/** Posts the sign-in form with an account; does not follow the redirect. */
export async function submitSignIn(form: SignInForm, account: { email: string; password: string }): Promise<Response> {
  const body = new URLSearchParams({ ...form.hidden, email: account.email, password: account.password });
  return fetch(form.action, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { cookie: form.cookie, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
  });
}

/** Where the page answering a successful sign-in sends the popup (its meta refresh), or null. */
export function readReturnTarget(html: string): string | null {
  const match = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html);
  return match ? unescapeHtml(match[1]) : null;
}
