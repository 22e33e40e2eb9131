/** `LoginSuccessCallback.php`'s page: closes the popup after one second. */
export const LOGIN_SUCCESS_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Integration activated</title></head>
<body><p>The integration is linked. This window closes itself.</p><script>setTimeout(function () { window.close(); }, 1000);</script></body></html>`;

/**
 * System > Extensions > Integrations, in one page: sign in with the admin token, add an integration,
 * Activate / Reauthorize (the consumer POST happens on the server, then the identity link opens in a
 * popup as Magento's integration.js does), delete, and watch the activity log.
 */
export const ADMIN_PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>magekit sandbox store: integrations</title>
<style>
 body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1f2328;background:#f6f8fa}
 header{background:#23272e;color:#fff;padding:12px 24px}h1{font-size:18px;margin:0}
 main{max-width:1100px;margin:0 auto;padding:16px 24px}section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px;margin:0 0 16px}
 h2{font-size:16px;margin:0 0 12px}label{display:block;margin:6px 0 2px;font-weight:600}input,textarea{width:100%;box-sizing:border-box;padding:6px 8px;border:1px solid #8c959f;border-radius:6px;font:inherit}
 button{font:inherit;padding:6px 12px;border-radius:6px;border:1px solid #1f6feb;background:#1f6feb;color:#fff;cursor:pointer;margin:4px 4px 0 0}button.secondary{background:#fff;color:#1f6feb}button.danger{border-color:#cf222e;background:#fff;color:#cf222e}
 table{width:100%;border-collapse:collapse}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #d8dee4;vertical-align:top}code,pre{font:13px ui-monospace,monospace;word-break:break-all}
 .status{padding:2px 8px;border-radius:10px;font-size:13px}.s1{background:#dafbe1;color:#116329}.s0{background:#fff8c5;color:#7d4e00}.s2{background:#ddf4ff;color:#0969da}
 #message{min-height:1.5em}.error{color:#cf222e}.grid{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}@media(max-width:700px){.grid{grid-template-columns:1fr}}
</style></head>
<body><header><h1>magekit sandbox store: System &rsaquo; Extensions &rsaquo; Integrations</h1></header>
<main>
<section aria-labelledby="auth-h"><h2 id="auth-h">Admin token</h2>
 <label for="token">Token printed by <code>magekit sandbox start</code></label><input id="token" type="password" autocomplete="off">
 <button id="save-token">Use token</button></section>
<section aria-labelledby="new-h"><h2 id="new-h">Add New Integration</h2>
 <form id="create"><div class="grid">
  <div><label for="name">Name</label><input id="name" required></div>
  <div><label for="email">Email</label><input id="email" type="email"></div>
  <div><label for="endpoint">Callback URL (Endpoint)</label><input id="endpoint" placeholder="https://app.example.com/magento/callback/acme"></div>
  <div><label for="identity">Identity link URL</label><input id="identity" placeholder="https://app.example.com/magento/identity/acme"></div></div>
  <label for="resources">Resource access: <code>all</code>, or ACL resource ids separated by commas</label><input id="resources" value="all">
  <button type="submit">Save</button></form>
 <p>Without both URLs, Activate creates the tokens directly and shows them, as Magento does.</p></section>
<section aria-labelledby="list-h"><h2 id="list-h">Integrations</h2><p id="message" role="status" aria-live="polite"></p>
 <table><thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Callback / identity link</th><th scope="col">Actions</th></tr></thead><tbody id="rows"></tbody></table></section>
<section aria-labelledby="act-h"><h2 id="act-h">Activity</h2><button class="secondary" id="refresh">Refresh</button>
 <table><thead><tr><th scope="col">Time</th><th scope="col">Integration</th><th scope="col">Event</th><th scope="col">Detail</th></tr></thead><tbody id="activity"></tbody></table></section>
</main>
<script>
(function () {
  var tokenInput = document.getElementById('token');
  tokenInput.value = sessionStorage.getItem('sandboxToken') || '';
  var STATUS = { 0: 'Inactive', 1: 'Active', 2: 'Reset' };
  function say(text, isError) { var m = document.getElementById('message'); m.textContent = text; m.className = isError ? 'error' : ''; }
  function api(method, path, body) {
    return fetch('/sandbox/admin' + path, { method: method, headers: { 'Authorization': 'Bearer ' + tokenInput.value, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (res) { return res.text().then(function (text) { var data = text ? JSON.parse(text) : null; if (!res.ok) throw new Error((data && data.message) || res.statusText); return data; }); });
  }
  function cell(row, text, code) { var td = document.createElement('td'); if (code) { var c = document.createElement('code'); c.textContent = text; td.appendChild(c); } else td.textContent = text; row.appendChild(td); return td; }
  function button(td, label, cls, onClick) { var b = document.createElement('button'); b.type = 'button'; b.textContent = label; if (cls) b.className = cls; b.addEventListener('click', onClick); td.appendChild(b); }
  function load() {
    api('GET', '/integrations').then(function (list) {
      var rows = document.getElementById('rows'); rows.textContent = '';
      if (list.length === 0) { var r = document.createElement('tr'); cell(r, 'No integrations yet: add one above.'); rows.appendChild(r); }
      list.forEach(function (it) {
        var r = document.createElement('tr'); cell(r, it.name);
        var s = cell(r, ''); var badge = document.createElement('span'); badge.className = 'status s' + it.status; badge.textContent = STATUS[it.status]; s.appendChild(badge);
        cell(r, (it.endpoint || '(none)') + ' / ' + (it.identity_link_url || '(none)'), true);
        var actions = cell(r, '');
        button(actions, it.status === 1 ? 'Reauthorize' : 'Activate', '', function () { activate(it, it.status === 1); });
        button(actions, 'Delete', 'danger', function () { if (confirm('Delete ' + it.name + '?')) api('DELETE', '/integrations/' + it.id).then(load, fail); });
        rows.appendChild(r);
      });
      loadActivity();
    }, fail);
  }
  function loadActivity() {
    api('GET', '/activity').then(function (events) {
      var body = document.getElementById('activity'); body.textContent = '';
      events.slice().reverse().forEach(function (e) { var r = document.createElement('tr'); cell(r, e.at); cell(r, String(e.integrationId)); cell(r, e.type); cell(r, e.detail, true); body.appendChild(r); });
    }, fail);
  }
  function activate(it, re) {
    say((re ? 'Reauthorizing ' : 'Activating ') + it.name + '…');
    api('POST', '/integrations/' + it.id + (re ? '/reauthorize' : '/activate')).then(function (result) {
      if (result.mode === 'direct') {
        say('Integration tokens: consumer key ' + result.consumer_key + ', consumer secret ' + result.consumer_secret + ', access token ' + result.access_token + ', access token secret ' + result.access_token_secret);
        load(); return;
      }
      say('Posted the credentials to the callback (HTTP ' + result.endpoint_status + '); opening the identity link.');
      var popup = window.open(result.popup_url, 'integration', 'width=780,height=640');
      var timer = setInterval(function () { if (!popup || popup.closed) { clearInterval(timer); load(); } }, 500);
      load();
    }, fail);
  }
  function fail(error) { say(error.message, true); }
  document.getElementById('save-token').addEventListener('click', function () { sessionStorage.setItem('sandboxToken', tokenInput.value); load(); });
  document.getElementById('refresh').addEventListener('click', load);
  document.getElementById('create').addEventListener('submit', function (event) {
    event.preventDefault();
    var raw = document.getElementById('resources').value.trim();
    var body = { name: document.getElementById('name').value, email: document.getElementById('email').value || undefined,
      endpoint_url: document.getElementById('endpoint').value || undefined, identity_link_url: document.getElementById('identity').value || undefined,
      resources: raw === 'all' ? 'all' : raw.split(',').map(function (s) { return s.trim(); }).filter(Boolean) };
    api('POST', '/integrations', body).then(function () { say('Saved ' + body.name + '.'); load(); }, fail);
  });
  if (tokenInput.value) load();
})();
</script></body></html>`;
