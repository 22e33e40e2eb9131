import { Injectable, type OnModuleInit } from '@nestjs/common';
import { hashPassword } from '../common/password';
import type { SandboxOptions } from '../config/sandbox-options';
import { SqlService } from '../search/sql.service';
import { seedCatalog } from './catalog-seeder';
import { seedCustomers } from './customer-seeder';
import { seedOrders } from './order-seeder';
import { CUSTOMER_PASSWORD, DEFAULT_SEED_COUNTS, type SeedOptions } from './seed-options';
import { SeedService } from './seed.service';

/**
 * Registers the store's data with {@link SeedService}, in dependency order: catalog (categories and
 * products), customers, then orders that reference both. Deterministic: seeded PRNGs and a fixed
 * epoch, so two empty databases get the same data.
 */
@Injectable()
export class StoreDataSeedService implements OnModuleInit {
  constructor(
    private readonly seeds: SeedService,
    private readonly sql: SqlService,
  ) {}

  onModuleInit(): void {
    this.seeds.register('catalog', async (options) => seedCatalog(this.sql.runner, countOf(options, 'products')));
    this.seeds.register('customers', async (options) => {
      const count = countOf(options, 'customers');
      if (count > 0) seedCustomers(this.sql.runner, count, await hashPassword(CUSTOMER_PASSWORD));
    });
    this.seeds.register('orders', async (options) => {
      seedOrders(this.sql.runner, countOf(options, 'orders'));
    });
  }
}

/** A seed count: the option, else the default; negative or fractional counts are refused. */
export function countOf(options: SandboxOptions, kind: keyof SeedOptions): number {
  const seed = options.seed === false ? {} : options.seed;
  const count = seed[kind] ?? DEFAULT_SEED_COUNTS[kind];
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`seed.${kind} must be a whole number of at least 0 (got ${String(count)}).`);
  return count;
}
