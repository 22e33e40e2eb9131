/**
 * Regenerates packages/acl/src/data/stock-2.4.6-p1.json from the shared Magento 2.4.6-p1 corpus
 * (`../shared/magento-xml` from the repository root, or MAGEKIT_SHARED_DIR).
 * Run: npx nx run acl:generate-stock-table
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildStockDataFromCorpus, resolveSharedMagentoXmlDir } from '../src/stock-corpus';

const dir = resolveSharedMagentoXmlDir(process.env.MAGEKIT_SHARED_DIR, resolve(__dirname, '..', '..', '..'));
if (dir === null) {
  console.error(
    'The shared Magento XML corpus was not found; set MAGEKIT_SHARED_DIR to the folder holding magento-xml/.',
  );
  process.exit(2);
}
const target = join(__dirname, '..', 'src', 'data', 'stock-2.4.6-p1.json');
const data = buildStockDataFromCorpus(dir);
writeFileSync(target, JSON.stringify(data, null, 1) + '\n');
console.log(`wrote ${target}: ${data.routes.length} routes, ${data.disabledIds.length} disabled ids`);
