import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A built dashboard: its folder and the path it was built for (Vite's `base`). */
export interface DashboardBuild {
  dir: string;
  /** e.g. `/dashboard/` (always starts and ends with `/`). */
  base: string;
}

/**
 * The path a Vite build expects to be served under, read from its `index.html` (the folder of
 * its first `/…/assets/` reference), `/` when it references none.
 */
export function detectBase(indexHtml: string): string {
  const match = /(?:src|href)="(\/(?:[^"]*\/)?)assets\//.exec(indexHtml);
  return match?.[1] ?? '/';
}

/** The dashboard shipped in this package (`dashboard/`, copied there by the package's build). */
export const SHIPPED_DASHBOARD = join(__dirname, '..', '..', 'dashboard');

/**
 * Finds the dashboard build: `DASHBOARD_DIR` when given, else the one shipped in this package,
 * else `apps/dashboard/dist` of this workspace (`npx nx build dashboard`). Null when none has an
 * `index.html`.
 */
export function findDashboard(
  configured: string | null,
  resolve: (id: string) => string = require.resolve,
  shipped: string = SHIPPED_DASHBOARD,
): DashboardBuild | null {
  if (configured !== null) return readBuild(configured);
  const found = readBuild(shipped);
  if (found !== null) return found;
  try {
    return readBuild(join(dirname(resolve('@magekit/dashboard/package.json')), 'dist'));
  } catch {
    return null;
  }
}

function readBuild(dir: string): DashboardBuild | null {
  const index = join(dir, 'index.html');
  return existsSync(index) ? { dir, base: detectBase(readFileSync(index, 'utf8')) } : null;
}
