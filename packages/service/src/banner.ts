import type { FirstStartCredentials } from './storage/first-start';

/** The URLs a vendor needs, derived from `PUBLIC_URL` and `TENANT`. */
export interface ServiceUrls {
  publicUrl: string;
  /** Magento's "Callback URL" of the integration. */
  callback: string;
  /** Magento's "Identity link URL" of the integration. */
  identityLink: string;
  /** Null when the dashboard is not built. */
  dashboard: string | null;
  apiDocs: string;
  health: string;
}

/** Builds the {@link ServiceUrls}. */
export function serviceUrls(publicUrl: string, tenant: string, dashboardBase: string | null): ServiceUrls {
  return {
    publicUrl,
    callback: `${publicUrl}/magento/callback/${tenant}`,
    identityLink: `${publicUrl}/magento/identity/${tenant}`,
    dashboard: dashboardBase === null ? null : `${publicUrl}${dashboardBase}`,
    apiDocs: `${publicUrl}/api/docs`,
    health: `${publicUrl}/health`,
  };
}

/** Who the banner speaks for: the name it starts with, and a generated app's name for `--app`. */
export interface BannerIdentity {
  name?: string;
  /** A generated app: the printed magekit commands act on its data (`--app <app>`). */
  app?: string | null;
}

/**
 * The text printed at start: the URLs to paste into Magento, and the first-start credentials once,
 * with the magekit commands that create more (for a generated app, with `--app <app>`).
 */
export function formatBanner(
  urls: ServiceUrls,
  database: string,
  firstStart: FirstStartCredentials | null,
  identity: BannerIdentity = {},
): string {
  const app = identity.app ? ` --app ${identity.app}` : '';
  const lines = [
    `${identity.name ?? 'magekit integration service'} listening on ${urls.publicUrl}  (database: ${database})`,
    '',
    '  In the Magento admin (System > Extensions > Integrations > Add New Integration):',
    `    Callback URL:       ${urls.callback}`,
    `    Identity link URL:  ${urls.identityLink}`,
    '',
    `  Dashboard:          ${urls.dashboard ?? `${urls.publicUrl}/  (not built: run \`npx nx build dashboard\`)`}`,
    `  Admin API docs:     ${urls.apiDocs}`,
    `  Health:             ${urls.health}`,
  ];
  if (firstStart) {
    lines.push(
      '',
      '  First start: created once, shown only now (stored hashed):',
      `    API token (dashboard and /api):  ${firstStart.apiToken}`,
      `    Vendor account (identity link):  ${firstStart.account.email} / ${firstStart.account.password}`,
      `  More with \`npx magekit tokens create --name <name>${app}\` and \`npx magekit accounts create --email <e-mail> --name <name>${app}\`.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
