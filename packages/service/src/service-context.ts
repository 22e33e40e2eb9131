import type { DataSource } from 'typeorm';
import type { ServiceConfig } from './config/service-config';
import type { ServiceLogger } from './logging/service-logger';
import type { ProbeScheduling } from './queue/probe-scheduling';

/** Injection token of the {@link ServiceContext}. */
export const SERVICE_CONTEXT = Symbol('INTEGRATION_SERVICE_CONTEXT');

/** What the app's own providers need: settings, the opened database, the logger. */
export interface ServiceContext {
  config: ServiceConfig;
  dataSource: DataSource;
  logger: ServiceLogger;
  /**
   * The BullMQ queues (with `REDIS_URL`): how often the `probe-due` job looks for due stores, the
   * Redis key prefix, and how probes are spread (see `ProbeScheduling`).
   */
  queue: { probeIntervalMs: number; prefix: string } & Partial<ProbeScheduling>;
}
