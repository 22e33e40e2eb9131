import type { Provider, Type } from '@nestjs/common';

/** The catalog feature's providers (route handlers register with RestHandlerRegistry at module init). */
export const CATALOG_PROVIDERS: Provider[] = [];

/** The catalog feature's controllers, if any. */
export const CATALOG_CONTROLLERS: Type<unknown>[] = [];
