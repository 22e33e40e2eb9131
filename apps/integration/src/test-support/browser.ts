import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`; tools/ci/ensure-machine.sh installs it in CI). */
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
