import { Injectable } from '@nestjs/common';
import { noSuchEntity } from '../common/magento-exception';
import type { PhpValue } from '@magekit/php';
import type { RestCall } from '../rest/rest-handler';
import { readInt } from '../search/search-criteria';
import { searchFromCall, type SearchResult } from '../search/search-result';
import { SqlService } from '../search/sql.service';
import { buildCategoryTree, renderCategory, type CategoryRow, type CategoryTreeNode } from './category-json';
import { CATEGORY_SEARCH } from './category-search';

/** The store root category of the seeded store views (`store_group.root_category_id`). */
const STORE_ROOT_CATEGORY_ID = 2;
/** `Category::TREE_ROOT_ID`, the tree's root under the admin store (`/rest/all`). */
const TREE_ROOT_ID = 1;

/** `CategoryRepositoryInterface::get`, `CategoryManagementInterface::getTree`, `CategoryListInterface::getList`. */
@Injectable()
export class CategoriesService {
  constructor(private readonly sql: SqlService) {}

  /** @throws MagentoException 404 `No such entity with id = …`, 400 for a non-numeric id */
  get(categoryId: PhpValue): Record<string, unknown> {
    const id = readInt(categoryId);
    const row = this.sql.runner.get<CategoryRow>(
      'SELECT id, parent_id, position, data FROM catalog_category_entity WHERE id = ?',
      [id],
    );
    if (row === undefined) throw noSuchEntity('id', id);
    return renderCategory(row);
  }

  /** `getTree($rootCategoryId = null, $depth = null)`: by default the store's root, or the tree root for the admin store. */
  tree(call: RestCall): CategoryTreeNode {
    const defaultRoot = call.storeCode === 'all' ? TREE_ROOT_ID : STORE_ROOT_CATEGORY_ID;
    const rootId = call.query['rootCategoryId'] === undefined ? defaultRoot : readInt(call.query['rootCategoryId']);
    const depth = call.query['depth'] === undefined ? null : readInt(call.query['depth']);
    const rows = this.sql.runner.all<CategoryRow>('SELECT id, parent_id, position, data FROM catalog_category_entity');
    const tree = buildCategoryTree(rows, rootId, depth, this.productCounts());
    if (tree === null) throw noSuchEntity('id', rootId);
    return tree;
  }

  search(call: RestCall): SearchResult<Record<string, unknown>> {
    return searchFromCall<CategoryRow, Record<string, unknown>>(call, this.sql.runner, CATEGORY_SEARCH, renderCategory);
  }

  /** Products per category, counted in SQL from each product's category ids. */
  private productCounts(): Map<number, number> {
    const rows = this.sql.runner.all<{ id: number; n: number }>(
      'SELECT c.value AS id, COUNT(*) AS n FROM catalog_product_entity p, json_each(p.category_ids) c GROUP BY c.value',
    );
    return new Map(rows.map((row) => [Number(row.id), row.n]));
  }
}
