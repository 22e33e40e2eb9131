import { STORE_STATUSES, type StoreStatus } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

/** A validated `GET /api/stores` query. */
export interface StoreQuery {
  status: StoreStatus | null;
  search: string | null;
  page: number;
  pageSize: number;
}

/** Largest page the admin API serves. */
export const MAX_PAGE_SIZE = 100;

/**
 * Validates `status`, `search`, `page` (from 1) and `pageSize` (1–100, default 20). Pure.
 *
 * @throws MagentoIntegrationError `INVALID_INPUT` naming every bad parameter.
 */
export function parseStoreQuery(query: Record<string, unknown>): StoreQuery {
  const problems: string[] = [];
  const status = single(query.status);
  if (status !== null && !STORE_STATUSES.includes(status as StoreStatus))
    problems.push(`status must be one of ${STORE_STATUSES.join(', ')}`);
  const search = single(query.search)?.trim() || null;
  if (search !== null && search.length > 200) problems.push('search must be at most 200 characters');
  const page = readInteger(query.page, 1, 1, Number.MAX_SAFE_INTEGER, 'page', problems);
  const pageSize = readInteger(query.pageSize, 20, 1, MAX_PAGE_SIZE, 'pageSize', problems);
  if (problems.length > 0)
    throw new MagentoIntegrationError(`Invalid store query: ${problems.join('; ')}.`, 'INVALID_INPUT');
  return { status: status as StoreStatus | null, search, page, pageSize };
}

/** How many stores have each status, and in all. */
export interface StatusCounts {
  total: number;
  byStatus: Record<StoreStatus, number>;
}

/**
 * Folds the rows of `SELECT status, COUNT(*) … GROUP BY status` into counts for every status
 * (zero when absent; drivers give counts as numbers or strings; unknown statuses count in `total`
 * only). Pure.
 */
export function tallyStatusCounts(rows: readonly { status: string; count: number | string }[]): StatusCounts {
  const byStatus = Object.fromEntries(STORE_STATUSES.map((status) => [status, 0])) as Record<StoreStatus, number>;
  let total = 0;
  for (const row of rows) {
    const count = Number(row.count);
    total += count;
    if (STORE_STATUSES.includes(row.status as StoreStatus)) byStatus[row.status as StoreStatus] += count;
  }
  return { total, byStatus };
}

/** A LIKE pattern matching `text` anywhere, escaped with `!` (portable across SQLite, PostgreSQL, MySQL). */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (char) => `!${char}`)}%`;
}

function single(value: unknown): string | null {
  if (value === undefined || value === '') return null;
  return Array.isArray(value) ? String(value[0]) : String(value);
}

function readInteger(
  value: unknown,
  fallback: number,
  min: number,
  max: number,
  name: string,
  problems: string[],
): number {
  const text = single(value);
  if (text === null) return fallback;
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < min || number > max) {
    problems.push(`${name} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return number;
}
