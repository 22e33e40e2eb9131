import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { internalError, MagentoException } from './magento-exception';

/**
 * Maps every error to Magento's REST error JSON: `MagentoException` as is, Nest HTTP errors (admin
 * API, bad JSON) with their status, anything else to Magento's masked 500 (`ErrorProcessor::maskException`).
 */
@Catch()
export class MagentoExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Sandbox');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof MagentoException) {
      for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      res.status(error.httpStatus).json(error.toJSON());
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? error.message);
      res.status(error.getStatus()).json({ message: Array.isArray(message) ? message.join('; ') : String(message) });
      return;
    }
    const masked = internalError(randomBytes);
    this.logger.error(
      `${String((masked.parameters as string[])[0])}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    res.status(500).json(masked.toJSON());
  }
}
