import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ServiceConfig } from '../config/service-config';
import type { ServiceLogger } from '../logging/service-logger';
import { requestLog } from '../logging/request-log';
import { useBodyParsers } from './body-parsing';
import { noStore } from './cache-control';
import { securityHeaders } from './security-headers';
import { refuseSourceMaps } from './source-maps';

/**
 * The middleware in front of every route, in order: `trust proxy` (`TRUST_PROXY`), the request
 * log (pino-http, first so that requests refused by later middleware are logged too), security
 * headers (helmet), `Cache-Control: no-store` on `/api` and `/magento`, no source maps in
 * production, and the body parsers with their errors in the service's format. Call it right after
 * `NestFactory.create(…, { bodyParser: false })`, before anything else is mounted.
 */
export function applyHttpSurface(app: NestExpressApplication, config: ServiceConfig, logger: ServiceLogger): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestLog(logger.pino));
  app.use(securityHeaders({ https: (config.publicUrl ?? '').startsWith('https:') }));
  app.use(noStore);
  if (config.production) app.use(refuseSourceMaps);
  useBodyParsers(app);
}
