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
  const notice =
    input.error && input.notice ? `<p class="hint" id="sign-in-notice">${escapeHtml(input.notice)}</p>\n` : '';
  const error = input.error
    ? `<div role="alert"><p class="error" id="sign-in-error">${escapeHtml(input.error)}</p>\n${notice}</div>\n`
    : '';
  const described = input.error ? ` aria-describedby="sign-in-error${notice ? ' sign-in-notice' : ''}"` : '';
  const invalid = input.error ? ' aria-invalid="true"' : '';
  return renderPage(
    `${input.productName}: connect your Magento store`,
    `<h1>${escapeHtml(input.productName)}</h1>
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
</form>`,
  );
}

/** Shown when the sign-in succeeded but `success_call_back` is not the calling store's. */
export function renderLinkedPage(productName: string, accountName: string): string {
  return renderPage(
    `${productName}: store connected`,
    `<h1>Store connected</h1>
<p role="status">The activation is linked to ${escapeHtml(accountName)}. You can close this window and return to the Magento admin.</p>`,
  );
}

/**
 * Shown after a sign-in whose `success_call_back` is on the calling store: it sends the popup
 * there at once (Magento's `loginSuccessCallback` then closes it), with a link if it does not.
 */
export function renderReturnPage(productName: string, accountName: string, target: string): string {
  return renderPage(
    `${productName}: store connected`,
    `<h1>Store connected</h1>
<p role="status">The activation is linked to ${escapeHtml(accountName)}. Returning to the Magento admin…</p>
<p><a href="${escapeHtml(target)}">Continue to the Magento admin</a></p>`,
    `<meta http-equiv="refresh" content="0; url=${escapeHtml(target)}">\n`,
  );
}

/** An error page (bad link, expired form, unexpected failure). */
export function renderErrorPage(message: string, hint?: string): string {
  return renderPage(
    'Something went wrong',
    `<h1>Something went wrong</h1>
<p class="error" role="alert">${escapeHtml(message)}</p>${hint ? `\n<p class="hint">${escapeHtml(hint)}</p>` : ''}`,
  );
}

/** What went wrong, for {@link renderNotConnectedPage}. */
export interface NotConnected {
  productName: string;
  accountName: string;
  /** `refused`: the callback was refused; `failed`: the token exchange failed; `activating`: still running. */
  kind: 'refused' | 'failed' | 'activating';
  code: string;
  message: string;
  /** The Magento admin page to return to (the validated `success_call_back`), if any. */
  returnTo: string | null;
}

const NOT_CONNECTED_TITLES: Record<NotConnected['kind'], string> = {
  refused: 'The connection was refused',
  failed: 'The connection did not complete',
  activating: 'The connection is taking longer than usual',
};

/**
 * Shown after a sign-in when the store is not active: the merchant must not take a failed
 * activation for a success. Says what happened, what to do, and the code to quote to support.
 */
export function renderNotConnectedPage(input: NotConnected): string {
  const next =
    input.kind === 'activating'
      ? 'Wait a minute, then reload the Integrations page in the Magento admin: the integration shows Active once the connection is complete.'
      : 'In the Magento admin (System › Extensions › Integrations), check the integration and click Reauthorize to try again.';
  const back = input.returnTo ? `\n<p><a href="${escapeHtml(input.returnTo)}">Return to the Magento admin</a></p>` : '';
  return renderPage(
    `${input.productName}: ${NOT_CONNECTED_TITLES[input.kind]}`,
    `<h1>${NOT_CONNECTED_TITLES[input.kind]}</h1>
<div role="alert"><p>You are signed in as ${escapeHtml(input.accountName)}, but this store is not connected yet.</p>
<p class="error">${escapeHtml(input.message)}</p></div>
<p>${escapeHtml(next)} If it happens again, contact the integration's support and quote the code <code>${escapeHtml(input.code)}</code>.</p>${back}`,
  );
}
