import type { NormalizedIntegrationOptions } from './normalize-options';

/** The sandbox store's default URL (`magekit sandbox start`). */
const SANDBOX_URL = 'http://127.0.0.1:3001';

/**
 * The commands that take a freshly generated app to an active store, as the root README lists them
 * ("Your own integration…"): `magekit dev <app>` in one command, or step by step (build, sandbox,
 * the app with loopback store URLs allowed, a sandbox integration with the app's Callback and
 * Identity link URLs), then an API token for the app's own routes.
 */
export function listNextSteps(
  options: Pick<NormalizedIntegrationOptions, 'name' | 'projectRoot' | 'port' | 'tenant'>,
): { oneCommand: string; steps: string[]; token: string } {
  const base = `http://localhost:${options.port}`;
  return {
    oneCommand: `npx magekit dev ${options.name}`,
    steps: [
      `npx nx build ${options.name}`,
      'npx magekit sandbox start &',
      `STORE_URL_ALLOW_HTTP=true STORE_URL_ALLOWED_NETWORKS=127.0.0.0/8 node ${options.projectRoot}/dist/main.js &`,
      `npx magekit sandbox integration create --url ${SANDBOX_URL} --name ${options.name} --resources all --endpoint ${base}/magento/callback/${options.tenant} --identity ${base}/magento/identity/${options.tenant}`,
    ],
    token: `npx magekit tokens create --name jobs --app ${options.name}`,
  };
}

/** The generator's closing message: what was created and the {@link listNextSteps}. */
export function formatNextSteps(
  options: Pick<NormalizedIntegrationOptions, 'name' | 'projectRoot' | 'port' | 'tenant'>,
): string {
  const { oneCommand, steps, token } = listNextSteps(options);
  return [
    `Created ${options.projectRoot} (npm install records it in package-lock.json). Next, against the local sandbox store:`,
    `  ${oneCommand}        # one command: build, sandbox, app, activation`,
    'or step by step:',
    ...steps.map((step) => `  ${step}`),
    `then an API token for the app's own routes: ${token}`,
  ].join('\n');
}
