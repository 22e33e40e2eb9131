import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { ApiAuthGuard } from './api-auth.guard';
import { MAX_ACTIVITY_DAYS, parseActivityDays } from './activity-stats';
import { ActivityStats } from './activity-stats.service';
import { ActivityDto } from './store-detail.dto';
import { StoreDirectory } from './store-directory.service';
import { StoreCountsDto } from './store-view.dto';

/** Figures over all stores for the dashboard. Bearer-token protected. */
@ApiTags('stats')
@ApiBearerAuth()
@UseGuards(ApiAuthGuard)
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('api/stats')
export class StatsController {
  constructor(
    private readonly stats: ActivityStats,
    private readonly directory: StoreDirectory,
  ) {}

  @Get('activity')
  @ApiQuery({
    name: 'days',
    required: false,
    type: Number,
    description: `1-${MAX_ACTIVITY_DAYS}, default 30 (UTC days, today last)`,
  })
  @ApiOkResponse({ type: ActivityDto })
  activity(@Query('days') days?: string): Promise<ActivityDto> {
    return this.stats.perDay(parseActivityDays(days));
  }

  @Get('stores')
  @ApiOperation({ summary: 'How many stores there are, in all and per status (one query)' })
  @ApiOkResponse({ type: StoreCountsDto })
  stores(): Promise<StoreCountsDto> {
    return this.directory.countByStatus();
  }
}
