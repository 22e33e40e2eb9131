import { MagentoClientError } from '../errors/magento-client-error';
import { buildSaasRestPath, findSaasMissingRoute } from '../url/saas-rest-path';
import { checkSaasScope, type ClientConfig } from './client-options';
import { prepareRequest, type PreparedRequest, type RestRequest } from './prepare-request';

/**
 * Builds a call to Adobe Commerce as a Cloud Service (docs/magento-behaviour.md §11.3):
 * `<origin>/<tenant>/V1/…` with no `rest/` and no store segment, the store code (the call's or
 * the client's) in the `Store` header, and `async/` or `async/bulk/` after `V1/`. Routes SaaS
 * does not have (token services, 2FA, guest and customer APIs, §11.1) are refused before sending.
 *
 * @throws MagentoClientError `SAAS_UNSUPPORTED` for such a route; `INVALID_INPUT` as {@link prepareRequest},
 *   or for `indexPhp` or a bad store code.
 */
export function prepareSaasRequest(config: ClientConfig, request: RestRequest): PreparedRequest {
  const missing = findSaasMissingRoute(String(request.path));
  if (missing !== null)
    throw new MagentoClientError(
      `Adobe Commerce as a Cloud Service has no ${missing}: ${request.method} ${request.path}.`,
      'SAAS_UNSUPPORTED',
      { hint: 'Guest and customer features are in its GraphQL API; admin calls authenticate with createImsAuth.' },
    );
  const store = request.store ?? config.scope.store;
  const mode = request.mode ?? config.scope.mode;
  checkSaasScope({ store, indexPhp: request.indexPhp ?? config.scope.indexPhp });
  const prepared = prepareRequest(config, {
    ...request,
    path: buildSaasRestPath(request.path, mode),
    store: undefined,
    mode: undefined,
    indexPhp: undefined,
  });
  if (store !== undefined) prepared.headers['store'] = store;
  return prepared;
}
