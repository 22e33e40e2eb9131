import { Controller, Get, Inject, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SecurityEventEntity } from '../entities/security-event.entity';
import { StoreEntity } from '../entities/store.entity';
import { MagentoIntegrationError } from '../errors/magento-integration-error';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { MAGEKIT_CLOCK } from '../tokens';
import { ApiAuthGuard } from './api-auth.guard';
import { SecurityEventPageDto } from './security-events.dto';
import {
  DEFAULT_SECURITY_EVENTS_PAGE,
  MAX_SECURITY_EVENTS_PAGE,
  parseSecurityEventQuery,
} from './security-events-query';
import { readSecurityEvents } from './security-events-reader';

/**
 * `GET /api/rejected-callbacks`: the activation callbacks the service refused (time, source address,
 * claimed store URL, code and reason; never a secret), newest first. The `callback_rejected`
 * events of the security log, for the dashboard's stores page and operators' scripts.
 */
@ApiTags('security')
@ApiBearerAuth()
@UseGuards(ApiAuthGuard)
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('api/rejected-callbacks')
export class RejectedCallbacksController {
  constructor(
    @InjectRepository(SecurityEventEntity) private readonly events: Repository<SecurityEventEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  @Get()
  @ApiQuery({
    name: 'storeId',
    required: false,
    type: String,
    format: 'uuid',
    description: 'Only callbacks that named this store',
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    type: Number,
    description: `1-${MAX_SECURITY_EVENTS_PAGE}, default ${DEFAULT_SECURITY_EVENTS_PAGE}`,
  })
  @ApiQuery({
    name: 'before',
    required: false,
    type: String,
    format: 'date-time',
    description: 'Cursor: only callbacks older than this ISO 8601 time',
  })
  @ApiOkResponse({
    type: SecurityEventPageDto,
    description: 'Refused callbacks, newest first, with the security events per type over the last 24 hours',
  })
  @ApiBadRequestResponse({ description: 'INVALID_INPUT, naming every bad parameter' })
  list(@Query() query: Record<string, unknown>): Promise<SecurityEventPageDto> {
    if (query['type'] !== undefined)
      throw new MagentoIntegrationError(
        'Invalid rejected-callbacks query: type is not a parameter here (use /api/security-events for other types).',
        'INVALID_INPUT',
      );
    const parsed = parseSecurityEventQuery(query);
    return readSecurityEvents(
      { events: this.events, stores: this.stores },
      { ...parsed, type: 'callback_rejected' },
      this.clock(),
    );
  }
}
