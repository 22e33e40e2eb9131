import { existsSync, statSync } from 'node:fs';
import { AclError, loadStockModel, type MagentoModel } from '@magekit/acl';
import { loadMagentoTree } from '@magekit/acl/node';
import { CliError } from '../../cli-error';
import { fileErrorCode } from './read-calls-file';

const FILE_CODES = new Set(['FILE_NOT_FOUND', 'NOT_A_FILE', 'FILE_TOO_LARGE']);

/**
 * The model for `--xml <dir>` (a tree of `<Module>/webapi.xml` + `acl.xml`), or the bundled 2.4.6-p1 table.
 * An `acl.xml` / `webapi.xml` that is not a regular file (a directory, a FIFO, a symlink to one, a
 * dangling symlink) is an error naming its path, never skipped.
 *
 * @throws CliError `FILE_NOT_FOUND`, `NOT_A_FILE`, `FILE_TOO_LARGE`; AclError XML_* codes naming the file and line
 */
export function loadAclModel(xmlDir: string | undefined): MagentoModel {
  if (xmlDir === undefined) return loadStockModel();
  if (!existsSync(xmlDir) || !statSync(xmlDir).isDirectory()) {
    throw new CliError(`--xml ${xmlDir}: no such directory.`, 'FILE_NOT_FOUND', {
      hint: 'Point --xml at a folder holding <Module>/webapi.xml and <Module>/acl.xml, or leave it out to use stock Magento 2.4.6-p1.',
    });
  }
  try {
    return loadMagentoTree(xmlDir);
  } catch (error) {
    if (error instanceof AclError && FILE_CODES.has(error.code))
      throw new CliError(`--xml ${xmlDir}: ${error.message}.`, fileErrorCode(error), {
        hint: error.hint,
        cause: error,
      });
    throw error;
  }
}
