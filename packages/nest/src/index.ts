export { MagentoIntegrationModule } from './magento-integration.module';
export { MAGEKIT_OPTIONS, OPTIONS_TYPE, ASYNC_OPTIONS_TYPE } from './magento.module-definition';
export {
  magentoIntegrationOptionsSchema,
  TENANT_PATTERN,
  type MagentoIntegrationOptions,
  type ResolvedMagentoOptions,
  type ThrottleLimits,
} from './config/module-options';
export { OPTION_SETTING_NAMES, type SettingNames } from './config/setting-names';
export { resolveMagentoOptions } from './config/resolve-options';
export {
  MAGEKIT_CLOCK,
  MAGEKIT_FETCH,
  MAGEKIT_DNS_LOOKUP,
  MAGEKIT_SLEEP,
  MAGEKIT_CONFIG,
  MAGEKIT_KEY_RING,
  MAGEKIT_URL_POLICY,
  MAGEKIT_THROTTLER_STORAGE,
  MAGEKIT_TOKEN_INVALIDATION,
} from './tokens';
export {
  MagentoIntegrationError,
  isMagentoIntegrationError,
  type MagentoIntegrationErrorCode,
  type MagentoIntegrationErrorOptions,
} from './errors/magento-integration-error';
export { ERROR_HTTP_STATUS, errorHttpStatus } from './errors/error-http-status';
export { MagentoIntegrationExceptionFilter, type ErrorBody } from './errors/magento-integration-exception.filter';
export {
  MAGEKIT_ENTITIES,
  StoreEntity,
  ActivationEntity,
  ActivationEventEntity,
  VendorAccountEntity,
  IdentityLinkEntity,
  ApiTokenEntity,
  StoreCallFailureEntity,
  SecurityEventEntity,
  SignInAttemptEntity,
} from './entities';
export { SECURITY_EVENT_TYPES, type SecurityEventType } from './entities/security-event.entity';
export {
  STORE_AUTH_KINDS,
  STORE_EDITIONS,
  STORE_STATUSES,
  type StoreStatus,
  type StoreAuthKind,
  type StoreEdition,
  type StoreFacts,
  type StoreViewFacts,
} from './entities/store.entity';
export type { ActivationEventType } from './entities/activation-event.entity';
export {
  MAGEKIT_MIGRATIONS,
  CreateMagekitTables1764633600000,
  CreateStoreCallFailures1767225600000,
  AddStoreAuthKind1804118400000,
  AddStoreListIndexes1806796800000,
  STORE_LIST_INDEXES,
  STORE_SEARCH_TRIGRAM_INDEX,
  createStoreListIndexes,
  dropStoreListIndexes,
  type StoreListIndex,
} from './migrations';
export { createMagekitDataSource } from './storage/create-data-source';
export { isUniqueViolation } from './storage/unique-violation';
export {
  nextActivationState,
  isPendingActivationState,
  isFinalActivationState,
  storeStatusFor,
  ACTIVATION_STATES,
  type ActivationState,
  type ActivationEvent,
} from './activation/activation-state';
export {
  planRetry,
  TRANSIENT_CODES,
  type RetryPolicy,
  type RetryDecision,
  type HandshakeStep,
} from './activation/handshake-retry';
export { ActivationRunner } from './activation/activation-runner';
export { BackgroundTasks } from './activation/background-tasks';
export {
  createKeyRing,
  findKeyRingProblems,
  keyRingConfigSchema,
  type KeyRing,
  type KeyRingConfig,
} from './crypto/key-ring';
export { rotateSecrets, type RotationResult } from './crypto/rotate-secrets';
export { SecretBox, ENCRYPTED_COLUMNS, secretContext } from './crypto/secret-box';
export { hashPassword, verifyPassword, DEFAULT_PASSWORD_COST, type PasswordCost } from './crypto/password-hash';
export { checkStoreUrl, checkAddresses, type CheckedStoreUrl } from './url-guard/store-url-guard';
export {
  createStoreUrlPolicy,
  findStoreUrlProblems,
  storeUrlOptionsSchema,
  storeUrlHint,
  systemLookup,
  type StoreUrlOptions,
  type StoreUrlPolicy,
  type LookupAll,
  type LookupAddress,
} from './url-guard/store-url-policy';
export { classifyAddress, type AddressCategory } from './url-guard/ip-ranges';
export { createGuardedFetch, type GuardedFetchOptions } from './url-guard/guarded-fetch';
export { StoreClientFactory, type StoreClientOptions } from './stores/store-client.factory';
export { StoreClientRegistry } from './stores/store-client.registry';
export { StoreHealthService, REGISTERED_RETRY_MS, type ProbeBatchResult } from './stores/store-health.service';
export { SaasStoreRegistrar, type SaasRegistration } from './stores/saas-store-registrar';
export { parseSaasStoreInput, type SaasStoreInput } from './stores/saas-store-input';
export { storeCredentialOf, imsScopesOf } from './stores/store-auth';
export { withMagentoIntegration, registerSaasStore, type SaasStoreRegistered } from './integration-task';
export { StoreProber, REJECTED_TOKEN_CODES, type ProbeOutcome } from './stores/store-prober';
export { parseStoreFacts } from './stores/parse-store-facts';
export { StoreDirectory } from './admin/store-directory.service';
export { CallFailureRecorder, FAILED_CALLS_KEPT } from './admin/call-failure-recorder.service';
export { ActivityStats } from './admin/activity-stats.service';
export { explainMaskedBaseString, MASK, type SignedAttempt } from './admin/masked-base-string';
export {
  planResourceProbes,
  classifyCheckFailure,
  type ResourceCheck,
  type ResourceCheckState,
  type ResourceProbe,
} from './admin/resource-checks';
export type { FailedCall } from './admin/failed-call-capture';
export { createApiToken, revokeApiToken, type CreatedApiToken, type RevokeApiTokenOptions } from './admin/api-tokens';
export { ApiTokens } from './admin/api-tokens.service';
export { ApiTokenVerifier, type ApiCaller } from './admin/api-token-verifier.service';
export {
  createInProcessTokenInvalidationBus,
  type ApiTokenInvalidation,
  type ApiTokenInvalidationBus,
} from './admin/token-invalidation-bus';
export { TokenCache, type CachedCaller, type TokenCacheOptions } from './admin/token-cache';
export { LastUsedThrottle, LAST_USED_INTERVAL_MS, type LastUsedThrottleOptions } from './admin/last-used-throttle';
export { createVendorAccount, type NewVendorAccount, type VendorAccountView } from './identity/vendor-accounts';
export { chooseSuccessRedirect } from './identity/success-redirect';
export { createMagentoOpenApiDocument, type MagentoOpenApiOptions } from './openapi';
export { ApiAuthGuard } from './admin/api-auth.guard';
export {
  DEFAULT_SERVICE_NAME,
  MAGEKIT_SERVICE_INFO,
  ServiceInfoModule,
  type ServiceInfo,
} from './admin/service-info.controller';
export { SecurityEventLog, SECURITY_EVENTS_KEPT, type SecurityEventInput } from './security/security-event-log';
export {
  listVendorAccounts,
  setVendorAccountDisabled,
  resetVendorPassword,
  unlockSignIn,
  type VendorAccountSummary,
  type ListVendorAccountsOptions,
  type UnlockTarget,
} from './identity/vendor-account-admin';
export { MIN_PASSWORD_LENGTH } from './identity/vendor-accounts';
export { DEFAULT_SIGN_IN_LOCKOUT } from './identity/sign-in-lockout';
