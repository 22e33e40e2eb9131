import type { Provider, Type } from '@nestjs/common';
import { SqlService } from '../search/sql.service';
import { CustomerRoutesService } from './customer-routes.service';
import { CustomersService } from './customers.service';

/** The customers feature's providers (route handlers register with RestHandlerRegistry at module init). */
export const CUSTOMERS_PROVIDERS: Provider[] = [SqlService, CustomersService, CustomerRoutesService];

/** The customers feature's controllers, if any. */
export const CUSTOMERS_CONTROLLERS: Type<unknown>[] = [];
