import { Controller, Get, Header } from '@nestjs/common';
import { ADMIN_PAGE_HTML, LOGIN_SUCCESS_HTML } from './admin-page.html';

/** The small admin page (`/admin`) and the admin's `loginSuccessCallback` page the identity link returns to. */
@Controller()
export class AdminPageController {
  @Get('admin')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'",
  )
  page(): string {
    return ADMIN_PAGE_HTML;
  }

  /** `LoginSuccessCallback.php`: a page that closes itself after 1 s. */
  @Get('admin/admin/integration/loginSuccessCallback')
  @Header('Content-Type', 'text/html; charset=utf-8')
  loginSuccess(): string {
    return LOGIN_SUCCESS_HTML;
  }
}
