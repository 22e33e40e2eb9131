import { ADMIN_DIALOGS_SCRIPT } from './admin-dialogs.script';
import { ADMIN_TEXTS } from './admin-page.texts';

/**
 * The admin page's script: the admin token (typed, or from the URL fragment `#token=…`, kept in
 * sessionStorage and removed from the address bar), Magento's messages (errors in a `role=alert`
 * region, notices and successes in a `role=status` one), the Integrations grid, Add New Integration,
 * Remove, the activity log, and the activation dialogs of {@link ADMIN_DIALOGS_SCRIPT}.
 */
export const ADMIN_PAGE_SCRIPT = `(function () {
  'use strict';
  var T = ${JSON.stringify(ADMIN_TEXTS)};
  function byId(id) { return document.getElementById(id); }
  function element(tag, text, cls) { var e = document.createElement(tag); if (text) e.textContent = text; if (cls) e.className = cls; return e; }
  function fmt(text, name) { return text.replace('%1', name); }
  var tokenInput = byId('token');
  var busy = 0;

  function takeFragmentToken() {
    var fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    var token = fragment.get('token');
    if (!token) return;
    sessionStorage.setItem('sandboxToken', token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  function showMessage(kind, text) {
    clearMessages();
    byId(kind === 'error' ? 'messages-error' : 'messages-info').appendChild(element('p', text, 'message message-' + kind));
  }
  function clearMessages() { byId('messages-error').textContent = ''; byId('messages-info').textContent = ''; }
  function fail(error) { showMessage('error', error.message || T.somethingWrong); }
  function startBusy() { busy += 1; byId('busy').hidden = false; byId('main').setAttribute('aria-busy', 'true'); }
  function stopBusy() { busy = Math.max(0, busy - 1); if (busy === 0) { byId('busy').hidden = true; byId('main').removeAttribute('aria-busy'); } }

  function api(method, path, body) {
    return fetch('/sandbox/admin' + path, { method: method, headers: { 'Authorization': 'Bearer ' + tokenInput.value, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined })
      .then(function (res) {
        return res.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
          if (!res.ok) { var error = new Error((data && data.message) || T.somethingWrong); error.status = res.status; error.body = data; throw error; }
          return data;
        });
      });
  }

  function cell(row, text, cls) { var td = element('td', text, cls); row.appendChild(td); return td; }
  function rowButton(td, id, label, cls, onClick) { var b = element('button', label, cls); b.type = 'button'; b.id = id; b.addEventListener('click', onClick); td.appendChild(b); }
  function load() {
    return api('GET', '/integrations').then(renderRows, fail).then(loadActivity);
  }
  function renderRows(list) {
    var focusedId = document.activeElement && document.activeElement.id;
    var rows = byId('rows'); rows.textContent = '';
    if (list.length === 0) { var empty = element('tr'); cell(empty, T.noRecords).colSpan = 6; rows.appendChild(empty); }
    list.forEach(function (it) {
      var r = element('tr'); r.setAttribute('data-integration-id', String(it.id));
      var name = element('th', it.name); name.scope = 'row'; r.appendChild(name);
      cell(r, it.email || '');
      cell(r, T.statuses[it.status] || String(it.status), 'status s' + it.status);
      cell(r, (it.endpoint || '(none)') + ' / ' + (it.identity_link_url || '(none)'), 'urls');
      rowButton(cell(r, ''), 'activate-' + it.id, it.status === 0 ? T.activate : T.reauthorize, 'action-activate', function () { if (busy === 0) showPermissions(it); });
      rowButton(cell(r, ''), 'remove-' + it.id, T.remove, 'danger', function () { remove(it); });
      rows.appendChild(r);
    });
    if (focusedId && byId(focusedId)) byId(focusedId).focus();
  }
  function remove(it) {
    if (!confirm(T.confirmRemove)) return;
    api('DELETE', '/integrations/' + it.id).then(function () { showMessage('success', fmt(T.deleted, it.name)); load(); }, fail);
  }
  function loadActivity() {
    return api('GET', '/activity').then(function (events) {
      var body = byId('activity'); body.textContent = '';
      events.slice().reverse().forEach(function (e) { var r = element('tr'); cell(r, e.at); cell(r, String(e.integrationId)); cell(r, e.type); cell(r, e.detail, 'detail'); body.appendChild(r); });
    }, function () { /* the grid already reported it */ });
  }
${ADMIN_DIALOGS_SCRIPT}
  byId('save-token').addEventListener('click', function () { sessionStorage.setItem('sandboxToken', tokenInput.value); clearMessages(); load(); });
  byId('refresh').addEventListener('click', load);
  byId('create').addEventListener('submit', function (event) {
    event.preventDefault();
    var raw = byId('resources').value.trim();
    var body = { name: byId('name').value, email: byId('email').value || undefined,
      endpoint_url: byId('endpoint').value || undefined, identity_link_url: byId('identity').value || undefined,
      resources: raw === 'all' ? 'all' : raw.split(',').map(function (s) { return s.trim(); }).filter(Boolean) };
    api('POST', '/integrations', body).then(function () { showMessage('success', fmt(T.saved, body.name)); load(); }, fail);
  });
  takeFragmentToken();
  tokenInput.value = sessionStorage.getItem('sandboxToken') || '';
  if (tokenInput.value) load();
})();`;
