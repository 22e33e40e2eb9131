import type { SignatureProfile } from '@magekit/oauth1';
import type { AuthContext, AuthStrategy } from '../auth/auth-strategy';
import { chooseSkewCorrection } from '../http/clock-skew';
import { MagentoClientError } from '../errors/magento-client-error';
import { redactBody, redactHeaders, redactUrl } from '../redaction/redact-http';
import { openHttp, type HttpResponse, type OpenedResponse } from '../http/send-http';
import type { ClientState } from './client-state';
import type { ConcurrencyLimiter } from './concurrency-limiter';
import type { PreparedRequest } from './prepare-request';
import { readResponse } from './read-response';
import { canRetryMethod, computeBackoff, parseRetryAfter, RETRYABLE_STATUSES } from './retry-policy';
import { otherProfile } from './profile-store';

type PostAnonymous = (path: string, body: unknown, signal?: AbortSignal) => Promise<unknown>;

/** Re-sends already used for this call (each at most once) and retries spent. */
interface RunState {
  profile: SignatureProfile;
  profileSwitched: boolean;
  skewCorrected: boolean;
  authRefreshed: boolean;
  retries: number;
  attempt: number;
}

/**
 * Sends a prepared call until it succeeds or fails for good: one re-sign with a corrected clock
 * after "An error occurred validating the nonce", one try of the other signature profile after
 * "The signature is invalid" on GET/HEAD (remembered per store), one token refresh on 401, and
 * backoff retries (Retry-After honoured) for idempotent methods only. Every attempt is
 * authorized afresh (new nonce and timestamp).
 */
export async function executeRequest(
  state: ClientState,
  request: PreparedRequest,
  auth: AuthStrategy,
  postAnonymous: PostAnonymous,
  signal?: AbortSignal,
  limiter: ConcurrencyLimiter = state.config.limiter,
): Promise<unknown> {
  const run: RunState = {
    profile: await state.resolveProfile(),
    profileSwitched: false,
    skewCorrected: false,
    authRefreshed: false,
    retries: 0,
    attempt: 0,
  };
  for (;;) {
    run.attempt++;
    const context = state.buildAuthContext(run.profile, postAnonymous);
    const used = await auth.authorize(
      { method: request.method, url: request.url, headers: request.headers, body: request.body },
      context,
      signal,
    );
    let response: HttpResponse;
    try {
      // The slot is the store's worker: held until the answer starts, not while its body travels.
      const sent = await limiter.run(() => openAttempt(state, request, used, run.attempt, signal), signal);
      response = await readAttempt(state, request, sent, run.attempt);
    } catch (error) {
      await waitBeforeRetry(state, request, run, error, null, signal);
      continue;
    }
    const outcome = readResponse(response);
    if (outcome.ok) {
      if (run.profileSwitched) await rememberProfile(state, run);
      return outcome.value;
    }
    if (await shouldResend(state, auth, run, outcome.error, used, request.method, context)) continue;
    await waitBeforeRetry(state, request, run, outcome.error, response, signal);
  }
}

/** An attempt whose answer started. */
interface SentAttempt {
  opened: OpenedResponse;
  started: number;
}

/** Sends one attempt; resolves when the answer's headers arrive. */
async function openAttempt(
  state: ClientState,
  request: PreparedRequest,
  used: Record<string, string>,
  attempt: number,
  signal?: AbortSignal,
): Promise<SentAttempt> {
  const { config } = state;
  const headers = { ...request.headers, ...used };
  config.emit({
    type: 'request',
    method: request.method,
    url: redactUrl(request.url),
    attempt,
    headers: redactHeaders(headers),
    ...(request.body !== undefined ? { body: redactBody(request.body) } : {}),
  });
  const started = config.clock();
  const opened = await openHttp(
    { method: request.method, url: request.url, headers, body: request.body, signal, timeoutMs: request.timeoutMs },
    config,
  );
  return { opened, started };
}

/** Reads the answer's body; reports the exchange. */
async function readAttempt(
  state: ClientState,
  request: PreparedRequest,
  { opened, started }: SentAttempt,
  attempt: number,
): Promise<HttpResponse> {
  const { config } = state;
  const response = await opened.read();
  config.emit({
    type: 'response',
    method: request.method,
    url: redactUrl(request.url),
    attempt,
    status: response.status,
    durationMs: config.clock() - started,
  });
  state.observe(response);
  return response;
}

