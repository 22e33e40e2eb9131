/**
 * The admin page's activation dialogs, as browser script text (the project compiles without the DOM
 * library). Follows `Magento_Integration::js/integration.js`: Activate / Reauthorize opens the
 * permissions dialog (`PermissionsDialog`); Allow runs `TokensExchange` (callback POST on the server,
 * then the identity link in a popup polled every 500 ms until it is closed or at `success_call_back`,
 * then the grid reloads) or `TokensDialog` (the four credentials, Done). One native `<dialog>`: modal,
 * labelled by its title (the integration's name, as Magento titles it), focus moved to the title,
 * Escape or Cancel closes it and focus returns to the row's button.
 */
export const ADMIN_DIALOGS_SCRIPT = `
  var dialog = byId('integration-dialog');
  var dialogState = { onClose: null, returnFocusId: null };
  var identityLogin = { win: null, checker: null, successCallbackUrl: null, CHECKER_INTERVAL: 500, WIDTH: 680, HEIGHT: 510 };

  function openDialog(title, body, buttons, options) {
    byId('dialog-title').textContent = title;
    var content = byId('dialog-content'); content.textContent = ''; content.appendChild(body);
    if (options.describedBy) dialog.setAttribute('aria-describedby', options.describedBy); else dialog.removeAttribute('aria-describedby');
    var actions = byId('dialog-actions'); actions.textContent = '';
    buttons.forEach(function (spec) {
      var b = element('button', spec.text, spec.primary ? 'action-primary' : 'secondary'); b.type = 'button';
      b.addEventListener('click', spec.click); actions.appendChild(b);
    });
    dialogState.onClose = options.onClose || null;
    if (options.returnFocusId) dialogState.returnFocusId = options.returnFocusId;
    if (!dialog.open) dialog.showModal();
    byId('dialog-title').focus();
  }
  function closeDialog() { if (dialog.open) dialog.close(); }
  dialog.addEventListener('close', function () {
    var onClose = dialogState.onClose; dialogState.onClose = null;
    if (onClose) onClose();
    var back = dialogState.returnFocusId && byId(dialogState.returnFocusId);
    if (back) back.focus();
  });

  function showPermissions(it) {
    var returnFocusId = 'activate-' + it.id;
    startBusy();
    api('GET', '/integrations/' + it.id + '/permissions').then(function (view) {
      stopBusy();
      var verb = view.reauthorize ? T.reauthorize : T.allow;
      openDialog(view.name, permissionsBody(view), [
        { text: 'Cancel', click: closeDialog },
        { text: verb, primary: true, click: function () { dialogState.returnFocusId = returnFocusId; closeDialog(); allow(view); } },
      ], { describedBy: 'dialog-intro', returnFocusId: returnFocusId });
    }, function (error) { stopBusy(); fail(error); });
  }
  function permissionsBody(view) {
    var box = document.createElement('div');
    var intro = element('p', T.permissionsIntro); intro.id = 'dialog-intro'; box.appendChild(intro);
    var heading = element('h3', T.availableApis); heading.id = 'dialog-apis'; box.appendChild(heading);
    if (view.resources.length === 0) { box.appendChild(element('p', T.noPermissions, 'empty')); return box; }
    var list = element('ul', '', 'resources'); list.setAttribute('aria-labelledby', 'dialog-apis');
    view.resources.forEach(function (resource) {
      var item = element('li'); item.setAttribute('data-resource-id', resource.id);
      item.appendChild(element('span', resource.title, 'resource-title'));
      if (resource.path.length > 0) item.appendChild(element('span', ' (' + resource.path.join(' > ') + ')', 'resource-path'));
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function allow(view) {
    clearMessages();
    startBusy();
    api('POST', '/integrations/' + view.integration_id + (view.reauthorize ? '/reauthorize' : '/activate')).then(function (result) {
      stopBusy();
      if (result.mode === 'direct') showTokens(view, result); else exchangeTokens(view, result);
    }, function (error) { stopBusy(); fail(error); load(); });
  }
  function showTokens(view, result) {
    showMessage('success', fmt(view.reauthorize ? T.reauthorized : T.activated, view.name));
    var form = document.createElement('fieldset'); form.appendChild(element('legend', T.tokensLegend));
    [['consumer_key', T.consumerKey], ['consumer_secret', T.consumerSecret], ['access_token', T.accessToken], ['access_token_secret', T.accessTokenSecret]].forEach(function (field) {
      var id = 'integration_token_' + field[0];
      var label = element('label', field[1]); label.htmlFor = id; form.appendChild(label);
      var input = document.createElement('input'); input.id = id; input.readOnly = true; input.value = result[field[0]]; form.appendChild(input);
    });
    openDialog(view.name, form, [{ text: T.done, primary: true, click: closeDialog }], { onClose: load });
  }
  function exchangeTokens(view, result) {
    load();
    if (!invokePopup(result)) return;
    var box = document.createElement('div');
    box.appendChild(element('p', fmt(view.reauthorize ? T.sentForReauthorization : T.sentForActivation, view.name), 'message message-notice'));
    var info = element('p', T.signInThirdParty); info.id = 'dialog-intro'; box.appendChild(info);
    openDialog(view.name, box, [], { describedBy: 'dialog-intro' });
  }

  function invokePopup(result) {
    var query = param({ oauth_consumer_key: result.oauth_consumer_key, success_call_back: result.success_call_back });
    var left = screen.width - identityLogin.WIDTH - 30, top = screen.height - identityLogin.HEIGHT - 300;
    identityLogin.successCallbackUrl = result.success_call_back;
    identityLogin.win = window.open(result.identity_link_url + '?' + query, '',
      'top=' + top + ', left=' + left + ', width=' + identityLogin.WIDTH + ', height=' + identityLogin.HEIGHT + ',scrollbars=no');
    if (identityLogin.checker !== null) clearInterval(identityLogin.checker);
    identityLogin.checker = setInterval(checkPopup, identityLogin.CHECKER_INTERVAL);
    try { identityLogin.win.focus(); } catch (e) {
      clearInterval(identityLogin.checker); identityLogin.checker = null;
      showMessage('error', T.popupBlocked);
      return false;
    }
    return true;
  }
  function checkPopup() {
    var win = identityLogin.win;
    if (win === null) return;
    var done;
    try { done = win.closed || win.location.href === identityLogin.successCallbackUrl; } catch (e) { done = win.closed; }
    if (!done) return;
    clearInterval(identityLogin.checker); identityLogin.checker = null;
    closeDialog();
    load();
  }
  function param(values) {
    return Object.keys(values).map(function (key) {
      return encodeURIComponent(key) + '=' + encodeURIComponent(values[key]).replace(/%20/g, '+');
    }).join('&');
  }
`;
