import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { MagentoIntegrationModule } from './magento-integration.module';

/**
 * The OpenAPI document of the admin API (`/api/stores…`), for the app to serve, e.g.
 * `SwaggerModule.setup('api/docs', app, createMagentoOpenApiDocument(app))`.
 */
export function createMagentoOpenApiDocument(app: INestApplication, info: { title?: string; version?: string } = {}): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(info.title ?? 'Magento integration admin API')
    .setDescription('Stores activated through the Magento integration, their activation timelines, probes and reauthorization. Authenticate with `Authorization: Bearer <token>` (`magekit tokens create`).')
    .setVersion(info.version ?? '1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config, { include: [MagentoIntegrationModule] });
}
