import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadMagentoTree } from './node';
import { serializeMagentoModel, type StockData } from './stock-data';
import { STOCK_RELEASE } from './stock-table';

/**
 * Finds `magento-xml/` of the shared corpus: `$MAGEKIT_SHARED_DIR/magento-xml`, else
 * `<repo>/../shared/magento-xml`. Returns null when absent.
 */
export function resolveSharedMagentoXmlDir(sharedDirEnv: string | undefined, repoRoot: string): string | null {
  const shared = sharedDirEnv ?? join(repoRoot, '..', 'shared');
  const dir = join(shared, 'magento-xml');
  return existsSync(dir) ? dir : null;
}

/** Parses the corpus directory and serializes it as the stock table. */
export function buildStockDataFromCorpus(dir: string): StockData {
  return serializeMagentoModel(loadMagentoTree(dir), STOCK_RELEASE);
}
