import type { Provider, Type } from '@nestjs/common';
import { SqlService } from '../search/sql.service';
import { StoreDataSeedService } from '../seed/store-data-seed.service';
import { CategoriesService } from './categories.service';
import { CategoryRoutesService } from './category-routes.service';
import { ProductRoutesService } from './product-routes.service';
import { ProductsService } from './products.service';

/**
 * The catalog feature's providers (route handlers register with RestHandlerRegistry at module init),
 * plus the seeding of the store's data (catalog, customers, orders, in that order).
 */
export const CATALOG_PROVIDERS: Provider[] = [
  SqlService,
  ProductsService,
  ProductRoutesService,
  CategoriesService,
  CategoryRoutesService,
  StoreDataSeedService,
];

/** The catalog feature's controllers, if any. */
export const CATALOG_CONTROLLERS: Type<unknown>[] = [];
