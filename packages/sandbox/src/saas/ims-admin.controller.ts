import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  UseGuards,
} from '@nestjs/common';
import type { MagentoModel } from '@magekit/acl';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { MAGENTO_MODEL, SandboxRuntime } from '../common/sandbox-runtime';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../config/sandbox-options';
import { readImsCredentialInput, readImsCredentialPatch } from './ims-credential-input';
import { ImsCredentialsService, type ImsCredentialView } from './ims-credentials.service';
import { ImsTokenService } from './ims-token.service';
import { describeEdition, type EditionView } from './saas-endpoints';
import { SAAS_OPTIONS, type SaasOptions } from './saas-options';

/** `GET /sandbox/admin/edition`, in both editions: which product the sandbox behaves as, and its endpoints. */
@Controller('sandbox/admin')
@UseGuards(AdminTokenGuard)
export class EditionController {
  constructor(
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
    @Inject(SAAS_OPTIONS) private readonly saas: SaasOptions,
    private readonly runtime: SandboxRuntime,
  ) {}

  @Get('edition')
  edition(): EditionView {
    return describeEdition(this.runtime.baseUrl, this.options.edition, this.saas);
  }
}

/**
 * The SaaS edition's admin API for IMS credentials (what Developer Console does by hand,
 * docs/magento-behaviour.md §11.6): create, list, change, rotate the secret, delete, and revoke
 * tokens so that a call's 401 can be tested.
 */
@Controller('sandbox/admin/ims')
@UseGuards(AdminTokenGuard)
export class ImsAdminController {
  constructor(
    private readonly credentials: ImsCredentialsService,
    private readonly tokens: ImsTokenService,
    @Inject(MAGENTO_MODEL) private readonly model: MagentoModel,
  ) {}

  @Get('credentials')
  async list(): Promise<ImsCredentialView[]> {
    return (await this.credentials.list()).map((credential) => this.credentials.toView(credential));
  }

  @Post('credentials')
  async create(@Body() body: unknown): Promise<ImsCredentialView> {
    return this.credentials.toView(await this.credentials.create(readImsCredentialInput(body, this.model)));
  }

  @Get('credentials/:clientId')
  async get(@Param('clientId') clientId: string): Promise<ImsCredentialView> {
    return this.credentials.toView(await this.credentials.get(clientId));
  }

  @Put('credentials/:clientId')
  async update(@Param('clientId') clientId: string, @Body() body: unknown): Promise<ImsCredentialView> {
    return this.credentials.toView(await this.credentials.update(clientId, readImsCredentialPatch(body, this.model)));
  }

  @Delete('credentials/:clientId')
  @HttpCode(204)
  async remove(@Param('clientId') clientId: string): Promise<void> {
    await this.credentials.delete(clientId);
  }

  /** A new client secret; the old one stops working at once. */
  @Post('credentials/:clientId/secret')
  @HttpCode(200)
  async rotate(@Param('clientId') clientId: string): Promise<ImsCredentialView> {
    return this.credentials.toView(await this.credentials.rotateSecret(clientId));
  }

  /** Revokes every token the credential has been issued: `{revoked}` counts those that were still valid. */
  @Post('credentials/:clientId/revoke')
  @HttpCode(200)
  async revokeAll(@Param('clientId') clientId: string): Promise<{ revoked: number }> {
    return { revoked: await this.tokens.revokeAll(clientId) };
  }

  /** Revokes one token, `{accessToken}`: `{revoked: 1}`, or 0 for a token the sandbox never issued. */
  @Post('tokens/revoke')
  @HttpCode(200)
  async revokeOne(@Body() body: unknown): Promise<{ revoked: number }> {
    const token = (body as { accessToken?: unknown } | null)?.accessToken;
    if (typeof token !== 'string' || token === '') throw new BadRequestException('"accessToken" is required.');
    return { revoked: (await this.tokens.revokeOne(token)) ? 1 : 0 };
  }
}
