import type { LoggerService } from '@nestjs/common';
import { storage } from 'nestjs-pino/storage';
import type { Logger } from 'pino';
import type { LogLevel } from '../config/service-config';
import { createServicePino, type ServicePinoOptions } from './service-pino';

/** Where log lines go, from which level on, and what time it is (tests pass their own). */
export type ServiceLoggerOptions = ServicePinoOptions;

/** Nest's start-up chatter (modules and routes) is logged at debug level. */
const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * The service's logger: Nest's `LoggerService` on pino ({@link createServicePino}), one JSON
 * object per line `{"level","time","context","msg",…fields}`, every message and field redacted by
 * @magekit/client's rules. Inside a request it logs through that request's pino-http logger
 * (nestjs-pino's request context), so the line carries the request's `reqId`. Only `error` lines
 * (the service's own faults) carry stack traces.
 */
export class ServiceLogger implements LoggerService {
  /** The pino logger underneath (its lines are redacted too). */
  readonly pino: Logger;

  constructor(options: ServiceLoggerOptions = {}) {
    this.pino = createServicePino(options);
  }

  log(message: unknown, ...params: unknown[]): void {
    this.emit('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // Nest passes (message, stack?, context?).
    this.emit('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.emit('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.emit('debug', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.emit('error', message, params, true);
  }

  /** Logs a message with structured fields (redacted). */
  info(msg: string, fields: Record<string, unknown> = {}, context?: string): void {
    this.emit('info', { msg, ...fields }, context === undefined ? [] : [context]);
  }

  isLevelEnabled(level: LogLevel): boolean {
    return this.pino.isLevelEnabled(level);
  }

  private emit(requested: LogLevel, message: unknown, params: unknown[], mayHaveStack = false): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const level = requested === 'info' && context !== undefined && BOOT_CONTEXTS.has(context) ? 'debug' : requested;
    const target = storage.getStore()?.logger ?? this.pino;
    if (!target.isLevelEnabled(level)) return;
    const entry: Record<string, unknown> = {};
    if (context !== undefined) entry['context'] = context;
    if (message instanceof Error) Object.assign(entry, { msg: message.message, error: message });
    else if (message !== null && typeof message === 'object') Object.assign(entry, message);
    else entry['msg'] = String(message);
    if (mayHaveStack && typeof rest[0] === 'string' && rest[0].includes('\n    at ')) entry['stack'] = rest.shift();
    if (rest.length > 0) entry['details'] = rest;
    target[level](entry);
  }
}
