// The generators' parts tsc does not emit (schema.json, schema.d.ts, the files/ templates) go beside their compiled
// code in dist/, which generators.json names and the package publishes.
import { cpSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const generators = join(root, 'src', 'generators');
for (const entry of readdirSync(generators, { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const name = entry.name;
  const from = join(generators, name);
  const to = join(root, 'dist', 'generators', name);
  for (const asset of readdirSync(from)) {
    if (asset === 'schema.json' || asset === 'schema.d.ts' || asset === 'files')
      cpSync(join(from, asset), join(to, asset), { recursive: true });
  }
}
