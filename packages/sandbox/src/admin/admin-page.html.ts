import { ADMIN_PAGE_SCRIPT } from './admin-page.script';
import { ADMIN_PAGE_STYLE } from './admin-page.style';
import { ADMIN_TEXTS } from './admin-page.texts';

/** `LoginSuccessCallback.php`'s page: closes the popup after one second (`setTimeout("self.close()",1000)`). */
export const LOGIN_SUCCESS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Integration activated</title></head>
<body><p>The integration is linked. This window closes itself.</p><script>setTimeout(function () { self.close(); }, 1000);</script></body></html>`;

/**
 * System > Extensions > Integrations, in one page: sign in with the admin token (or open
 * `/admin#token=…`), add an integration, the Integrations grid with Activate / Reauthorize, Magento's
 * activation dialogs and identity-link popup, Remove, and the activity log.
 */
export const ADMIN_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Integrations / Extensions / System / magekit sandbox store</title>
<style>${ADMIN_PAGE_STYLE}</style></head>
<body><header><p class="crumbs">System &rsaquo; Extensions</p><h1>Integrations</h1></header>
<main id="main">
<div id="messages"><div id="messages-error" role="alert"></div><div id="messages-info" role="status"></div><p id="busy" class="busy" hidden>${ADMIN_TEXTS.pleaseWait}</p></div>
<section aria-labelledby="auth-h"><h2 id="auth-h">Admin token</h2>
 <label for="token">Admin token printed by <code>magekit sandbox start</code></label><input id="token" type="password" autocomplete="off">
 <button type="button" id="save-token">Use token</button></section>
<section aria-labelledby="grid-h"><h2 id="grid-h">Integrations</h2>
 <table aria-labelledby="grid-h"><thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Status</th><th scope="col">Callback URL / Identity link URL</th><th scope="col">Activate</th><th scope="col">Remove</th></tr></thead><tbody id="rows"></tbody></table></section>
<section aria-labelledby="new-h"><h2 id="new-h">Add New Integration</h2>
 <form id="create"><div class="grid">
  <div><label for="name">Name</label><input id="name" required></div>
  <div><label for="email">Email</label><input id="email" type="email"></div>
  <div><label for="endpoint">Callback URL</label><input id="endpoint" placeholder="https://app.example.com/magento/callback/acme"></div>
  <div><label for="identity">Identity link URL</label><input id="identity" placeholder="https://app.example.com/magento/identity/acme"></div></div>
  <label for="resources">Resource Access: <code>all</code>, or ACL resource ids separated by commas</label><input id="resources" value="all">
  <button type="submit">Save</button></form>
 <p>Without both URLs, Activate creates the tokens directly and shows them, as Magento does.</p></section>
<section aria-labelledby="act-h"><h2 id="act-h">Activity</h2><button type="button" class="secondary" id="refresh">Refresh</button>
 <table aria-labelledby="act-h"><thead><tr><th scope="col">Time</th><th scope="col">Integration</th><th scope="col">Event</th><th scope="col">Detail</th></tr></thead><tbody id="activity"></tbody></table></section>
</main>
<dialog id="integration-dialog" aria-labelledby="dialog-title"><h2 id="dialog-title" tabindex="-1"></h2><div id="dialog-content"></div><div id="dialog-actions" class="actions"></div></dialog>
<script>${ADMIN_PAGE_SCRIPT}</script></body></html>`;
