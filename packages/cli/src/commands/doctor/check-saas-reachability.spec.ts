import { isReachable, SLOW_MS } from './check-reachability';
import { classifySaasReachability, SAAS_PROBE_PATH } from './check-saas-reachability';
import { fakeNoAnswer, fakeReply } from './fake-replies';

const URL = `https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY${SAAS_PROBE_PATH}`;
const GATEWAY_401 = { error_code: '401013', message: 'Oauth token is not valid' };

describe('classifySaasReachability', () => {
  it("passes on the gateway's 401 to a call without a token, with the answer and latency", () => {
    const result = classifySaasReachability(fakeReply(401, GATEWAY_401, { durationMs: 61 }), URL);
    expect(result).toMatchObject({ name: 'reachability', status: 'pass', hint: null });
    expect(result.finding).toBe(
      `the tenant's API gateway answered in 61 ms: HTTP 401 "Oauth token is not valid" to a call without an IMS token, as it answers every such call`,
    );
    expect(result.details).toMatchObject({ url: URL, status: 401, latencyMs: 61 });
    expect(isReachable(result)).toBe(true);
  });

  it('warns when the refusal is slow', () => {
    const result = classifySaasReachability(fakeReply(401, GATEWAY_401, { durationMs: SLOW_MS + 1 }), URL);
    expect(result.status).toBe('warn');
    expect(isReachable(result)).toBe(true);
  });

  it.each([
    ['no answer', fakeNoAnswer('GET https://na1.api.commerce.adobe.com/x failed: ENOTFOUND'), /^no HTTP answer from /],
    ['a redirect', fakeReply(302, '', { location: 'https://login.example.com/' }), /redirect to https:\/\/login/],
    ['a 404 (no such tenant)', fakeReply(404, { message: 'Cannot GET /x/V1/store/storeConfigs' }), /no tenant answers/],
    ['an HTML page', fakeReply(502, '<html>Bad gateway</html>'), /not Adobe's API gateway/],
  ])('fails on %s, with a hint, and stops the later checks', (_what, reply, finding) => {
    const result = classifySaasReachability(reply, URL);
    expect(result.status).toBe('fail');
    expect(result.finding).toMatch(finding);
    expect(result.hint).toBeTruthy();
    expect(isReachable(result)).toBe(false);
  });

  it('warns on an answer without a token (not the gateway) and on other statuses', () => {
    const open = classifySaasReachability(fakeReply(200, [{ id: 1 }]), URL);
    expect(open.status).toBe('warn');
    expect(open.finding).toContain("where Adobe's gateway answers 401");
    expect(open.hint).toContain('drop --edition saas');
    expect(classifySaasReachability(fakeReply(503, { message: 'busy' }), URL).status).toBe('warn');
  });
});
