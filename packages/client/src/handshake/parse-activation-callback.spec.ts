import { parseActivationCallback } from './parse-activation-callback';
import { MagentoClientError } from '../errors/magento-client-error';

const key = '0123456789abcdefghijklmnopqrstuv';
const secret = 'abcdefghijklmnopqrstuvwxyz012345';
const verifier = 'zyxwvutsrqponmlkjihgfedcba987654';

describe('parseActivationCallback', () => {
  it('parses the raw form body Magento POSTs', () => {
    const body = `oauth_consumer_key=${key}&oauth_consumer_secret=${secret}&store_base_url=https%3A%2F%2Fshop.example.com%2F&oauth_verifier=${verifier}`;
    expect(parseActivationCallback(body)).toEqual({
      consumerKey: key,
      consumerSecret: secret,
      verifier,
      storeBaseUrl: 'https://shop.example.com/',
      usesIndexPhp: false,
    });
  });

  it('accepts parsed objects and URLSearchParams, normalises the base URL and detects index.php', () => {
    const fields = {
      oauth_consumer_key: key,
      oauth_consumer_secret: secret,
      oauth_verifier: verifier,
      store_base_url: 'HTTP://shop.example.com:8080/de/index.php/',
    };
    const parsed = parseActivationCallback(fields);
    expect(parsed.storeBaseUrl).toBe('http://shop.example.com:8080/de/');
    expect(parsed.usesIndexPhp).toBe(true);
    expect(
      parseActivationCallback(new URLSearchParams({ ...fields, store_base_url: 'https://shop.example.com/m2' }))
        .storeBaseUrl,
    ).toBe('https://shop.example.com/m2/');
  });

  it('names every missing or malformed field in one message', () => {
    let error: unknown;
    try {
      parseActivationCallback({
        oauth_consumer_key: 'short',
        store_base_url: 'javascript:alert(1)',
        oauth_verifier: verifier,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(MagentoClientError);
    const { code, message } = error as MagentoClientError;
    expect(code).toBe('INVALID_INPUT');
    expect(message).toContain('oauth_consumer_key must be 32 letters/digits');
    expect(message).toContain('oauth_consumer_secret is missing');
    expect(message).toContain('store_base_url must be an absolute http(s) URL');
    expect(message).not.toContain('oauth_verifier');
  });

  it('refuses credentials in the store URL', () => {
    expect(() =>
      parseActivationCallback({
        oauth_consumer_key: key,
        oauth_consumer_secret: secret,
        oauth_verifier: verifier,
        store_base_url: 'https://user:pw@shop.example.com/',
      }),
    ).toThrow(/store_base_url/);
  });

  it('refuses a store_base_url over 2,048 characters without echoing it', () => {
    const long = `https://shop.example.com/${'a'.repeat(90_000)}`;
    const call = () =>
      parseActivationCallback({
        oauth_consumer_key: key,
        oauth_consumer_secret: secret,
        oauth_verifier: verifier,
        store_base_url: long,
      });
    expect(call).toThrow(/store_base_url must be at most 2048 characters \(got 90025\)/);
    const edge = `https://shop.example.com/${'a'.repeat(2048 - 'https://shop.example.com/'.length - 1)}/`;
    expect(
      parseActivationCallback({
        oauth_consumer_key: key,
        oauth_consumer_secret: secret,
        oauth_verifier: verifier,
        store_base_url: edge,
      }).storeBaseUrl,
    ).toBe(edge);
  });
});
