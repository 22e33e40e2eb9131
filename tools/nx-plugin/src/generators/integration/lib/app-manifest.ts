import { readJson, writeJson, type Tree } from '@nx/devkit';
import type { NormalizedIntegrationOptions } from './normalize-options';
import type { RequiredResources } from './required-resources';

/** What the sample job calls (`GET /V1/store/storeConfigs`, `GET /V1/products`) needs. */
export const SAMPLE_JOB_RESOURCES: readonly string[] = ['Magento_Backend::store', 'Magento_Catalog::products'];

/**
 * `<app>/magekit.json`: the generated app's defaults in a machine-readable form, for tools such as
 * the `magento-module` generator (`--integration <app>`). The app itself reads `src/config.ts`.
 */
export interface AppManifest {
  name: string;
  tenant: string;
  port: number;
  dataDir: string;
  /** ACL ids every probe checks (`REQUIRED_RESOURCES` of `src/config.ts`), in tree order. */
  requiredResources: string[];
  /** What the sample job needs besides; drop them here when the sample job goes. */
  sampleJobResources: string[];
  /** The calls file the required resources came from (workspace-relative or absolute), or null. */
  callsFile: string | null;
  /** The public URL Magento reaches the app at (`PUBLIC_URL`); null: `http://localhost:<port>`, a development placeholder. */
  publicUrl: string | null;
}

export const APP_MANIFEST_FILE = 'magekit.json';

/** Writes `<projectRoot>/magekit.json`. */
export function writeAppManifest(tree: Tree, options: NormalizedIntegrationOptions, required: RequiredResources): void {
  const manifest: AppManifest = {
    name: options.name,
    tenant: options.tenant,
    port: options.port,
    dataDir: options.dataDir,
    requiredResources: [...required.resources],
    sampleJobResources: [...SAMPLE_JOB_RESOURCES],
    callsFile: required.source === 'calls' ? required.file : null,
    publicUrl: null,
  };
  writeJson(tree, `${options.projectRoot}/${APP_MANIFEST_FILE}`, manifest);
}

/** Reads `<projectRoot>/magekit.json`, or null when the project has none. */
export function readAppManifest(tree: Tree, projectRoot: string): AppManifest | null {
  const path = `${projectRoot}/${APP_MANIFEST_FILE}`;
  return tree.exists(path) ? readJson<AppManifest>(tree, path) : null;
}
