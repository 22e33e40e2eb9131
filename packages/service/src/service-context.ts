import type { DataSource } from 'typeorm';
import type { ServiceConfig } from './config/service-config';
import type { ServiceLogger } from './logging/service-logger';

/** Injection token of the {@link ServiceContext}. */
export const SERVICE_CONTEXT = Symbol('INTEGRATION_SERVICE_CONTEXT');

/** What the app's own providers need: settings, the opened database, the logger. */
export interface ServiceContext {
  config: ServiceConfig;
  dataSource: DataSource;
  logger: ServiceLogger;
  /** The BullMQ maintenance queue (with `REDIS_URL`): how often the `probe-due` job runs, and the Redis key prefix. */
  queue: { probeIntervalMs: number; prefix: string };
}
