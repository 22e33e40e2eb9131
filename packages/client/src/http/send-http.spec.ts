import { createGuestAuth } from '../auth/bearer-auth';
import { createMagentoClient } from '../rest/create-magento-client';
import { failureOf } from '../testing';
import { openHttp, sendHttp } from './send-http';
import type { FetchLike } from './side-effects';

/** A fetch whose answers start at once and whose bodies arrive when the test says. */
function createHeldFetch() {
  const sent: string[] = [];
  const bodies: Array<ReadableStreamDefaultController<Uint8Array>> = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push(url);
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void bodies.push(controller) });
    init.signal?.addEventListener('abort', () => bodies.at(-1)?.error(new Error('aborted')));
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const finish = (index: number, json: unknown) => {
    bodies[index].enqueue(new TextEncoder().encode(JSON.stringify(json)));
    bodies[index].close();
  };
  return { fetch, sent, finish };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('openHttp', () => {
  it('resolves with the status and headers before the body, which read() then returns', async () => {
    const held = createHeldFetch();
    const opened = await openHttp({ method: 'GET', url: 'http://store.test/a', headers: {} }, { fetch: held.fetch });
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('application/json');
    const reading = opened.read();
    held.finish(0, { ok: true });
    expect((await reading).text).toBe('{"ok":true}');
  });

  it('times the body out too: a body that never ends is TIMEOUT, not a hang', async () => {
    const held = createHeldFetch();
    let fire: () => void = () => undefined;
    const setTimer = (_ms: number, callback: () => void) => ((fire = callback), () => undefined);
    const opened = await openHttp(
      { method: 'GET', url: 'http://store.test/slow?q=1', headers: {}, timeoutMs: 5 },
      { fetch: held.fetch, setTimer },
    );
    const reading = opened.read();
    fire();
    const error = await failureOf(reading);
    expect(error).toMatchObject({ code: 'TIMEOUT', message: 'GET http://store.test/slow timed out after 5 ms.' });
  });

  it('sendHttp reads the whole body', async () => {
    const held = createHeldFetch();
    const sending = sendHttp({ method: 'GET', url: 'http://store.test/b', headers: {} }, { fetch: held.fetch });
    await flush();
    held.finish(0, [1, 2]);
    expect((await sending).text).toBe('[1,2]');
  });
});

describe('the client limiter slot', () => {
  it('is freed when an answer starts: the next call is sent while the first body is still arriving', async () => {
    const held = createHeldFetch();
    const client = createMagentoClient({
      baseUrl: 'http://store.test',
      auth: createGuestAuth(),
      maxConcurrency: 1,
      fetch: held.fetch,
    });
    const first = client.get('/V1/first');
    const second = client.get('/V1/second');
    await flush();
    expect(held.sent).toEqual(['http://store.test/rest/V1/first', 'http://store.test/rest/V1/second']);
    held.finish(1, 'two');
    held.finish(0, 'one');
    expect(await Promise.all([first, second])).toEqual(['one', 'two']);
  });

  it('is held until the answer starts: with one slot, a call waits for the previous headers', async () => {
    const sent: string[] = [];
    let answer: (response: Response) => void = () => undefined;
    const fetch: FetchLike = (url) => {
      sent.push(url);
      return new Promise((resolve) => (answer = resolve));
    };
    const client = createMagentoClient({
      baseUrl: 'http://store.test',
      auth: createGuestAuth(),
      maxConcurrency: 1,
      fetch,
    });
    const first = client.get('/V1/first');
    const second = client.get('/V1/second');
    await flush();
    expect(sent).toEqual(['http://store.test/rest/V1/first']);
    answer(Response.json('one'));
    await flush();
    expect(sent).toEqual(['http://store.test/rest/V1/first', 'http://store.test/rest/V1/second']);
    answer(Response.json('two'));
    expect(await Promise.all([first, second])).toEqual(['one', 'two']);
  });
});
