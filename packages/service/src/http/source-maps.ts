import { NotFoundException } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/**
 * In production no source map is served (the dashboard's `*.map`, Swagger UI's): they would
 * publish the dashboard's source. Such a request is answered like any missing path (404).
 */
export function refuseSourceMaps(request: Request, _response: Response, next: NextFunction): void {
  if (!/\.map$/i.test(request.path)) return next();
  next(new NotFoundException(`Cannot ${request.method} ${request.path}`));
}
