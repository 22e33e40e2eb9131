import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { OpenAPIObject } from '@nestjs/swagger';
import { RejectedCallbacksController } from '../src/admin/rejected-callbacks.controller';
import { SecurityEventsController } from '../src/admin/security-events.controller';
import { ServiceInfoController } from '../src/admin/service-info.controller';
import { StatsController } from '../src/admin/stats.controller';
import { StoresController } from '../src/admin/stores.controller';
import { createMagentoOpenApiDocument } from '../src/openapi';

/** The admin API's controllers alone; their services are stubs, as only their metadata is read. */
@Module({
  controllers: [
    StoresController,
    StatsController,
    SecurityEventsController,
    RejectedCallbacksController,
    ServiceInfoController,
  ],
})
class AdminApiDocumentModule {}

/**
 * The OpenAPI document of the admin API (`/api/stores…`, `/api/stats`, `/api/security-events`,
 * `/api/rejected-callbacks`, `/api/service`), built from the controllers and DTOs without a
 * database or a listening server.
 */
export async function buildAdminApiDocument(): Promise<OpenAPIObject> {
  const moduleRef = await Test.createTestingModule({ imports: [AdminApiDocumentModule] })
    .useMocker(() => ({}))
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  try {
    return createMagentoOpenApiDocument(app, { include: [AdminApiDocumentModule] });
  } finally {
    await app.close();
  }
}
