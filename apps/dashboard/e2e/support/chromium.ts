import { BROWSER_PATH, browserUnavailable } from '@magekit/testing/browser';

export { launchChromium } from '@magekit/testing/browser';

/** Debian's chromium (`MAGEKIT_CHROMIUM`). */
export const CHROMIUM_PATH = BROWSER_PATH;

export function chromiumAvailable(): boolean {
  return browserUnavailable() === null;
}
