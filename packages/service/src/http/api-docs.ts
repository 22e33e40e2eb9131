import type { ExecutionContext, INestApplication, Type } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { ApiAuthGuard, createMagentoOpenApiDocument, MagentoIntegrationExceptionFilter } from '@magekit/nest';
import type { ApiDocsMode } from '../config/service-config';

/** Swagger UI and the OpenAPI document (`/api/docs`, `/api/docs-json`, `/api/docs-yaml` and the UI's files). */
const DOCS_PATH = /^\/api\/docs(?:[-/]|$)/;

/**
 * Serves the OpenAPI document of the admin API and of the app's own modules (`docs.include`, the
 * modules given to `startIntegrationService({ imports })`) and Swagger UI at `/api/docs` (`API_DOCS=public`), only
 * to holders of an admin API token (`token`: the same bearer check as `/api`, so a request without
 * one gets 401 `UNAUTHORIZED`), or not at all (`off`, the production default: 404).
 * Call it after the app's middleware and before `listen`.
 */
export function setUpApiDocs(
  app: INestApplication,
  mode: ApiDocsMode,
  docs: { name?: string; version?: string; include?: ReadonlyArray<Type> } = {},
): void {
  if (mode === 'off') return;
  if (mode === 'token') app.use(requireApiToken(app));
  SwaggerModule.setup(
    'api/docs',
    app,
    createMagentoOpenApiDocument(app, {
      title: `${docs.name ?? 'magekit integration service'}: admin API`,
      version: docs.version,
      include: docs.include,
    }),
  );
}

/** Express middleware running @magekit/nest's `ApiAuthGuard` (and its error filter) on the docs paths. */
function requireApiToken(app: INestApplication) {
  const guard = app.get(ApiAuthGuard, { strict: false });
  const filter = new MagentoIntegrationExceptionFilter();
  return (request: Request, response: Response, next: NextFunction): void => {
    if (!DOCS_PATH.test(request.path)) return next();
    const context = httpContext(request, response, next);
    Promise.resolve()
      .then(() => guard.canActivate(context))
      .then(
        () => next(),
        (error: unknown) => filter.catch(error, context),
      );
  };
}

/** The HTTP execution context a guard and a filter read (request and response only). */
function httpContext(request: Request, response: Response, next: NextFunction): ExecutionContext {
  const args = [request, response, next];
  const http = { getRequest: () => request, getResponse: () => response, getNext: () => next };
  const context: Partial<ExecutionContext> = {
    getArgs: () => args as never,
    getArgByIndex: (index: number) => args[index] as never,
    getType: () => 'http' as never,
    switchToHttp: () => http as ReturnType<ExecutionContext['switchToHttp']>,
    getClass: () => Object as never,
    getHandler: () => requireApiToken,
  };
  return context as ExecutionContext;
}
