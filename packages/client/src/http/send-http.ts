import { MagentoClientError } from '../errors/magento-client-error';
import { systemClock, systemSetTimer, globalFetch, type Clock, type FetchLike, type SetTimer } from './side-effects';

/** One HTTP exchange to perform, the URL exactly as signed. */
export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Abort the attempt (headers and body) after this many ms; 0 or absent: no timeout. */
  timeoutMs?: number;
}

/** A response read to the end. */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Client clock when the response headers arrived. */
  receivedAt: number;
}

/** Side effects {@link sendHttp} uses. */
export interface TransportDeps {
  fetch?: FetchLike;
  clock?: Clock;
  setTimer?: SetTimer;
}

/**
 * Performs one attempt: no redirects are followed (a signed request must never be re-sent to
 * another URL), the body is read fully, and failures become typed errors.
 *
 * @throws MagentoClientError `ABORTED` (caller's signal), `TIMEOUT` (attempt took longer than
 *   `timeoutMs`), `NETWORK` (connection refused/reset, DNS, TLS…).
 */
export async function sendHttp(request: HttpRequest, deps: TransportDeps = {}): Promise<HttpResponse> {
  const { fetch = globalFetch, clock = systemClock, setTimer = systemSetTimer } = deps;
  if (request.signal?.aborted) throw buildAbortError(request, request.signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const cancelTimer = request.timeoutMs
    ? setTimer(request.timeoutMs, () => ((timedOut = true), controller.abort()))
    : () => undefined;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: controller.signal,
    });
    const receivedAt = clock();
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, receivedAt };
  } catch (error) {
    if (timedOut)
      throw new MagentoClientError(
        `${request.method} ${stripQuery(request.url)} timed out after ${request.timeoutMs} ms.`,
        'TIMEOUT',
        { cause: error },
      );
    if (request.signal?.aborted) throw buildAbortError(request, error);
    throw new MagentoClientError(
      `${request.method} ${stripQuery(request.url)} failed: ${describeNetworkError(error)}`,
      'NETWORK',
      { cause: error },
    );
  } finally {
    cancelTimer();
    request.signal?.removeEventListener('abort', onAbort);
  }
}

function buildAbortError(request: HttpRequest, cause: unknown): MagentoClientError {
  return new MagentoClientError(`${request.method} ${stripQuery(request.url)} was aborted.`, 'ABORTED', { cause });
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return error instanceof Error ? error.message : String(error);
}

/** The URL without its query (queries can hold search terms; never tokens, but keep logs short). */
export function stripQuery(url: string): string {
  const at = url.indexOf('?');
  return at < 0 ? url : url.slice(0, at);
}
