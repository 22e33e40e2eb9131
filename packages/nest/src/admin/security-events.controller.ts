import { Controller, Get, Inject, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SECURITY_EVENT_TYPES, SecurityEventEntity } from '../entities/security-event.entity';
import { StoreEntity } from '../entities/store.entity';
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
 * The security log (`SecurityEventLog`) for the dashboard and operators: refused callbacks, moved
 * stores, expired pending stores, throttled sign-ins. Bearer-token protected.
 */
@ApiTags('security')
@ApiBearerAuth()
@UseGuards(ApiAuthGuard)
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('api/security-events')
export class SecurityEventsController {
  constructor(
    @InjectRepository(SecurityEventEntity) private readonly events: Repository<SecurityEventEntity>,
    @InjectRepository(StoreEntity) private readonly stores: Repository<StoreEntity>,
    @Inject(MAGEKIT_CLOCK) private readonly clock: () => number,
  ) {}

  @Get()
  @ApiQuery({ name: 'type', required: false, enum: SECURITY_EVENT_TYPES })
  @ApiQuery({ name: 'storeId', required: false, type: String, format: 'uuid', description: "One store's events" })
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
    description: 'Cursor: only events older than this ISO 8601 time (the occurredAt of the last event already shown)',
  })
  @ApiOkResponse({
    type: SecurityEventPageDto,
    description: 'Newest first, with the events per type over the last 24 hours',
  })
  @ApiBadRequestResponse({ description: 'INVALID_INPUT, naming every bad parameter' })
  list(@Query() query: Record<string, unknown>): Promise<SecurityEventPageDto> {
    return readSecurityEvents(
      { events: this.events, stores: this.stores },
      parseSecurityEventQuery(query),
      this.clock(),
    );
  }
}
