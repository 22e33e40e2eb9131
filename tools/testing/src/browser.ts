import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`; tools/ci/ensure-machine.sh installs it in CI). */
export const BROWSER_PATH = process.env.MAGEKIT_CHROMIUM ?? '/usr/bin/chromium';

/** The flags this machine needs: no sandbox, no GPU, no background networking on a closed network. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Why browser tests cannot run here (null when they can). */
export function browserUnavailable(): string | null {
  return existsSync(BROWSER_PATH) ? null : `no chromium at ${BROWSER_PATH}`;
}

/** True when CI=true: a missing chromium then fails the browser suites instead of skipping them. */
export function browserRequired(): boolean {
  return process.env.CI === 'true';
}

/** Headless chromium. */
export function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: BROWSER_PATH, headless: true, args: [...CHROMIUM_FLAGS] });
}

/**
 * Headless chromium as a persistent context with a fresh profile directory (Playwright takes it as
 * the user data dir); `close()` removes the profile too.
 */
export async function launchChromium(viewport: {
  width: number;
  height: number;
}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'mk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: BROWSER_PATH,
    headless: true,
    viewport,
    deviceScaleFactor: 1,
    args: ['--headless', ...CHROMIUM_FLAGS],
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Registers a browser suite: run when chromium is there, a failing test when it is missing and
 * CI=true, otherwise skipped with the reason in its name.
 */
export function describeInBrowser(name: string, suite: () => void): void {
  const unavailable = browserUnavailable();
  if (!unavailable) describe(name, suite);
  else if (browserRequired()) {
    it(`${name}: chromium is required when CI=true (${unavailable})`, () => {
      throw new Error(`${unavailable}: apt-get install -y --no-install-recommends chromium, or set MAGEKIT_CHROMIUM`);
    });
  } else describe.skip(`${name} (skipped: ${unavailable})`, suite);
}
