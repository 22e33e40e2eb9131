import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import type { Response } from 'express';
import type { MagentoModel } from '@magekit/acl';
import { MAGENTO_MODEL } from '../common/sandbox-runtime';
import { ActivationService, type ActivationResult } from '../integrations/activation.service';
import { ConsumerPostFailedError, type ConsumerPostFailure } from '../integrations/consumer-post';
import { readIntegrationInput } from '../integrations/integration-input';
import { IntegrationService, type IntegrationView } from '../integrations/integration.service';
import { RestHandlerRegistry } from '../rest/rest-handler.registry';
import { validateGlobalSettings, validateStoreSettings } from '../settings/settings-validation';
import { SettingsService } from '../settings/settings.service';
import type { GlobalSettings, StoreSettings } from '../settings/store-settings';
import { listStoreViews } from '../stores/store-catalog';
import { ActivityLogService, type ActivityEvent } from './activity-log.service';
import { AdminTokenGuard } from './admin-token.guard';
import { describePermissions, type PermissionsDialogView } from './permissions-dialog';

/**
 * The sandbox's admin HTTP API (what Magento's admin does by hand): integrations (create, activate,
 * reauthorize, delete), per-store profiles and faults, global switches, and the activity log.
 */
@Controller('sandbox/admin')
@UseGuards(AdminTokenGuard)
export class AdminController {
  constructor(
    private readonly integrations: IntegrationService,
    private readonly activation: ActivationService,
    private readonly settings: SettingsService,
    private readonly activity: ActivityLogService,
    private readonly handlers: RestHandlerRegistry,
    @Inject(MAGENTO_MODEL) private readonly model: MagentoModel,
  ) {}

  @Get('integrations')
  async list(): Promise<IntegrationView[]> {
    return Promise.all((await this.integrations.list()).map((integration) => this.integrations.toView(integration)));
  }

  @Post('integrations')
  async create(@Body() body: unknown): Promise<IntegrationView> {
    return this.integrations.toView(await this.integrations.create(readIntegrationInput(body, this.model)));
  }

  @Get('integrations/:id')
  async get(@Param('id', ParseIntPipe) id: number): Promise<IntegrationView> {
    return this.integrations.toView(await this.integrations.get(id));
  }

  @Delete('integrations/:id')
  @HttpCode(204)
  async remove(@Param('id', ParseIntPipe) id: number): Promise<void> {
    await this.integrations.delete(id);
  }

  /** `PermissionsDialog`: the requested resources with their ACL titles, shown before Allow. */
  @Get('integrations/:id/permissions')
  async permissions(@Param('id', ParseIntPipe) id: number): Promise<PermissionsDialogView> {
    return describePermissions(await this.integrations.toView(await this.integrations.get(id)), this.model.tree);
  }

  /**
   * Activate (`TokensExchange` / `TokensDialog`): the consumer POST then the identity link to open, or
   * the direct tokens. A failed POST answers 502 with {@link ConsumerPostFailure} (Magento's message).
   */
  @Post('integrations/:id/activate')
  @HttpCode(200)
  activate(
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActivationResult | ConsumerPostFailure> {
    return answerActivation(this.activation.activate(id), res);
  }

  @Post('integrations/:id/reauthorize')
  @HttpCode(200)
  reauthorize(
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActivationResult | ConsumerPostFailure> {
    return answerActivation(this.activation.reauthorize(id), res);
  }

  @Get('activity')
  listActivity(@Query('integration') integration?: string): ActivityEvent[] {
    return this.activity.list(integration === undefined ? undefined : Number(integration));
  }

  @Get('stores')
  listStores(): object[] {
    return listStoreViews().filter((view) => (view as { id: number }).id !== 0);
  }

  @Get('stores/:code/settings')
  getStoreSettings(@Param('code') code: string): Promise<StoreSettings> {
    return this.settings.getStore(code);
  }

  @Put('stores/:code/settings')
  updateStoreSettings(@Param('code') code: string, @Body() body: unknown): Promise<StoreSettings> {
    return this.settings.updateStore(code, validateStoreSettings(body));
  }

  @Get('settings')
  getSettings(): Promise<GlobalSettings> {
    return this.settings.getGlobal();
  }

  @Put('settings')
  updateSettings(@Body() body: unknown): Promise<GlobalSettings> {
    return this.settings.updateGlobal(validateGlobalSettings(body));
  }

  /** Which routes the sandbox implements, and the route table it enforces. */
  @Get('routes')
  listRoutes(): { source: string; routes: number; implemented: string[] } {
    return { source: this.model.source, routes: this.model.routes.routes.length, implemented: this.handlers.list() };
  }
}

async function answerActivation(
  run: Promise<ActivationResult>,
  res: Response,
): Promise<ActivationResult | ConsumerPostFailure> {
  try {
    return await run;
  } catch (error) {
    if (!(error instanceof ConsumerPostFailedError)) throw error;
    res.status(502);
    return error.failure;
  }
}
