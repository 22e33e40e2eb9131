import { Injectable } from '@nestjs/common';
import { MagentoException } from '../common/magento-exception';
import type { RestCall } from '../rest/rest-handler';
import { readInt } from '../search/search-criteria';
import { searchFromCall, type SearchResult } from '../search/search-result';
import { SqlService } from '../search/sql.service';
import { renderOrder, type OrderRow } from './order-json';
import { ORDER_SEARCH } from './order-search';

/** `OrderRepository::get()`'s `NoSuchEntityException`. */
export const ORDER_NOT_FOUND = "The entity that was requested doesn't exist. Verify the entity and try again.";

/** `Magento\Sales\Api\OrderRepositoryInterface` on `sales_order` (`Magento_Sales::actions_view`). */
@Injectable()
export class OrdersService {
  constructor(private readonly sql: SqlService) {}

  /** @throws MagentoException 404, 400 for a non-numeric id */
  get(id: string): Record<string, unknown> {
    const row = this.sql.runner.get<OrderRow>('SELECT id, data FROM sales_order WHERE id = ?', [readInt(id)]);
    if (row === undefined) throw new MagentoException(404, ORDER_NOT_FOUND);
    return renderOrder(row);
  }

  search(call: RestCall): SearchResult<Record<string, unknown>> {
    return searchFromCall<OrderRow, Record<string, unknown>>(call, this.sql.runner, ORDER_SEARCH, renderOrder);
  }
}
