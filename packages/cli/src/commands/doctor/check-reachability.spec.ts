import { classifyReachability, isReachable, SLOW_MS } from './check-reachability';
import { fakeNoAnswer, fakeReply } from './fake-replies';

const URL = 'https://shop.example.com/rest/V1/magekit-doctor-no-such-route';

describe('classifyReachability', () => {
  it("passes on Magento's JSON 404 for an unknown route and reports the latency", () => {
    const result = classifyReachability(
      fakeReply(404, { message: 'Request does not match any route.' }, { durationMs: 84 }),
      URL,
    );
    expect(result.status).toBe('pass');
    expect(result.finding).toContain('in 84 ms');
    expect(result.hint).toBeNull();
    expect(result.details).toMatchObject({ url: URL, status: 404, latencyMs: 84 });
    expect(isReachable(result)).toBe(true);
  });

  it('warns when the store is slow', () => {
    const result = classifyReachability(
      fakeReply(404, { message: 'Request does not match any route.' }, { durationMs: SLOW_MS + 1 }),
      URL,
    );
    expect(result.status).toBe('warn');
    expect(result.hint).toMatch(/timeoutMs/);
  });

  it("fails on a web server's HTML page, which is not Magento's REST API", () => {
    const result = classifyReachability(fakeReply(404, '<html><body><h1>Not Found</h1></body></html>'), URL);
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('HTTP 404 (text/html)');
    expect(result.hint).toMatch(/--index-php/);
    expect(isReachable(result)).toBe(false);
  });

  it('fails on a redirect, naming where it goes', () => {
    const result = classifyReachability(
      fakeReply(301, '', { location: 'https://www.shop.example.com/rest/V1/x' }),
      URL,
    );
    expect(result.status).toBe('fail');
    expect(result.finding).toBe('HTTP 301 redirect to https://www.shop.example.com/rest/V1/x');
    expect(result.hint).toMatch(/final URL/);
  });

  it('fails without an answer', () => {
    const result = classifyReachability(fakeNoAnswer(), URL);
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('ECONNREFUSED');
  });

  it('warns on JSON that is not the router message (something else answers REST paths)', () => {
    const result = classifyReachability(fakeReply(403, { message: 'Blocked by policy.' }), URL);
    expect(result.status).toBe('warn');
    expect(result.finding).toContain('HTTP 403 "Blocked by policy."');
    expect(isReachable(result)).toBe(true);
  });
});
