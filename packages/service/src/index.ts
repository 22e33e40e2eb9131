export { startIntegrationService, type StartServiceOptions, type RunningService } from './start-service';
export {
  readServiceConfig,
  readStorageSettings,
  type StorageSettings,
  type ServiceConfig,
  type ServiceConfigIo,
  type DatabaseConfig,
  type KeySource,
  type LogLevel,
  type ApiDocsMode,
  type ThrottleConfig,
  type TrustProxy,
} from './config/service-config';
export { IntegrationServiceError, type IntegrationServiceErrorCode } from './service-error';
export { ServiceLogger, type ServiceLoggerOptions } from './logging/service-logger';
export { serviceUrls, formatBanner, type ServiceUrls } from './banner';
export { MAINTENANCE_QUEUE } from './queue/maintenance-queue';
export { PROBE_QUEUE, type ProbeDueResult } from './queue/probe-batches';
export {
  DEFAULT_PROBE_SCHEDULING,
  probeBatchJobId,
  type ProbeBatchData,
  type ProbeScheduling,
} from './queue/probe-scheduling';
export {
  createRedisTokenInvalidationBus,
  tokenInvalidationChannel,
  type RedisTokenInvalidationBus,
  type RedisTokenInvalidationOptions,
} from './api-tokens/redis-token-invalidation-bus';
