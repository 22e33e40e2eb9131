import { CliError } from '../../cli-error';

/** Calls the sandbox admin API (`/sandbox/admin/...`) with the admin token; errors become CLI errors. */
export async function callSandboxAdmin<T>(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  fetchFn: typeof fetch = fetch,
): Promise<T> {
  let url: URL;
  try {
    url = new URL(`sandbox/admin${path}`, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  } catch (error) {
    throw new CliError(`--url ${JSON.stringify(baseUrl)} is not a URL.`, 'INVALID_INPUT', {
      hint: 'Give the sandbox base URL, e.g. http://127.0.0.1:3001',
      cause: error,
    });
  }
  let response: Response;
  try {
    response = await fetchFn(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30000),
    });
  } catch (error) {
    throw new CliError(`cannot reach the sandbox store at ${url.origin}.`, 'UNREACHABLE', {
      hint: 'Start it with `npx magekit sandbox start` and check --url.',
      cause: error,
    });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const message = (data as { message?: string } | undefined)?.message ?? text.slice(0, 200);
    const hint =
      response.status === 401
        ? 'Pass the admin token printed by `magekit sandbox start` with --admin-token or SANDBOX_ADMIN_TOKEN.'
        : undefined;
    throw new CliError(`the sandbox answered HTTP ${response.status}: ${message}`, 'SANDBOX_FAILED', { hint });
  }
  return data as T;
}
