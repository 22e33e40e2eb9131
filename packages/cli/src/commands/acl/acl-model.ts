import { existsSync, statSync } from 'node:fs';
import { loadStockModel, type MagentoModel } from '@magekit/acl';
import { loadMagentoTree } from '@magekit/acl/node';
import { CliError } from '../../cli-error';

/** The model for `--xml <dir>` (a tree of `<Module>/webapi.xml` + `acl.xml`), or the bundled 2.4.6-p1 table. */
export function loadAclModel(xmlDir: string | undefined): MagentoModel {
  if (xmlDir === undefined) return loadStockModel();
  if (!existsSync(xmlDir) || !statSync(xmlDir).isDirectory()) {
    throw new CliError(`--xml ${xmlDir}: no such directory.`, 'FILE_NOT_FOUND', { hint: 'Point --xml at a folder holding <Module>/webapi.xml and <Module>/acl.xml, or leave it out to use stock Magento 2.4.6-p1.' });
  }
  return loadMagentoTree(xmlDir);
}
