import type { NextFunction, Request, Response } from 'express';
import type { JsonLogger } from './json-logger';

/**
 * Express middleware logging one line per request when it finishes: method, path (redacted by
 * the logger), status and duration. `/health` is logged at debug level.
 */
export function requestLog(logger: JsonLogger, now: () => number = () => performance.now()) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = now();
    response.on('finish', () => {
      const fields = { method: request.method, path: request.originalUrl, status: response.statusCode, ms: Math.round((now() - started) * 10) / 10 };
      if (request.path === '/health') logger.debug({ msg: 'request', ...fields }, 'HTTP');
      else logger.info('request', fields, 'HTTP');
    });
    next();
  };
}
