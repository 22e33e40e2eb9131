import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadMagentoTree } from '@magekit/acl/node';
import { readEnvConfig } from './config/read-env-config';
import { MAGENTO_MODEL } from './common/sandbox-runtime';
import { createSandboxApp } from './create-sandbox-app';
import { ADMIN_PASSWORD, ADMIN_USERNAME, CUSTOMER_PASSWORD } from './seed/seed-options';

/** `node apps/sandbox/dist/main.js` (what `magekit sandbox start` runs): settings from `SANDBOX_*`. */
async function main(): Promise<void> {
  const config = readEnvConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const magento = config.magentoXmlDir === null ? undefined : loadMagentoTree(config.magentoXmlDir);
  const sandbox = await createSandboxApp(
    { database: join(config.dataDir, 'sandbox.sqlite'), adminToken: config.adminToken, seed: { products: config.products }, magento, log: (line) => console.log(`  ${line}`) },
    { port: config.port, host: config.host, baseUrl: config.baseUrl ?? undefined },
  );
  const url = sandbox.baseUrl;
  console.log(
    [
      `magekit sandbox store listening on ${url}`,
      `  admin page:        ${url}admin   (admin token: ${config.adminToken})`,
      `  admin API:         ${url}sandbox/admin/integrations   (Authorization: Bearer <admin token>)`,
      `  REST:              ${url}rest/V1/…   OAuth: ${url}oauth/token/request, ${url}oauth/token/access`,
      `  admin user:        ${ADMIN_USERNAME} / ${ADMIN_PASSWORD}   customers: customer1@example.com … / ${CUSTOMER_PASSWORD}`,
      `  routes and ACL:    ${sandbox.app.get(MAGENTO_MODEL).source}`,
      `  data:              ${config.dataDir}`,
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
