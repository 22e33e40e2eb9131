import { All, Controller, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { RawRequest } from '../common/http-request';
import { RestDispatchService } from './rest-dispatch.service';
import { negotiateRenderer, rememberRenderer, sendRestAnswer } from './rest-renderer';

/**
 * Magento's REST front name, with and without `index.php` (URL rewrites off). The response renderer
 * is chosen from `Accept` first, as Magento builds it with the front controller; answers and errors
 * are then written in JSON or XML.
 */
@Controller()
export class RestController {
  constructor(private readonly dispatcher: RestDispatchService) {}

  @All(['rest', 'rest/*path', 'index.php/rest', 'index.php/rest/*path'])
  async handle(@Req() req: RawRequest, @Res() res: Response): Promise<void> {
    const renderer = negotiateRenderer(req.headers.accept);
    rememberRenderer(res, renderer);
    const answer = await this.dispatcher.dispatch(req, res);
    sendRestAnswer(res, renderer, answer.status, answer.body);
  }
}
