/**
 * `@magekit/service/settings`: the service's environment contract and storage, without its HTTP
 * server. The CLI's `tokens`, `accounts`, `rotate` and `stores` commands open the service's database with it.
 */
export {
  readServiceConfig,
  readStorageSettings,
  type ServiceConfig,
  type StorageSettings,
  type DatabaseConfig,
  type KeySource,
} from './config/service-config';
export { loadKeys, type LoadedKeys } from './config/key-file';
export { toModuleOptions } from './config/module-options';
export { toDataSourceOptions, describeDatabase } from './storage/data-source-options';
export { IntegrationServiceError, type IntegrationServiceErrorCode } from './service-error';
export {
  createRedisTokenInvalidationBus,
  tokenInvalidationChannel,
  type RedisTokenInvalidationBus,
} from './api-tokens/redis-token-invalidation-bus';
