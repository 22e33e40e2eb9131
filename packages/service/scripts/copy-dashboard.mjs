// Ships the dashboard inside @magekit/service: copies the dashboard's build (apps/dashboard/dist,
// `nx build dashboard`) to packages/service/dashboard, which the package publishes and the service
// serves at /dashboard/ when DASHBOARD_DIR is unset.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, '..', '..', 'apps', 'dashboard', 'dist');
const to = join(root, 'dashboard');
if (!existsSync(join(from, 'index.html'))) {
  console.error(`copy-dashboard: ${from} has no index.html; run \`npx nx build dashboard\` first.`);
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
console.log(`copy-dashboard: ${from} -> ${to}`);
