import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { MagentoIntegrationModule } from './magento-integration.module';

/** What {@link createMagentoOpenApiDocument} documents besides the module's admin API. */
export interface MagentoOpenApiOptions {
  title?: string;
  version?: string;
  /**
   * The app's own modules whose controllers belong in the document too (e.g. a job's
   * `POST /api/sample-job/run`): the modules given to `startIntegrationService({ imports })`.
   */
  include?: ReadonlyArray<Type>;
}

/**
 * The OpenAPI document of the admin API (`/api/stores…`, `/api/service`) and of the app's own
 * modules in `include`, for the app to serve, e.g.
 * `SwaggerModule.setup('api/docs', app, createMagentoOpenApiDocument(app, { include: [JobsModule] }))`.
 */
export function createMagentoOpenApiDocument(app: INestApplication, info: MagentoOpenApiOptions = {}): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title ?? 'Magento integration admin API')
    .setDescription(
      'Stores activated through the Magento integration (OAuth 1.0a) or registered with an Adobe IMS credential (Adobe Commerce as a Cloud Service), their activation timelines, probes and reauthorization. Authenticate with `Authorization: Bearer <token>` (`npx magekit tokens create --name <name>`).',
    )
    .setVersion(info.version ?? '1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { include: [MagentoIntegrationModule, ...(info.include ?? [])] });
}
