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

/** A response whose status and headers arrived; its body is not read yet. */
export interface OpenedResponse {
  status: number;
  headers: Headers;
  /** Client clock when the response headers arrived. */
  receivedAt: number;
  /**
   * Reads the body to the end (once).
   * @throws MagentoClientError `ABORTED`, `TIMEOUT` or `NETWORK`, as {@link openHttp}
   */
  read(): Promise<HttpResponse>;
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
  return (await openHttp(request, deps)).read();
}

/**
 * {@link sendHttp} in two steps: resolves when the status and headers arrive, and `read()` reads the
 * body. A store's PHP worker is free once its answer starts (PHP builds the whole REST answer, and
 * nginx buffers it), so a caller bounding requests to the store's workers can free its slot then,
 * while the body travels and is decoded. `timeoutMs` and `signal` cover both steps; the caller must
 * call `read()` (it releases the timer and the listener on `signal`).
 *
 * @throws MagentoClientError as {@link sendHttp}
 */
export async function openHttp(request: HttpRequest, deps: TransportDeps = {}): Promise<OpenedResponse> {
  const { fetch = globalFetch, clock = systemClock, setTimer = systemSetTimer } = deps;
  if (request.signal?.aborted) throw buildAbortError(request, request.signal.reason);
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort(request.signal?.reason);
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const cancelTimer = request.timeoutMs
    ? setTimer(request.timeoutMs, () => ((timedOut = true), controller.abort()))
    : () => undefined;
  const cleanUp = () => {
    cancelTimer();
    request.signal?.removeEventListener('abort', onAbort);
  };
  const fail = (error: unknown): MagentoClientError => {
    cleanUp();
    if (timedOut)
      return new MagentoClientError(
        `${request.method} ${stripQuery(request.url)} timed out after ${request.timeoutMs} ms.`,
        'TIMEOUT',
        { cause: error },
      );
    if (request.signal?.aborted) return buildAbortError(request, error);
    return new MagentoClientError(
      `${request.method} ${stripQuery(request.url)} failed: ${describeNetworkError(error)}`,
      'NETWORK',
      { cause: error },
    );
  };
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: controller.signal,
    });
  } catch (error) {
    throw fail(error);
  }
  const opened = { status: response.status, headers: response.headers, receivedAt: clock() };
  return {
    ...opened,
    read: async () => {
      try {
        const text = await response.text();
        cleanUp();
        return { ...opened, text };
      } catch (error) {
        throw fail(error);
      }
    },
  };
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
