import { All, Controller, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { RawRequest } from '../common/http-request';
import { RestDispatchService } from './rest-dispatch.service';

/** Magento's REST front name, with and without `index.php` (URL rewrites off). */
@Controller()
export class RestController {
  constructor(private readonly dispatcher: RestDispatchService) {}

  @All(['rest', 'rest/*path', 'index.php/rest', 'index.php/rest/*path'])
  async handle(@Req() req: RawRequest, @Res() res: Response): Promise<void> {
    const answer = await this.dispatcher.dispatch(req, res);
    res
      .status(answer.status)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(answer.body ?? null));
  }
}
