import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, type DynamicModule, Get, Inject, Module, Optional, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { ApiAuthGuard } from './api-auth.guard';

/** Injection token of the {@link ServiceInfo} the app gives with {@link ServiceInfoModule.forRoot}. */
export const MAGEKIT_SERVICE_INFO = Symbol('MAGEKIT_SERVICE_INFO');

/** What the service is: the name the dashboard shows in its header, and a version. */
export interface ServiceInfo {
  name: string;
  version: string;
}

/** The name when the app gives none. */
export const DEFAULT_SERVICE_NAME = 'magekit integration service';

/** `GET /api/service`. */
export class ServiceInfoDto {
  @ApiProperty({ example: 'acme-sync' }) name!: string;
  @ApiProperty({ example: '0.1.0' }) version!: string;
}

/**
 * Provides the app's {@link ServiceInfo} to `GET /api/service` (global, so that
 * MagentoIntegrationModule's controller sees it): `ServiceInfoModule.forRoot({ name, version })`
 * next to `MagentoIntegrationModule.forRoot(…)`.
 */
@Module({})
export class ServiceInfoModule {
  static forRoot(info: ServiceInfo): DynamicModule {
    return {
      module: ServiceInfoModule,
      global: true,
      providers: [{ provide: MAGEKIT_SERVICE_INFO, useValue: { ...info } }],
      exports: [MAGEKIT_SERVICE_INFO],
    };
  }
}

/** `GET /api/service`: the service's name and version, for the dashboard's header. Bearer-token protected. */
@ApiTags('service')
@ApiBearerAuth()
@UseGuards(ApiAuthGuard)
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('api/service')
export class ServiceInfoController {
  private readonly info: ServiceInfo;

  constructor(@Optional() @Inject(MAGEKIT_SERVICE_INFO) info?: ServiceInfo) {
    this.info = info ?? { name: DEFAULT_SERVICE_NAME, version: readOwnVersion() };
  }

  @Get()
  @ApiOkResponse({ type: ServiceInfoDto })
  describe(): ServiceInfoDto {
    return { name: this.info.name, version: this.info.version };
  }
}

/** @magekit/nest's own version (its package.json is two folders above both `src/admin` and `dist/admin`). */
function readOwnVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
