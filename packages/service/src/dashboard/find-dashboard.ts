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

/**
 * Finds the dashboard build: `DASHBOARD_DIR` when given, else `apps/dashboard/dist` of this
 * workspace (`npx nx build dashboard`). Null when there is no `index.html`.
 */
export function findDashboard(
  configured: string | null,
  resolve: (id: string) => string = require.resolve,
): DashboardBuild | null {
  let dir = configured;
  if (dir === null) {
    try {
      dir = join(dirname(resolve('@magekit/dashboard/package.json')), 'dist');
    } catch {
      return null;
    }
  }
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  return { dir, base: detectBase(readFileSync(index, 'utf8')) };
}
