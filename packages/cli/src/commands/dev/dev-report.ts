/** What `magekit dev` reports once the store is active. */
export interface DevReady {
  app: string;
  appUrl: string;
  dashboardUrl: string;
  apiToken: string;
  sandboxUrl: string;
  sandboxAdminToken: string;
  storeStatus: string;
  consumerKey: string;
  callbackUrl: string;
  identityLinkUrl: string;
}

/** The one `--json` line: `{"appUrl","dashboardUrl","apiToken","sandboxUrl","storeStatus"}`. */
export function formatReadyJson(ready: DevReady): string {
  const { appUrl, dashboardUrl, apiToken, sandboxUrl, storeStatus } = ready;
  return `${JSON.stringify({ appUrl, dashboardUrl, apiToken, sandboxUrl, storeStatus })}\n`;
}

/** The sandbox admin page, signed in through its `#token=` fragment. */
export function sandboxAdminLink(ready: Pick<DevReady, 'sandboxUrl' | 'sandboxAdminToken'>): string {
  return `${ready.sandboxUrl}admin#token=${encodeURIComponent(ready.sandboxAdminToken)}`;
}

/** The `[dev]` block printed when everything is up. */
export function formatReadyText(ready: DevReady): string {
  const lines = [
    `${ready.app} is up, its store active in the sandbox:`,
    `  App:            ${ready.appUrl}`,
    `  Dashboard:      ${ready.dashboardUrl}   (sign in with the API token)`,
    `  API token:      ${ready.apiToken}`,
    `  Sandbox admin:  ${sandboxAdminLink(ready)}`,
    `  Store:          ${ready.sandboxUrl} (consumer key ${ready.consumerKey}): ${ready.storeStatus}`,
    `  Callback URL:   ${ready.callbackUrl}`,
    `  Identity link:  ${ready.identityLinkUrl}`,
    'Ctrl-C stops the app and the sandbox; the next `magekit dev` reuses their data.',
  ];
  return lines.map((line) => `[dev] ${line}\n`).join('');
}
