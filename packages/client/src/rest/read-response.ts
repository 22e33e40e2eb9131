import { MagentoClientError } from '../errors/magento-client-error';
import { parseRestError } from '../errors/parse-rest-error';
import type { HttpResponse } from '../http/send-http';

/** A parsed success, or the typed error of a failure. */
export type ResponseOutcome = { ok: true; value: unknown } | { ok: false; error: MagentoClientError };

/**
 * Reads a REST response: 2xx JSON (empty body → undefined); 3xx refused (signed requests are not
 * re-sent to another URL); 4xx/5xx → {@link parseRestError}. Pure.
 */
export function readResponse(response: HttpResponse): ResponseOutcome {
  const { status, text } = response;
  if (status >= 200 && status < 300) return readJson(status, text);
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location') ?? '(none)';
    return {
      ok: false,
      error: new MagentoClientError(`The store redirected (HTTP ${status}) to ${location}.`, 'HTTP_ERROR', {
        status,
        hint: 'Use the final URL as baseUrl (https, www, store path): a signed request is valid for one URL only, so redirects are not followed.',
      }),
    };
  }
  return { ok: false, error: parseRestError(status, text) };
}

function readJson(status: number, text: string): ResponseOutcome {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (cause) {
    return {
      ok: false,
      error: new MagentoClientError(
        `HTTP ${status} with a body that is not JSON: ${text.slice(0, 120)}`,
        'INVALID_RESPONSE',
        {
          status,
          cause,
          hint: "PHP notices or an HTML page in front of the JSON: check the store's display_errors and any proxy/WAF.",
        },
      ),
    };
  }
}
