import { Controller, Get, Query, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { ApiAuthGuard } from './api-auth.guard';
import { MAX_ACTIVITY_DAYS, parseActivityDays } from './activity-stats';
import { ActivityStats } from './activity-stats.service';
import { ActivityDto } from './store-detail.dto';

/** Figures over all stores for the dashboard. Bearer-token protected. */
@ApiTags('stats')
@ApiBearerAuth()
@UseGuards(ApiAuthGuard)
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('api/stats')
export class StatsController {
  constructor(private readonly stats: ActivityStats) {}

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
}
