import { Injectable } from '@nestjs/common';
import { inputError, noSuchEntity } from '../common/magento-exception';
import type { RestCall } from '../rest/rest-handler';
import { readInt } from '../search/search-criteria';
import { searchFromCall, type SearchResult } from '../search/search-result';
import { SqlService } from '../search/sql.service';
import { formatMagentoDate } from '../seed/magento-values';
import { STORE_VIEWS } from '../stores/store-catalog';
import { mergeCustomerInput, type CustomerWrite } from './customer-input';
import { renderCustomer, type CustomerRow } from './customer-json';
import { CUSTOMER_SEARCH } from './customer-search';

/** `InputMismatchException` of a save whose e-mail another customer of the website has. */
export const DUPLICATE_EMAIL = 'A customer with the same email address already exists in an associated website.';

/** `Magento\Customer\Api\CustomerRepositoryInterface` on `customer_entity`. */
@Injectable()
export class CustomersService {
  constructor(private readonly sql: SqlService) {}

  /**
   * `getById($customerId)`. `GET /V1/customers/me` forces the id to the caller's (`%customer_id%`);
   * for a caller that is not a customer it is null, which `ServiceInputProcessor` refuses as a
   * missing required parameter before the repository runs.
   * @throws MagentoException 400 missing/non-numeric id, 404 `No such entity with customerId = …`
   */
  getById(customerId: unknown): Record<string, unknown> {
    if (customerId === null || customerId === undefined)
      throw inputError('"%fieldName" is required. Enter and try again.', { fieldName: 'customerId' });
    const id = readInt(String(customerId));
    const row = this.sql.runner.get<CustomerRow>(
      'SELECT id, email, website_id, data FROM customer_entity WHERE id = ?',
      [id],
    );
    if (row === undefined) throw noSuchEntity('customerId', id);
    return renderCustomer(row);
  }

  search(call: RestCall): SearchResult<Record<string, unknown>> {
    return searchFromCall<CustomerRow, Record<string, unknown>>(call, this.sql.runner, CUSTOMER_SEARCH, renderCustomer);
  }

  /**
   * `save($customer)` for `PUT /V1/customers/me`: `customer.id`, `group_id`, `website_id` and
   * `store_id` are forced from the caller. A customer updates itself (the three scopes stay theirs);
   * for any other caller the forced id is null and Magento's save creates a new customer.
   * @throws MagentoException 400 for a missing `customer`, e-mail or name, or a taken e-mail
   */
  saveSelf(call: RestCall): Record<string, unknown> {
    const input = call.body['customer'];
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      throw inputError('"%fieldName" is required. Enter and try again.', { fieldName: 'customer' });
    const forcedId = call.forced['customer.id'] ?? null;
    const existing = forcedId === null ? null : this.findRow(Number(forcedId));
    const stored = existing === null ? null : (JSON.parse(existing.data) as Record<string, unknown>);
    const view = STORE_VIEWS.find((store) => store.code === call.store.storeCode) ?? STORE_VIEWS[0];
    const defaults = {
      websiteId: view.websiteId,
      storeId: view.id,
      storeName: view.name,
      now: formatMagentoDate(call.store.now),
    };
    const merged = { ...(input as Record<string, unknown>) };
    if (stored !== null) for (const key of ['group_id', 'website_id', 'store_id']) merged[key] = stored[key];
    const write = mergeCustomerInput(merged, stored, defaults, this.addressIds());
    const taken = this.sql.runner.get<{ id: number }>(
      'SELECT id FROM customer_entity WHERE email = ? COLLATE NOCASE AND website_id = ? AND id != ?',
      [write.email, write.websiteId, existing?.id ?? 0],
    );
    if (taken !== undefined) throw inputError(DUPLICATE_EMAIL);
    const id = existing === null ? this.insert(write) : this.update(existing.id, write);
    return this.getById(id);
  }

  private findRow(id: number): CustomerRow {
    const row = this.sql.runner.get<CustomerRow>(
      'SELECT id, email, website_id, data FROM customer_entity WHERE id = ?',
      [id],
    );
    if (row === undefined) throw noSuchEntity('customerId', id);
    return row;
  }

  private insert(write: CustomerWrite): number {
    const result = this.sql.runner.run(
      "INSERT INTO customer_entity (email, website_id, password_hash, data) VALUES (?, ?, '', '{}')",
      [write.email, write.websiteId],
    );
    const id = Number(result.lastInsertRowid);
    return this.update(id, write);
  }

  /** Writes the row; addresses get the customer's id and the defaults point at flagged addresses. */
  private update(id: number, write: CustomerWrite): number {
    const addresses = (write.data['addresses'] as Array<Record<string, unknown>>) ?? [];
    for (const address of addresses) {
      address['customer_id'] = id;
      if (address['default_billing'] === true) write.data['default_billing'] = String(address['id']);
      if (address['default_shipping'] === true) write.data['default_shipping'] = String(address['id']);
    }
    this.sql.runner.run('UPDATE customer_entity SET email = ?, website_id = ?, data = ? WHERE id = ?', [
      write.email,
      write.websiteId,
      JSON.stringify(write.data),
      id,
    ]);
    return id;
  }

  /** Ids for new addresses: one past the highest address id of any customer. */
  private addressIds(): () => number {
    const row = this.sql.runner.get<{ max: number | null }>(
      "SELECT MAX(json_extract(a.value, '$.id')) AS max FROM customer_entity c, json_each(c.data, '$.addresses') a",
    );
    let next = (row?.max ?? 0) + 1;
    return () => next++;
  }
}
