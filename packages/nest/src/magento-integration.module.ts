import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivationLease } from './activation/activation-lease';
import { ActivationOutcomes } from './activation/activation-outcomes';
import { ActivationRecorder } from './activation/activation-recorder';
import { ActivationRunner } from './activation/activation-runner';
import { ActivationSteps } from './activation/activation-steps';
import { ActivationTimeline } from './activation/activation-timeline';
import { BackgroundTasks } from './activation/background-tasks';
import { HandshakeLease } from './activation/handshake-lease';
import { PendingStoreCleaner } from './activation/pending-store-cleaner';
import { CallbackAdmission } from './activation/callback-admission';
import { CallbackTraffic } from './activation/callback-traffic';
import { CallbackController } from './activation/callback.controller';
import { ApiAuthGuard } from './admin/api-auth.guard';
import { ApiTokenVerifier } from './admin/api-token-verifier.service';
import { ApiTokens } from './admin/api-tokens.service';
import { ActivityStats } from './admin/activity-stats.service';
import { ApiBearerStrategy } from './admin/bearer.strategy';
import { CallFailureRecorder } from './admin/call-failure-recorder.service';
import { RejectedCallbacksController } from './admin/rejected-callbacks.controller';
import { SecurityEventsController } from './admin/security-events.controller';
import { ServiceInfoController } from './admin/service-info.controller';
import { StatsController } from './admin/stats.controller';
import { StoreDirectory } from './admin/store-directory.service';
import { StoresController } from './admin/stores.controller';
import { TenantCheck } from './config/tenant-check';
import { SecretBox } from './crypto/secret-box';
import { MAGEKIT_ENTITIES } from './entities';
import { ActivationOutcomeReader } from './identity/activation-outcome';
import { IdentityController } from './identity/identity.controller';
import { IdentityLinkService } from './identity/identity-link.service';
import { IdentityLinker } from './identity/identity-linker';
import { ConfigurableModuleClass } from './magento.module-definition';
import { MAGEKIT_VALUE_PROVIDERS } from './module-providers';
import { RequestThrottleGuard } from './security/request-throttle.guard';
import { SecurityEventLog } from './security/security-event-log';
import { SaasStoreRegistrar } from './stores/saas-store-registrar';
import { StoreClientFactory } from './stores/store-client.factory';
import { StoreClientRegistry } from './stores/store-client.registry';
import { StoreHealthService } from './stores/store-health.service';
import { StoreProber } from './stores/store-prober';
import {
  MAGEKIT_CLOCK,
  MAGEKIT_CONFIG,
  MAGEKIT_DNS_LOOKUP,
  MAGEKIT_FETCH,
  MAGEKIT_KEY_RING,
  MAGEKIT_SLEEP,
  MAGEKIT_TOKEN_INVALIDATION,
  MAGEKIT_URL_POLICY,
} from './tokens';
import { StoreUrlGuard } from './url-guard/store-url-guard.service';

/**
 * The Magento integration module: activation callback and identity link, the activation state
 * machine, Adobe Commerce as a Cloud Service stores registered with an IMS credential, encrypted
 * storage, the store-URL guard, per-store clients, probes and the admin API.
 * The app's TypeORM connection must include `MAGEKIT_ENTITIES` and run `MAGEKIT_MIGRATIONS`.
 *
 * @example
 * MagentoIntegrationModule.forRoot({ encryption: { activeKeyId: 'k1', keys: { k1: process.env.MAGEKIT_KEY_K1! } } })
 */
@Module({
  imports: [TypeOrmModule.forFeature([...MAGEKIT_ENTITIES]), PassportModule],
  controllers: [
    CallbackController,
    IdentityController,
    StoresController,
    StatsController,
    SecurityEventsController,
    RejectedCallbacksController,
    ServiceInfoController,
  ],
  providers: [
    ...MAGEKIT_VALUE_PROVIDERS,
    SecretBox,
    TenantCheck,
    StoreUrlGuard,
    ActivationTimeline,
    ActivationRecorder,
    ActivationLease,
    ActivationOutcomes,
    ActivationSteps,
    ActivationRunner,
    BackgroundTasks,
    ActivationOutcomeReader,
    CallbackAdmission,
    CallbackTraffic,
    HandshakeLease,
    PendingStoreCleaner,
    IdentityLinker,
    IdentityLinkService,
    StoreClientRegistry,
    StoreClientFactory,
    StoreProber,
    StoreHealthService,
    SaasStoreRegistrar,
    StoreDirectory,
    ApiTokenVerifier,
    ApiTokens,
    ApiBearerStrategy,
    ApiAuthGuard,
    CallFailureRecorder,
    ActivityStats,
    SecurityEventLog,
    RequestThrottleGuard,
  ],
  exports: [
    MAGEKIT_CONFIG,
    MAGEKIT_CLOCK,
    MAGEKIT_FETCH,
    MAGEKIT_DNS_LOOKUP,
    MAGEKIT_SLEEP,
    MAGEKIT_KEY_RING,
    MAGEKIT_URL_POLICY,
    MAGEKIT_TOKEN_INVALIDATION,
    ApiTokens,
    ApiTokenVerifier,
    StoreClientFactory,
    StoreClientRegistry,
    StoreHealthService,
    SaasStoreRegistrar,
    StoreDirectory,
    ActivationRunner,
    BackgroundTasks,
    SecretBox,
    CallFailureRecorder,
    ActivityStats,
    SecurityEventLog,
  ],
})
export class MagentoIntegrationModule extends ConfigurableModuleClass {}
