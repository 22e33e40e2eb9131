import { Controller, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { readRawBody, readRawQuery, type RawRequest } from '../common/http-request';
import { readImsTokenForm } from './ims-token-request';
import { ImsTokenService } from './ims-token.service';

/**
 * Adobe IMS's token endpoint on the sandbox's own origin (the client's `tokenUrl` takes an origin):
 * `POST /ims/token/v3` with the client-credentials form, answered as IMS does, with OAuth 2's
 * `Cache-Control: no-store` (docs/magento-behaviour.md §11.2, §11.4, §11.6).
 */
@Controller('ims/token')
export class ImsTokenController {
  constructor(private readonly tokens: ImsTokenService) {}

  @Post('v3')
  async token(@Req() req: RawRequest, @Res() res: Response): Promise<void> {
    const answer = await this.tokens.issue(readImsTokenForm(readRawBody(req) ?? '', readRawQuery(req)));
    res.status(answer.status).setHeader('Cache-Control', 'no-store').setHeader('Pragma', 'no-cache').json(answer.body);
  }
}
