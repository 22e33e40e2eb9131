import type { LoggerService } from '@nestjs/common';
import type { LogLevel } from '../config/service-config';
import { redact, redactText } from './redact';

const ORDER: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
/** Nest's start-up chatter (modules and routes) is logged at debug level. */
const BOOT_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Where log lines go and what time it is (tests pass their own). */
export interface JsonLoggerOptions {
  level?: LogLevel;
  write?: (line: string) => void;
  now?: () => Date;
}

/**
 * Nest's logger as one JSON object per line: `{"time","level","context","msg",…fields}`, every
 * message and field redacted ({@link redact}) before it is written. Only `error` lines (the
 * service's own faults) carry stack traces.
 */
export class JsonLogger implements LoggerService {
  private readonly level: LogLevel;
  private readonly write: (line: string) => void;
  private readonly now: () => Date;

  constructor(options: JsonLoggerOptions = {}) {
    this.level = options.level ?? 'info';
    this.write = options.write ?? ((line) => void process.stdout.write(line));
    this.now = options.now ?? (() => new Date());
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
    return ORDER[level] <= ORDER[this.level];
  }

  private emit(requested: LogLevel, message: unknown, params: unknown[], mayHaveStack = false): void {
    const rest = [...params];
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const level = requested === 'info' && context !== undefined && BOOT_CONTEXTS.has(context) ? 'debug' : requested;
    if (!this.isLevelEnabled(level)) return;
    const entry: Record<string, unknown> = { time: this.now().toISOString(), level };
    if (context !== undefined) entry['context'] = context;
    if (message instanceof Error) Object.assign(entry, { msg: redactText(message.message), error: redact(message) });
    else if (message !== null && typeof message === 'object') Object.assign(entry, redact(message));
    else entry['msg'] = redactText(String(message));
    if (mayHaveStack && typeof rest[0] === 'string' && rest[0].includes('\n    at ')) entry['stack'] = redactText(rest.shift() as string);
    if (rest.length > 0) entry['details'] = redact(rest);
    this.write(`${JSON.stringify(level === 'error' ? entry : withoutStacks(entry))}\n`);
  }
}

/** Stack traces belong to the service's own faults (`error`); other levels drop them at any depth. */
function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'stack').map(([key, item]) => [key, withoutStacks(item)]));
}
