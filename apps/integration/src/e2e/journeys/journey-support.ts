import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SERVICE_MAIN, spawnService, type ServiceProcess } from '../../test-support/service-process';

/** The app the journeys run against: the built main service, or a generated app's build (`MAGEKIT_JOURNEY_APP_MAIN`). */
export const JOURNEY_APP = {
  main: process.env.MAGEKIT_JOURNEY_APP_MAIN ?? SERVICE_MAIN,
  label: process.env.MAGEKIT_JOURNEY_APP_LABEL ?? 'integration',
};

/** Where the screenshots of a journey go: `apps/integration/test-output/journeys/<app>/`. */
export function screenshotDir(): string {
  const dir = join(__dirname, '..', '..', '..', 'test-output', 'journeys', JOURNEY_APP.label);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A started app with what its banner printed: the URLs for Magento and the first-start credentials. */
export interface JourneyApp {
  process: ServiceProcess;
  callbackUrl: string;
  identityUrl: string;
  dashboardUrl: string;
  apiToken: string;
  account: { email: string; password: string };
  /** A call to the app's admin API with the first-start token. */
  api<T>(path: string): Promise<T>;
}

function bannerValue(stdout: string, label: string): string {
  const match = new RegExp(`${label}\\s+(\\S.*)$`, 'm').exec(stdout);
  if (!match) throw new Error(`the banner has no "${label}" line:\n${stdout}`);
  return match[1].trim();
}

/**
 * Starts the built app on a fresh data directory with development settings (loopback stores allowed,
 * or not with `strict`); `env` adds or overrides settings (e.g. `IMS_TOKEN_URL`, `LOG_LEVEL`).
 */
export async function startJourneyApp(
  options: { strict?: boolean; env?: Record<string, string> } = {},
): Promise<JourneyApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-journey-'));
  const env = {
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    STORE_URL_ALLOW_HTTP: 'true',
    STORE_URL_ALLOWED_NETWORKS: options.strict ? '' : '127.0.0.0/8',
    ...options.env,
  };
  const started = await spawnService(env, dataDir, 30_000, JOURNEY_APP.main);
  const out = started.stdout();
  const [email, password] = bannerValue(out, 'Vendor account \\(identity link\\):').split(' / ');
  const local = (url: string) => url.replace('localhost', '127.0.0.1');
  const apiToken = bannerValue(out, 'API token \\(dashboard and /api\\):');
  return {
    process: started,
    callbackUrl: local(bannerValue(out, 'Callback URL:')),
    identityUrl: local(bannerValue(out, 'Identity link URL:')),
    dashboardUrl: `${started.base}/dashboard/`,
    apiToken,
    account: { email, password },
    async api<T>(path: string): Promise<T> {
      const response = await fetch(`${started.base}${path}`, { headers: { authorization: `Bearer ${apiToken}` } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}`);
      return (await response.json()) as T;
    },
  };
}

/** Signs in to the app's dashboard with its API token. */
export async function signInToDashboard(page: Page, app: JourneyApp): Promise<void> {
  await page.goto(app.dashboardUrl);
  await page.getByLabel('API token').fill(app.apiToken);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Stores', level: 1 }).waitFor();
}

/** Fills and submits the identity-link sign-in in the popup. */
export async function signInInPopup(popup: Page, account: { email: string; password: string }): Promise<void> {
  await popup.getByLabel('E-mail address').fill(account.email);
  await popup.getByLabel('Password').fill(account.password);
  await popup.getByRole('button', { name: 'Sign in and connect' }).click();
}
