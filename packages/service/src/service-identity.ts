import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SERVICE_NAME, type ServiceInfo } from '@magekit/nest';

/** Who is running: the name shown in the banner, the dashboard and the API docs, and the generated app's name for `--app`. */
export interface ServiceIdentity extends ServiceInfo {
  /** A generated app's name (`nx g @magekit/nx-plugin:integration <app>`), or null for the main service. */
  app: string | null;
}

/**
 * The service's identity: a generated app passes its `app` name (then also its name), the main
 * service is "magekit integration service"; the version is the one given, else @magekit/service's.
 */
export function describeService(options: { app?: string; version?: string } = {}): ServiceIdentity {
  const app = options.app?.trim() || null;
  return { name: app ?? DEFAULT_SERVICE_NAME, version: options.version ?? readOwnVersion(), app };
}

/** @magekit/service's version (its package.json is one folder above both `src` and `dist`). */
function readOwnVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: unknown };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
