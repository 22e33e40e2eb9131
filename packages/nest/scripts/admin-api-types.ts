/**
 * Writes the admin API's OpenAPI document (packages/nest/openapi/admin-api.json) from the Nest DTOs
 * and controllers, and the dashboard's TypeScript types generated from it by openapi-typescript
 * (apps/dashboard/src/api/admin-api.generated.ts). With `--check`, regenerates both into a
 * temporary folder instead and exits 1 when the committed files differ.
 * Run: npx nx run dashboard:api-types (write) or npx nx run dashboard:api-types-check.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildAdminApiDocument } from './admin-api-document';

const root = resolve(__dirname, '..', '..', '..');
const documentFile = join(root, 'packages', 'nest', 'openapi', 'admin-api.json');
const typesFile = join(root, 'apps', 'dashboard', 'src', 'api', 'admin-api.generated.ts');
const openapiTypescript = join(root, 'apps', 'dashboard', 'node_modules', '.bin', 'openapi-typescript');

/** The document and the types as they would be written now. */
async function generate(): Promise<{ document: string; types: string }> {
  const document = JSON.stringify(await buildAdminApiDocument(), null, 2) + '\n';
  const dir = mkdtempSync(join(tmpdir(), 'magekit-admin-api-'));
  try {
    const input = join(dir, 'admin-api.json');
    const output = join(dir, 'admin-api.generated.ts');
    writeFileSync(input, document);
    execFileSync(openapiTypescript, [input, '--output', output], { stdio: ['ignore', 'ignore', 'inherit'] });
    return { document, types: readFileSync(output, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The committed files whose content differs from `fresh`. */
function findStale(fresh: Record<string, string>): string[] {
  return Object.entries(fresh)
    .filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text)
    .map(([file]) => relative(root, file));
}

async function main(check: boolean): Promise<void> {
  const { document, types } = await generate();
  const fresh = { [documentFile]: document, [typesFile]: types };
  if (check) {
    const stale = findStale(fresh);
    if (stale.length > 0) {
      console.error(
        `The admin API contract changed and these files are stale: ${stale.join(', ')}.\nRegenerate them with \`npx nx run dashboard:api-types\` and commit them.`,
      );
      process.exit(1);
    }
    console.log('The admin API document and the dashboard types match the Nest DTOs.');
    return;
  }
  for (const [file, text] of Object.entries(fresh)) writeFileSync(file, text);
  console.log(`wrote ${relative(root, documentFile)} and ${relative(root, typesFile)}`);
}

main(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
