import type { Provider, Type } from '@nestjs/common';

/** The tokens feature's providers (route handlers register with RestHandlerRegistry at module init). */
export const TOKENS_PROVIDERS: Provider[] = [];

/** The tokens feature's controllers, if any. */
export const TOKENS_CONTROLLERS: Type<unknown>[] = [];
