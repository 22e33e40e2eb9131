import stock from './data/stock-2.4.6-p1.json';
import type { MagentoModel } from './magento-model';
import { deserializeMagentoModel, type StockData } from './stock-data';

/** The release the committed stock table was generated from. */
export const STOCK_RELEASE = 'Magento Open Source 2.4.6-p1';

let cached: MagentoModel | undefined;

/**
 * The route table and ACL tree of stock Magento Open Source 2.4.6-p1 (core, MSI, security package,
 * Adobe Stock), generated from `shared/magento-xml` by `nx run acl:generate-stock-table`. No file I/O:
 * the data is bundled. Built once, then shared.
 */
export function loadStockModel(): MagentoModel {
  cached ??= deserializeMagentoModel(stock as unknown as StockData);
  return cached;
}
