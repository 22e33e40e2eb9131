import { escapeHtml, renderPage } from './html';

/** What the sign-in form needs. */
export interface SignInPageInput {
  productName: string;
  action: string;
  consumerKey: string;
  successCallBack: string;
  formToken: string;
  email?: string;
  error?: string;
  /** A second line under the error (e.g. "wait N minutes"). */
  notice?: string;
}

/** The identity-link sign-in form: labelled fields, autocomplete hints, errors announced. */
export function renderSignInPage(input: SignInPageInput): string {
  const notice = input.error && input.notice ? `<p class="hint" id="sign-in-notice">${escapeHtml(input.notice)}</p>\n` : '';
  const error = input.error ? `<div role="alert"><p class="error" id="sign-in-error">${escapeHtml(input.error)}</p>\n${notice}</div>\n` : '';
  const described = input.error ? ` aria-describedby="sign-in-error${notice ? ' sign-in-notice' : ''}"` : '';
  const invalid = input.error ? ' aria-invalid="true"' : '';
  return renderPage(`${input.productName}: connect your Magento store`, `<h1>${escapeHtml(input.productName)}</h1>
<p>Sign in to connect this Magento store to your account.</p>
${error}<form method="post" action="${escapeHtml(input.action)}"${described}>
<input type="hidden" name="oauth_consumer_key" value="${escapeHtml(input.consumerKey)}">
<input type="hidden" name="success_call_back" value="${escapeHtml(input.successCallBack)}">
<input type="hidden" name="form_token" value="${escapeHtml(input.formToken)}">
<label for="email">E-mail address</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}"${invalid}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}>
<button type="submit">Sign in and connect</button>
</form>`);
}

/** Shown when the sign-in succeeded but `success_call_back` is not the calling store's. */
export function renderLinkedPage(productName: string, accountName: string): string {
  return renderPage(`${productName}: store connected`, `<h1>Store connected</h1>
<p role="status">The activation is linked to ${escapeHtml(accountName)}. You can close this window and return to the Magento admin.</p>`);
}

/**
 * Shown after a sign-in whose `success_call_back` is on the calling store: it sends the popup
 * there at once (Magento's `loginSuccessCallback` then closes it), with a link if it does not.
 */
export function renderReturnPage(productName: string, accountName: string, target: string): string {
  return renderPage(`${productName}: store connected`, `<h1>Store connected</h1>
<p role="status">The activation is linked to ${escapeHtml(accountName)}. Returning to the Magento admin…</p>
<p><a href="${escapeHtml(target)}">Continue to the Magento admin</a></p>`, `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">\n`);
}

/** An error page (bad link, expired form, unexpected failure). */
export function renderErrorPage(message: string, hint?: string): string {
  return renderPage('Something went wrong', `<h1>Something went wrong</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>${hint ? `\n<p class="hint">${escapeHtml(hint)}</p>` : ''}`);
}
