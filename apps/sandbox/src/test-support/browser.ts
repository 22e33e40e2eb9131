import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`). */
export const BROWSER_PATH = process.env.MAGEKIT_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here (null when they can). */
export function browserUnavailable(): string | null {
  return existsSync(BROWSER_PATH) ? null : `no chromium at ${BROWSER_PATH}`;
}

/** Headless chromium with the flags this machine needs (no background networking on a closed network). */
export function openBrowser(): Promise<Browser> {
  const flags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  return chromium.launch({ executablePath: BROWSER_PATH, headless: true, args: flags });
}

/**
 * Registers a browser suite: run when chromium is there, a failing test when it is missing and
 * CI=true, otherwise skipped with the reason in its name.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  const unavailable = browserUnavailable();
  if (!unavailable) describe(name, suite);
  else if (process.env.CI === 'true') {
    it(`${name}: chromium is required when CI=true (${unavailable})`, () => {
      throw new Error(`${unavailable}: apt-get install -y --no-install-recommends chromium, or set MAGEKIT_CHROMIUM`);
    });
  } else describe.skip(`${name} (skipped: ${unavailable})`, suite);
}