/** Re-sends that are safe for every method: Magento refused the credentials before running the service. */
async function shouldResend(
  state: ClientState,
  auth: AuthStrategy,
  run: RunState,
  error: MagentoClientError,
  used: Record<string, string>,
  method: string,
  context: AuthContext,
): Promise<boolean> {
  const { config } = state;
  if (error.code === 'NONCE_REJECTED' && auth.kind === 'oauth' && !run.skewCorrected) {
    run.skewCorrected = true;
    const correction = chooseSkewCorrection(state.estimatedSkewMs, state.appliedSkewMs);
    if (correction === null) return false;
    config.emit({ type: 'clock-skew', skewMs: correction, previousMs: state.appliedSkewMs });
    state.appliedSkewMs = correction;
    return true;
  }
  if (
    error.code === 'SIGNATURE_INVALID' &&
    auth.kind === 'oauth' &&
    config.detectProfile &&
    !run.profileSwitched &&
    (method === 'GET' || method === 'HEAD')
  ) {
    run.profileSwitched = true;
    run.profile = otherProfile(run.profile);
    return true;
  }
  if (error.status === 401 && auth.refresh && !run.authRefreshed) {
    run.authRefreshed = true;
    return auth.refresh(error, context, used);
  }
  return false;
}

async function rememberProfile(state: ClientState, run: RunState): Promise<void> {
  const from = otherProfile(run.profile);
  await state.config.profileStore.set(state.config.storeKey, run.profile);
  state.config.emit({ type: 'profile-fallback', store: state.config.storeKey, from, to: run.profile });
}

/** Waits for the next retry, or throws `error` (improved) when the call must not or cannot be retried. */
async function waitBeforeRetry(
  state: ClientState,
  request: PreparedRequest,
  run: RunState,
  error: unknown,
  response: HttpResponse | null,
  signal?: AbortSignal,
): Promise<void> {
  const { config } = state;
  const failure = finalError(run, error);
  const transient = response
    ? RETRYABLE_STATUSES.has(response.status)
    : failure.code === 'NETWORK' || failure.code === 'TIMEOUT';
  const budget = config.retry.retries ?? 3;
  if (!transient || !canRetryMethod(request.method, config.retry) || run.retries >= budget) throw failure;
  run.retries++;
  const retryAfter = response
    ? parseRetryAfter(response.headers.get('retry-after'), response.headers.get('date'), config.clock())
    : null;
  const maxWait = config.retry.maxRetryAfterMs ?? 120_000;
  if (retryAfter !== null && retryAfter > maxWait) {
    throw new MagentoClientError(failure.message, failure.code, {
      status: failure.status,
      magento: failure.magento,
      cause: failure,
      hint: `The store asked to wait ${Math.round(retryAfter / 1000)} s (Retry-After), longer than retry.maxRetryAfterMs.`,
    });
  }
  const delayMs = retryAfter ?? computeBackoff(run.retries, config.retry, config.random);
  config.emit({
    type: 'retry',
    method: request.method,
    url: redactUrl(request.url),
    attempt: run.attempt,
    delayMs,
    reason: response ? `HTTP ${response.status}` : failure.code,
  });
  try {
    await config.sleep(delayMs, signal);
  } catch (cause) {
    throw new MagentoClientError(
      `${request.method} ${redactUrl(request.url)} was aborted while waiting to retry.`,
      'ABORTED',
      { cause },
    );
  }
}

function finalError(run: RunState, error: unknown): MagentoClientError {
  const failure =
    error instanceof MagentoClientError ? error : new MagentoClientError(String(error), 'NETWORK', { cause: error });
  if (failure.code !== 'SIGNATURE_INVALID' || !run.profileSwitched) return failure;
  return new MagentoClientError(failure.message, failure.code, {
    status: failure.status,
    magento: failure.magento,
    cause: failure,
    hint: 'Refused with both signature profiles (latest and laminas): the secrets are wrong, or a proxy changes the URL/Host Magento sees (compare base strings with `magekit explain`).',
  });
}
