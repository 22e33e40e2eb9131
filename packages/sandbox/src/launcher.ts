import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The `--magento` versions the sandbox has profiles of (a file of constants: nothing else is loaded). */
export { MAGENTO_VERSIONS, DEFAULT_MAGENTO_VERSION, type MagentoVersion } from './version/magento-versions';
/** The `--edition` values: `paas` (Magento's own web API) and `saas` (Adobe Commerce as a Cloud Service). */
export { SANDBOX_EDITIONS, type SandboxEdition } from './saas/saas-options';

/**
 * The built `magekit-sandbox` bin, for tools that run the sandbox store as a child process
 * (`magekit sandbox start`, `magekit dev`). This entry loads nothing else of the sandbox.
 * Null when the package is not built (`npx nx build sandbox`).
 */
export function sandboxMain(): string | null {
  // Built: this file is dist/launcher.js beside dist/main.js. From source (tests): src/launcher.ts.
  for (const candidate of [join(__dirname, 'main.js'), join(__dirname, '..', 'dist', 'main.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}
