import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseFilters, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { STORE_STATUSES } from '../entities/store.entity';
import { MagentoIntegrationExceptionFilter } from '../errors/magento-integration-exception.filter';
import { SaasStoreRegistrar } from '../stores/saas-store-registrar';
import { StoreHealthService } from '../stores/store-health.service';
import { ApiAuthGuard } from './api-auth.guard';
import { StoreDirectory } from './store-directory.service';
import { parseStoreQuery } from './store-query';
import { FailedCallDto, StoreDetailDto } from './store-detail.dto';
import { RegisterSaasStoreDto, SaasRegistrationDto } from './saas-store.dto';
import { ActivationDto, ProbeResultDto, StoreDto, StorePageDto } from './store-view.dto';
import { FAILED_CALLS_KEPT } from './call-failure-recorder.service';
import { MagentoIntegrationError } from '../errors/magento-integration-error';

/** The admin API over stores, for the dashboard and operators. Bearer-token protected. */
@ApiTags('stores')
@ApiBearerAuth()
@UseGuards(ApiAuthGuard)
@UseFilters(MagentoIntegrationExceptionFilter)
@Controller('api/stores')
export class StoresController {
  constructor(
    private readonly directory: StoreDirectory,
    private readonly health: StoreHealthService,
    private readonly saas: SaasStoreRegistrar,
  ) {}

  @Get()
  @ApiQuery({ name: 'status', required: false, enum: STORE_STATUSES })
  @ApiQuery({
    name: 'search',
    required: false,
    description: 'Part of the base URL, consumer key, IMS client id or tenant',
  })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'pageSize', required: false, type: Number, description: '1-100, default 20' })
  @ApiOkResponse({ type: StorePageDto })
  list(@Query() query: Record<string, unknown>): Promise<StorePageDto> {
    return this.directory.list(parseStoreQuery(query));
  }

  @Post('saas')
  @ApiOperation({
    summary: 'Register an Adobe Commerce as a Cloud Service store with its IMS credential',
    description:
      'No activation handshake: the credential is validated, both URLs pass the store-URL guard, the client secret is stored encrypted, and the store is probed at once (an IMS token, then GET /V1/store/storeConfigs). The same URL again replaces its credential.',
  })
  @ApiBody({ type: RegisterSaasStoreDto })
  @ApiCreatedResponse({
    type: SaasRegistrationDto,
    description: 'Registered (200 with the same body: credential replaced).',
  })
  @ApiOkResponse({
    type: SaasRegistrationDto,
    description: 'The URL was registered already: its credential was replaced.',
  })
  @ApiBadRequestResponse({ description: 'INVALID_INPUT (every bad field in details.problems) or STORE_URL_REFUSED.' })
  async registerSaas(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SaasRegistrationDto> {
    const registration = await this.saas.register(body);
    response.status(registration.created ? 201 : 200);
    return {
      created: registration.created,
      outcome: registration.outcome,
      store: await this.directory.detail(registration.storeId),
    };
  }

  @Get(':id')
  @ApiOkResponse({ type: StoreDetailDto })
  get(@Param('id') id: string): Promise<StoreDetailDto> {
    return this.directory.detail(id);
  }

  @Get(':id/failed-calls')
  @ApiQuery({
    name: 'limit',
    required: false,
    type: Number,
    description: `1-${FAILED_CALLS_KEPT}, default ${FAILED_CALLS_KEPT}`,
  })
  @ApiOkResponse({ type: [FailedCallDto] })
  failedCalls(@Param('id') id: string, @Query('limit') limit?: string): Promise<FailedCallDto[]> {
    return this.directory.failedCallsOf(id, parseLimit(limit));
  }

  @Get(':id/activations')
  @ApiOkResponse({ type: [ActivationDto] })
  activations(@Param('id') id: string): Promise<ActivationDto[]> {
    return this.directory.activationsOf(id);
  }

  @Post(':id/probe')
  @HttpCode(200)
  @ApiOkResponse({ type: ProbeResultDto })
  async probe(@Param('id') id: string): Promise<ProbeResultDto> {
    const outcome = await this.health.probe(id);
    return { outcome, store: await this.directory.get(id) };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: StoreDto })
  async revoke(@Param('id') id: string): Promise<StoreDto> {
    await this.health.revoke(id);
    return this.directory.get(id);
  }

  @Post(':id/reauth')
  @HttpCode(200)
  @ApiOkResponse({ type: StoreDto })
  async reauth(@Param('id') id: string): Promise<StoreDto> {
    await this.health.requestReauth(id);
    return this.directory.get(id);
  }
}

function parseLimit(value: unknown): number {
  if (value === undefined || value === '') return FAILED_CALLS_KEPT;
  const text = String(value);
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > FAILED_CALLS_KEPT)
    throw new MagentoIntegrationError(
      `Invalid failed-calls query: limit must be an integer from 1 to ${FAILED_CALLS_KEPT}.`,
      'INVALID_INPUT',
    );
  return limit;
}
