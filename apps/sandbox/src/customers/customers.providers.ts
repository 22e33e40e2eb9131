import type { Provider, Type } from '@nestjs/common';

/** The customers feature's providers (route handlers register with RestHandlerRegistry at module init). */
export const CUSTOMERS_PROVIDERS: Provider[] = [];

/** The customers feature's controllers, if any. */
export const CUSTOMERS_CONTROLLERS: Type<unknown>[] = [];
