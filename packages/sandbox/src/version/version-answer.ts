import type { NextFunction, Request, Response } from 'express';
import { SANDBOX_VERSION_HEADER } from './magento-versions';
import { MAGENTO_VERSION_ANSWER, type VersionProfile } from './version-profile';

/**
 * The storefront routes of `Magento_Version` (`app/code/Magento/Version/etc/frontend/routes.xml`, front
 * name `magento_version`, controller `Index\Index`): the front name alone, or with its controller and
 * action, each with an optional trailing slash.
 */
const VERSION_PATH = /^\/magento_version(?:\/index(?:\/index)?)?\/?$/;

/**
 * Express middleware for the whole sandbox: every answer carries {@link SANDBOX_VERSION_HEADER} with the
 * exact profile (so tools need not guess), and `GET|HEAD /magento_version` answers as
 * `Magento\Version\Controller\Index\Index::execute()` does: `ProductMetadata` name, major.minor version and
 * edition as a `text/html` body, `Magento/2.4 (Community)` for every 2.4 release (the patch level is left out).
 */
export function createVersionMiddleware(profile: VersionProfile) {
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader(SANDBOX_VERSION_HEADER, profile.version);
    const path = req.originalUrl.split('?')[0];
    if ((req.method === 'GET' || req.method === 'HEAD') && VERSION_PATH.test(path)) {
      res.status(200).type('text/html; charset=UTF-8').send(MAGENTO_VERSION_ANSWER);
      return;
    }
    next();
  };
}
