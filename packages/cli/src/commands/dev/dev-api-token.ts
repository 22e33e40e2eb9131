import type { CliIo } from '../../cli-io';
import { withServiceDatabase } from '../service/service-database';

/** Name of the API token `magekit dev` keeps in an app's database (one live at a time). */
export const DEV_TOKEN_NAME = 'magekit dev';

/**
 * A fresh API token for the app's dashboard and admin API, created as `magekit tokens create` does,
 * in the app's own database (its DATA_DIR, or DATABASE_URL); the previous `magekit dev` token is
 * revoked. @magekit/nest and TypeORM load only here.
 */
export async function issueDevApiToken(io: CliIo, dataDir: string): Promise<string> {
  return withServiceDatabase(io, { dataDir }, async (dataSource, nest) => {
    await nest.revokeApiToken(dataSource, DEV_TOKEN_NAME);
    return (await nest.createApiToken(dataSource, DEV_TOKEN_NAME)).token;
  });
}
