#!/usr/bin/env node
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadMagentoTree } from '@magekit/acl/node';
import { readEnvConfig } from './config/read-env-config';
import { MAGENTO_MODEL } from './common/sandbox-runtime';
import { createSandboxApp } from './create-sandbox-app';
import { describeSaasEndpoints } from './saas/saas-endpoints';
import { resolveSaasOptions } from './saas/saas-options';
import { describeStartError, formatSandboxBanner } from './sandbox-banner';
import { ADMIN_PASSWORD, ADMIN_USERNAME, CUSTOMER_PASSWORD } from './seed/seed-options';

/** The `magekit-sandbox` bin (what `magekit sandbox start` and `magekit dev` run): settings from `SANDBOX_*`. */
async function main(): Promise<void> {
  const config = readEnvConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const magento = config.magentoXmlDir === null ? undefined : loadMagentoTree(config.magentoXmlDir);
  const sandbox = await createSandboxApp(
    {
      database: join(config.dataDir, 'sandbox.sqlite'),
      adminToken: config.adminToken,
      seed: { products: config.products },
      magento,
      magentoVersion: config.magentoVersion,
      edition: config.edition,
      saas: {
        ...(config.tenantId === null ? {} : { tenantId: config.tenantId }),
        ...(config.imsTokenLifetimeSeconds === null ? {} : { tokenLifetimeSeconds: config.imsTokenLifetimeSeconds }),
      },
      log: (line) => console.log(`  ${line}`),
      phpFpm: config.phpFpm,
    },
    { port: config.port, host: config.host, baseUrl: config.baseUrl ?? undefined },
  );
  console.log(
    formatSandboxBanner({
      url: sandbox.baseUrl,
      adminToken: config.adminToken,
      adminUser: ADMIN_USERNAME,
      adminPassword: ADMIN_PASSWORD,
      customerPassword: CUSTOMER_PASSWORD,
      modelSource: sandbox.app.get(MAGENTO_MODEL).source,
      profile: sandbox.profile,
      dataDir: config.dataDir,
      saas:
        config.edition === 'saas'
          ? describeSaasEndpoints(sandbox.baseUrl, resolveSaasOptions(sandbox.options.saas))
          : undefined,
    }),
  );
  const pool = sandbox.options.phpFpm;
  if (pool !== null)
    console.log(
      `  PHP-FPM pool: ${pool.workers} workers, ${pool.latencyMs} ms per request, backlog ${pool.backlog} (then 503)`,
    );
}

main().catch((error: unknown) => {
  const listen = readListenSettings();
  console.error(
    listen === null ? (error instanceof Error ? error.message : String(error)) : describeStartError(error, listen),
  );
  process.exit(1);
});

/** The port and host the sandbox tried, for the start error (null when the configuration itself was bad). */
function readListenSettings(): { port: number; host: string } | null {
  try {
    const { port, host } = readEnvConfig();
    return { port, host };
  } catch {
    return null;
  }
}
