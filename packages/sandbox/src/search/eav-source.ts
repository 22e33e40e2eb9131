import { MagentoException } from '../common/magento-exception';
import type { ResolvedField } from './search-conditions';
import type { SearchSource } from './search-query';

/** Where an EAV collection's rows come from. */
export interface EavTable {
  from: string;
  columns: string;
  idColumn: string;
}

/**
 * The search source of an EAV collection (products, categories, customers): a filter on a field the
 * collection does not know is `Invalid attribute name: %1` (400), a sort on one is ignored.
 * `guardFilter` runs first, for fields Magento fails on in its own way.
 */
export function createEavSource(
  table: EavTable,
  resolve: (field: string) => ResolvedField | null,
  extra: { guardFilter?: (field: string | null) => void; customFilters?: SearchSource['customFilters'] } = {},
): SearchSource {
  return {
    ...table,
    eav: true,
    filterField(field) {
      extra.guardFilter?.(field);
      const resolved = field === null ? null : resolve(field);
      if (resolved === null) throw new MagentoException(400, 'Invalid attribute name: %1', [field ?? '']);
      return resolved;
    },
    sortField: (field) => resolve(field),
    ...(extra.customFilters ? { customFilters: extra.customFilters } : {}),
  };
}
