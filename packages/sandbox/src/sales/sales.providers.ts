import type { Provider, Type } from '@nestjs/common';
import { SqlService } from '../search/sql.service';
import { OrderRoutesService } from './order-routes.service';
import { OrdersService } from './orders.service';

/** The sales feature's providers (route handlers register with RestHandlerRegistry at module init). */
export const SALES_PROVIDERS: Provider[] = [SqlService, OrdersService, OrderRoutesService];

/** The sales feature's controllers, if any. */
export const SALES_CONTROLLERS: Type<unknown>[] = [];
