import { startFakeMagento } from './fake-magento-server';

describe('fake Magento store', () => {
  it('fails on unused expectations and unexpected requests', async () => {
    const store = await startFakeMagento();
    store.expect('GET', '/rest/V1/a', { json: 1 });
    store.expect('GET', '/rest/V1/b', { json: 2 });
    const first = await fetch(`${store.baseUrl}rest/V1/a`);
    expect(await first.json()).toBe(1);
    expect(() => store.assertDone()).toThrow('unused expectation GET /rest/V1/b');
    const wrong = await fetch(`${store.baseUrl}rest/V1/c`);
    expect(wrong.status).toBe(500);
    expect(() => store.assertDone()).toThrow('unexpected GET /rest/V1/c (expected GET /rest/V1/b)');
    await store.close();
  });

  it('answers a bad signature the way Magento does, before any route', async () => {
    const store = await startFakeMagento();
    store.route('GET', '/rest/V1/modules', () => ({ json: [] }));
    const header = `OAuth oauth_consumer_key="${store.credentials.consumerKey}", oauth_token="${store.credentials.accessToken}", oauth_signature_method="HMAC-SHA256", oauth_nonce="n1", oauth_timestamp="1", oauth_version="1.0", oauth_signature="bad"`;
    const response = await fetch(`${store.baseUrl}rest/V1/modules`, { headers: { authorization: header } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'The signature is invalid. Verify and try again.' });
    expect(store.oauth.usedNonces.has('n1')).toBe(true); // Magento stores the nonce before checking the signature
    await store.close();
  });
});
