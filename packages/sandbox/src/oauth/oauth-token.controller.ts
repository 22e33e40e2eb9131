import { All, Controller, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { RawRequest } from '../common/http-request';
import { OAuthTokenService, type TokenEndpointAnswer } from './oauth-token.service';

/** Magento's token endpoints; any HTTP method is accepted (the controllers implement no method interface). */
@Controller('oauth/token')
export class OAuthTokenController {
  constructor(private readonly tokens: OAuthTokenService) {}

  @All('request')
  async request(@Req() req: RawRequest, @Res() res: Response): Promise<void> {
    send(res, await this.tokens.handle('request_token', req, res));
  }

  @All('access')
  async access(@Req() req: RawRequest, @Res() res: Response): Promise<void> {
    send(res, await this.tokens.handle('access_token', req, res));
  }
}

/** The controllers set no content type: PHP's default `text/html; charset=UTF-8`. */
function send(res: Response, answer: TokenEndpointAnswer): void {
  res.status(answer.status).setHeader('Content-Type', 'text/html; charset=UTF-8');
  res.end(answer.body);
}
