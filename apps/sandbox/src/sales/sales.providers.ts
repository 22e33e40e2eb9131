import type { Provider, Type } from '@nestjs/common';

/** The sales feature's providers (route handlers register with RestHandlerRegistry at module init). */
export const SALES_PROVIDERS: Provider[] = [];

/** The sales feature's controllers, if any. */
export const SALES_CONTROLLERS: Type<unknown>[] = [];
