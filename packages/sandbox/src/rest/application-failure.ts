import { MagentoException } from '../common/magento-exception';

/**
 * How the store answers a failure the web API's own error handling never sees:
 * - `error-report`: an exception while the REST front controller is built (e.g. no response
 *   renderer for `Accept`), handled by `App\ExceptionHandler::handleGenericReport()`, which writes a
 *   report and renders `pub/errors/report.php`: 500, an HTML page, the message only in the log;
 * - `terminated`: a PHP `Error` (not an `Exception`), which only `App\Bootstrap::run()` catches:
 *   `terminate()` answers 500 `text/plain` "An error has happened during application run. See
 *   exception log for details." (production mode). PHP adds its default charset to `text/` types.
 */
export type ApplicationFailureKind = 'error-report' | 'terminated';

/** A failure answered outside the web API's error processor ({@link ApplicationFailureKind}); the message goes to the log only. */
export class ApplicationFailure extends MagentoException {
  constructor(
    readonly kind: ApplicationFailureKind,
    message: string,
  ) {
    super(500, message);
    this.name = 'ApplicationFailure';
  }
}

/** The answer's content type and body; `reportId` is the report's number (64 hex digits, a SHA-256 in Magento). */
export function renderApplicationFailure(
  failure: ApplicationFailure,
  reportId: string,
): { contentType: string; body: string } {
  if (failure.kind === 'terminated')
    return {
      contentType: 'text/plain; charset=UTF-8',
      body: 'An error has happened during application run. See exception log for details.\n',
    };
  return { contentType: 'text/html; charset=UTF-8', body: errorReportPage(reportId) };
}

/** The wording of `pub/errors/default/report.phtml` (report action unset), without its skin. */
function errorReportPage(reportId: string): string {
  const title = 'There has been an error processing your request';
  return [
    '<!doctype html>',
    `<html><head><title>${title}</title></head><body>`,
    `<div class="col-main"><div class="page-title"><h1>${title}</h1></div>`,
    '<p><em>Exception printing is disabled by default for security reasons.</em></p>',
    `<p>Error log record number: ${reportId}</p></div>`,
    '</body></html>',
    '',
  ].join('\n');
}
