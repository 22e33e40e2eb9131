import { format } from 'node:util';
import pino, { type Bindings, type ChildLoggerOptions, type DestinationStream, type LogFn, type Logger } from 'pino';
import { redact, redactText } from '@magekit/client';
import type { LogLevel } from '../config/service-config';

/** Where log lines go and what time it is (tests pass their own). */
export interface ServicePinoOptions {
  level?: LogLevel;
  /** Receives each line (one JSON object and `\n`); default stdout. */
  write?: (line: string) => void;
  now?: () => Date;
}

const ERROR_LEVEL = 50;

/**
 * The service's pino logger: one JSON object per line (`level` as its name, `time` as an ISO
 * text, no pid or hostname), written synchronously to `write` (default stdout). Every argument
 * of every log call, on this logger and on its children (pino-http's request loggers), goes
 * through @magekit/client's `redact` first, and so do child bindings: pino's `redact` paths cannot
 * see secrets inside texts. Stack traces are kept on `error` and `fatal` lines only.
 */
export function createServicePino(options: ServicePinoOptions = {}): Logger {
  const write = options.write ?? ((line: string) => void process.stdout.write(line));
  const now = options.now ?? (() => new Date());
  const destination: DestinationStream = { write };
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: null,
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { logMethod: redactLogArguments },
    },
    destination,
  );
  // pino's bindings formatter sees the root's bindings only; children (and theirs) inherit this.
  const createChild: (this: Logger, bindings: Bindings, childOptions?: ChildLoggerOptions) => Logger = logger.child;
  logger.child = function child(this: Logger, bindings: Bindings, childOptions?: ChildLoggerOptions) {
    return createChild.call(this, redact(bindings) as Bindings, childOptions);
  } as unknown as Logger['child'];
  return logger;
}

/** pino's `logMethod` hook: the message formatted first (so that `%s` cannot rebuild a secret), then every argument redacted. */
function redactLogArguments(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const [first, ...rest] = args as unknown[];
  const hasObject = first !== null && typeof first === 'object';
  const texts = hasObject ? rest : [first, ...rest];
  const message =
    texts.length === 0 || texts[0] === undefined
      ? undefined
      : redactText(texts.length === 1 ? String(texts[0]) : format(...texts));
  const fields = (hasObject ? redact(loggable(first, message === undefined)) : {}) as Record<string, unknown>;
  const safe = level >= ERROR_LEVEL ? fields : (withoutStacks(fields) as Record<string, unknown>);
  if (message === undefined) method.call(this, safe);
  else method.call(this, safe, message);
}

/** What a log call's object stands for: an error under `error` (its message as `msg` when the call gives none), a raw HTTP request or response as its method, URL and headers or its status. */
function loggable(value: object, withMessage: boolean): Record<string, unknown> {
  if (value instanceof Error) return withMessage ? { msg: value.message, error: value } : { error: value };
  const http = value as {
    method?: string;
    headers?: unknown;
    socket?: unknown;
    originalUrl?: string;
    url?: string;
    setHeader?: unknown;
    statusCode?: number;
  };
  if (http.method && http.headers && http.socket)
    return { req: { method: http.method, url: http.originalUrl ?? http.url, headers: http.headers } };
  if (typeof http.setHeader === 'function') return { res: { statusCode: http.statusCode } };
  return value as Record<string, unknown>;
}

/** Stack traces belong to the service's own faults (`error`); other levels drop them at any depth. */
function withoutStacks(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStacks);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'stack')
      .map(([key, item]) => [key, withoutStacks(item)]),
  );
}
