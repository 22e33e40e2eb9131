import { MagentoClientError } from '../errors/magento-client-error';
import { sendHttp, type HttpResponse, type TransportDeps } from '../http/send-http';
import type { ImsAuthConfig } from './ims-options';
import { parseImsTokenResponse, type ImsToken } from './parse-ims-token-response';

/**
 * Asks IMS for an access token with the client-credentials grant: `POST <tokenUrl>` with the form
 * `grant_type=client_credentials&client_id&client_secret&scope` (scopes comma-separated),
 * docs/magento-behaviour.md §11.2. One attempt, no redirects; the answer is read by
 * {@link parseImsTokenResponse}. The secret travels only in the body and appears in no error.
 *
 * @throws MagentoClientError as {@link parseImsTokenResponse}, or `NETWORK` / `TIMEOUT` / `ABORTED`.
 */
export async function requestImsToken(
  config: Pick<ImsAuthConfig, 'tokenUrl' | 'clientId' | 'clientSecret' | 'scopes' | 'timeoutMs'>,
  deps: TransportDeps,
  signal?: AbortSignal,
): Promise<ImsToken> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: config.clientId,
    client_secret: config.clientSecret,
    scope: config.scopes.join(','),
  }).toString();
  let response: HttpResponse;
  try {
    response = await sendHttp(
      {
        method: 'POST',
        url: config.tokenUrl,
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body,
        signal,
        timeoutMs: config.timeoutMs,
      },
      deps,
    );
  } catch (error) {
    if (!(error instanceof MagentoClientError)) throw error;
    throw new MagentoClientError(`Could not get an IMS token: ${error.message}`, error.code, {
      cause: error,
      hint: 'The IMS token endpoint (tokenUrl) could not be reached; nothing was sent to the store.',
    });
  }
  return parseImsTokenResponse(response.status, response.text, [config.clientSecret]);
}
