import type { NextFunction, Request, Response } from 'express';
import type { JsonLogger } from './json-logger';

/**
 * Express middleware logging one line per request when it finishes: method, path (redacted by
 * the logger), status, duration and the client address (`req.ip`: the proxy's unless
 * `TRUST_PROXY` names it). Client errors (4xx) are logged at `warn`, the service's own faults
 * (5xx) at `error`, the rest at `info`; `/health` is logged at debug level.
 */
export function requestLog(logger: JsonLogger, now: () => number = () => performance.now()) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = now();
    response.on('finish', () => {
      const status = response.statusCode;
      const fields = { msg: 'request', method: request.method, path: request.originalUrl, status, ms: Math.round((now() - started) * 10) / 10, ip: request.ip };
      if (request.path === '/health' && status < 500) logger.debug(fields, 'HTTP');
      else if (status >= 500) logger.error(fields, 'HTTP');
      else if (status >= 400) logger.warn(fields, 'HTTP');
      else logger.log(fields, 'HTTP');
    });
    next();
  };
}
