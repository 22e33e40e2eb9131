import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import type { DashboardBuild } from './find-dashboard';

/** Injection token of the dashboard build (or null). */
export const DASHBOARD_BUILD = Symbol('DASHBOARD_BUILD');

/** Plain HTML: the site's Content-Security-Policy allows no inline style or script. */
const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>magekit integration service</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body>
<h1>magekit integration service</h1>
<p>The service is running. The dashboard is not built yet: run <code>npx nx build dashboard</code>
at the repository root (or set <code>DASHBOARD_DIR</code> to a built dashboard) and restart.</p>
<ul><li><a href="/api/docs">Admin API documentation</a></li><li><a href="/health">Health</a></li></ul>
</body></html>
`;

/** `GET /`: to the dashboard when it is built under another path, else a page saying how to build it. */
@ApiExcludeController()
@Controller()
export class RootController {
  constructor(@Inject(DASHBOARD_BUILD) private readonly dashboard: DashboardBuild | null) {}

  @Get()
  root(@Res() response: Response): void {
    if (this.dashboard) return void response.redirect(302, this.dashboard.base);
    response.status(200).type('html').set('cache-control', 'no-store').send(NOT_BUILT_PAGE);
  }
}
