import { AdminApiError, createAdminApi, encodeQuery } from './admin-api';

function fakeFetch(answers: Array<{ status: number; body?: unknown } | Error>) {
  const requests: Array<{
    url: string;
    method: string;
    authorization: string | null;
    contentType: string | null;
    body: string | null;
  }> = [];
  const impl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = init?.headers as Record<string, string>;
    requests.push({
      url: String(input),
      method: init?.method ?? 'GET',
      authorization: headers.authorization ?? null,
      contentType: headers['content-type'] ?? null,
      body: typeof init?.body === 'string' ? init.body : null,
    });
    const answer = answers.shift();
    if (!answer) throw new Error('no answer queued');
    if (answer instanceof Error) throw answer;
    // jsdom has no Response: the client reads only these three members.
    return {
      status: answer.status,
      ok: answer.status < 300,
      text: async () => (answer.body === undefined ? '' : JSON.stringify(answer.body)),
    };
  };
  return { impl: impl as typeof fetch, requests };
}

describe('admin API client', () => {
  it('calls the admin API routes with the bearer token', async () => {
    const { impl, requests } = fakeFetch([
      { status: 200, body: { items: [], total: 0, page: 2, pageSize: 25 } },
      { status: 200, body: { days: 7, points: [] } },
      { status: 200, body: [] },
      { status: 200, body: { outcome: 'ok' } },
      { status: 200, body: { items: [], counts: {} } },
      { status: 200, body: { total: 0, byStatus: {} } },
    ]);
    const api = createAdminApi('tok_123', impl, 'https://svc.example');
    await api.listStores({ search: 'shop a&b', status: 'active', page: 2, pageSize: 25 });
    await api.getActivity(7);
    await api.getFailedCalls('id/1');
    await api.probeStore('id1');
    await api.listSecurityEvents({ type: 'callback_rejected', limit: 50, before: '2026-11-22T11:59:00.000Z' });
    await api.getStoreCounts();
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET https://svc.example/api/stores?search=shop+a%26b&status=active&page=2&pageSize=25',
      'GET https://svc.example/api/stats/activity?days=7',
      'GET https://svc.example/api/stores/id%2F1/failed-calls',
      'POST https://svc.example/api/stores/id1/probe',
      'GET https://svc.example/api/security-events?type=callback_rejected&limit=50&before=2026-11-22T11%3A59%3A00.000Z',
      'GET https://svc.example/api/stats/stores',
    ]);
    expect(requests.every((r) => r.authorization === 'Bearer tok_123')).toBe(true);
    expect(encodeQuery({ search: '', status: '', page: 1 })).toBe('page=1');
  });

  it("turns the API's error body, a 401 and an unreachable service into errors that say what to do", async () => {
    const { impl } = fakeFetch([
      { status: 404, body: { error: { code: 'STORE_NOT_FOUND', message: 'No store with id "x".' } } },
      { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'A valid admin API token is required.' } } },
      new TypeError('Failed to fetch'),
      { status: 502 },
    ]);
    const api = createAdminApi('t', impl);
    await expect(api.getStore('x')).rejects.toMatchObject({
      status: 404,
      code: 'STORE_NOT_FOUND',
      message: 'No store with id "x".',
    });
    await expect(api.checkToken()).rejects.toMatchObject({
      status: 401,
      hint: expect.stringContaining('magekit tokens create'),
    });
    await expect(api.getActivations('x')).rejects.toMatchObject({
      status: 0,
      message: expect.stringContaining('cannot be reached'),
    });
    const error = await api.revokeStore('x').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ status: 502, message: 'The service answered HTTP 502.' });
  });

  it('registers a SaaS store with a JSON body, and hands back the problems of each refused field', async () => {
    const input = { url: 'https://na1.api.commerce.adobe.com/T1/', clientId: 'c', clientSecret: 's', orgId: 'o' };
    const { impl, requests } = fakeFetch([
      { status: 201, body: { created: true, outcome: 'ok', store: { id: 'x' } } },
      {
        status: 400,
        body: {
          error: {
            code: 'INVALID_INPUT',
            message: 'Invalid SaaS store: url must be …',
            details: { problems: { url: 'must be …' } },
          },
        },
      },
      {
        status: 400,
        body: { error: { code: 'STORE_URL_REFUSED', message: 'refused', details: { field: 'tokenUrl' } } },
      },
    ]);
    const api = createAdminApi('t', impl);
    expect(await api.registerSaasStore(input)).toMatchObject({ created: true, outcome: 'ok' });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/stores/saas',
      contentType: 'application/json',
      body: JSON.stringify(input),
    });
    const invalid = (await api.registerSaasStore(input).catch((caught: unknown) => caught)) as AdminApiError;
    expect(invalid.code).toBe('INVALID_INPUT');
    expect(invalid.fieldProblems()).toEqual({ url: 'must be …' });
    const refused = (await api.registerSaasStore(input).catch((caught: unknown) => caught)) as AdminApiError;
    expect(refused.fieldProblems()).toEqual({ tokenUrl: 'refused' });
    expect(requests.map((request) => request.contentType)).toEqual([
      'application/json',
      'application/json',
      'application/json',
    ]);
  });
});
