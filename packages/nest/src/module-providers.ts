import type { Provider } from '@nestjs/common';
import { createSleep } from './activation/sleep';
import { createInProcessTokenInvalidationBus } from './admin/token-invalidation-bus';
import type { MagentoIntegrationOptions, ResolvedMagentoOptions } from './config/module-options';
import { resolveMagentoOptions } from './config/resolve-options';
import { createKeyRing } from './crypto/key-ring';
import { MAGEKIT_OPTIONS } from './magento.module-definition';
import { createThrottlerStorage } from './security/request-throttle.guard';
import {
  MAGEKIT_CLOCK,
  MAGEKIT_CONFIG,
  MAGEKIT_DNS_LOOKUP,
  MAGEKIT_FETCH,
  MAGEKIT_KEY_RING,
  MAGEKIT_SLEEP,
  MAGEKIT_THROTTLER_STORAGE,
  MAGEKIT_TOKEN_INVALIDATION,
  MAGEKIT_URL_POLICY,
} from './tokens';
import { StoreHttpAgents } from './stores/store-http-agents';
import { createGuardedFetch } from './url-guard/guarded-fetch';
import {
  createStoreUrlPolicy,
  storeUrlHint,
  systemLookup,
  type LookupAll,
  type StoreUrlPolicy,
} from './url-guard/store-url-policy';

/** The module's value providers: configuration, key ring, URL policy and the side-effect tokens (the fetch with its keep-alive agents). */
export const MAGEKIT_VALUE_PROVIDERS: Provider[] = [
  {
    provide: MAGEKIT_CONFIG,
    useFactory: (options: MagentoIntegrationOptions) => resolveMagentoOptions(options),
    inject: [MAGEKIT_OPTIONS],
  },
  {
    provide: MAGEKIT_KEY_RING,
    useFactory: (config: ResolvedMagentoOptions) => createKeyRing(config.encryption),
    inject: [MAGEKIT_CONFIG],
  },
  {
    provide: MAGEKIT_URL_POLICY,
    useFactory: (config: ResolvedMagentoOptions) =>
      createStoreUrlPolicy(config.storeUrl, storeUrlHint(config.settingNames)),
    inject: [MAGEKIT_CONFIG],
  },
  { provide: MAGEKIT_THROTTLER_STORAGE, useFactory: createThrottlerStorage, inject: [MAGEKIT_CONFIG] },
  {
    provide: MAGEKIT_TOKEN_INVALIDATION,
    useFactory: (config: ResolvedMagentoOptions) =>
      config.apiTokens.invalidation ?? createInProcessTokenInvalidationBus(),
    inject: [MAGEKIT_CONFIG],
  },
  { provide: MAGEKIT_CLOCK, useValue: () => Date.now() },
  { provide: MAGEKIT_SLEEP, useValue: createSleep() },
  { provide: MAGEKIT_DNS_LOOKUP, useValue: systemLookup },
  StoreHttpAgents,
  {
    provide: MAGEKIT_FETCH,
    useFactory: (policy: StoreUrlPolicy, lookup: LookupAll, agents: StoreHttpAgents) =>
      createGuardedFetch({ policy, lookup, agents }),
    inject: [MAGEKIT_URL_POLICY, MAGEKIT_DNS_LOOKUP, StoreHttpAgents],
  },
];
