import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import type { Request } from 'express';
import { LoggerModule } from 'nestjs-pino';
import type { Level, Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';

/**
 * pino-http middleware logging one `request` line per request when it finishes: method, path
 * (redacted by the logger, like every field), status, duration in `ms` and the client address
 * (`req.ip`: the proxy's unless `TRUST_PROXY` names it), context `HTTP`. Headers and bodies are not
 * logged. Client errors (4xx) are logged at `warn`, the service's own faults (5xx) at `error`, the
 * rest at `info`; `/health` at debug level. Each request gets a `reqId` (a UUID), which the lines
 * logged while it runs carry too.
 */
export function requestLog(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: () => randomUUID(),
    quietReqLogger: true,
    quietResLogger: true,
    wrapSerializers: false,
    customLogLevel: levelOf,
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (request, response, { responseTime }: { responseTime: number }) =>
      fieldsOf(request, response, responseTime),
    customErrorObject: (request, response, _error, { responseTime }: { responseTime: number }) =>
      fieldsOf(request, response, responseTime),
  });
}

function levelOf(request: IncomingMessage, response: ServerResponse, error?: Error): Level {
  const status = response.statusCode;
  if (error || status >= 500) return 'error';
  if ((request as Request).path === '/health') return 'debug';
  return status >= 400 ? 'warn' : 'info';
}

function fieldsOf(request: IncomingMessage, response: ServerResponse, ms: number): Record<string, unknown> {
  const express = request as Request;
  return {
    context: 'HTTP',
    method: request.method,
    path: express.originalUrl ?? request.url,
    status: response.statusCode,
    ms,
    ip: express.ip,
  };
}

/**
 * nestjs-pino's `LoggerModule` on the request logger of {@link requestLog} (`useExisting`: that
 * middleware is mounted before Nest's own): what is logged while a request runs goes through that
 * request's logger, and `PinoLogger` can be injected.
 */
export function requestLogContext(logger: Logger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true });
}
