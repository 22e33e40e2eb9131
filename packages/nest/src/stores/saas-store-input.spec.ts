import { isMagentoIntegrationError } from '../errors/magento-integration-error';
import { parseSaasStoreInput } from './saas-store-input';

const VALID = {
  url: 'https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY',
  clientId: '0123456789abcdef0123456789abcdef',
  clientSecret: 'p8e-Secret0123456789abcdefghijklmnop',
  orgId: '0123456789ABCDEF01234567@AdobeOrg',
};

/** The problems of a refused input, by field. */
function problemsOf(body: unknown): Record<string, string> {
  try {
    parseSaasStoreInput(body);
  } catch (error) {
    if (!isMagentoIntegrationError(error, 'INVALID_INPUT')) throw error;
    expect(error.message).not.toContain(VALID.clientSecret);
    return error.details?.['problems'] as Record<string, string>;
  }
  throw new Error('accepted');
}

describe('parseSaasStoreInput', () => {
  it('normalises the tenant URL to its REST base and keeps the credential', () => {
    expect(parseSaasStoreInput(VALID)).toEqual({
      ...VALID,
      url: 'https://na1.api.commerce.adobe.com/X2duJmy3FaTKf1Mmr4GiQY/',
      tenantId: 'X2duJmy3FaTKf1Mmr4GiQY',
      scopes: null,
      tokenUrl: null,
      tenant: null,
    });
  });

  it('takes scopes as a list or one text, tokenUrl and tenant', () => {
    const parsed = parseSaasStoreInput({
      ...VALID,
      scopes: 'AdobeID, openid commerce.accs commerce.accs',
      tokenUrl: 'http://127.0.0.1:4000',
      tenant: 'acme',
    });
    expect(parsed).toMatchObject({
      scopes: ['AdobeID', 'openid', 'commerce.accs'],
      tokenUrl: 'http://127.0.0.1:4000',
      tenant: 'acme',
    });
    expect(parseSaasStoreInput({ ...VALID, scopes: ['commerce.accs'] }).scopes).toEqual(['commerce.accs']);
    expect(parseSaasStoreInput({ ...VALID, url: 'http://127.0.0.1:9000/tenant_1/' }).url).toBe(
      'http://127.0.0.1:9000/tenant_1/',
    );
  });

  it.each([
    ['a body that is not an object', [], 'body'],
    ['a PaaS base URL', { ...VALID, url: 'https://shop.example.com/' }, 'url'],
    ['a URL with a REST path', { ...VALID, url: 'https://na1.api.commerce.adobe.com/T1/V1/products' }, 'url'],
    ['a URL that is not one', { ...VALID, url: 'not a url' }, 'url'],
    ['a client id with a space', { ...VALID, clientId: 'a b' }, 'clientId'],
    ['a secret on two lines', { ...VALID, clientSecret: 'p8e-abc\nxyz' }, 'clientSecret'],
    ['a blank secret', { ...VALID, clientSecret: '   ' }, 'clientSecret'],
    ['a number as org id', { ...VALID, orgId: 42 }, 'orgId'],
    ['a scope with a comma', { ...VALID, scopes: ['a,b'] }, 'scopes'],
    ['an empty scope list', { ...VALID, scopes: [] }, 'scopes'],
    ['a token URL with credentials', { ...VALID, tokenUrl: 'https://u:p@ims.example.com/' }, 'tokenUrl'],
    ['an ftp token URL', { ...VALID, tokenUrl: 'ftp://ims.example.com/' }, 'tokenUrl'],
    ['a tenant with a slash', { ...VALID, tenant: 'a/b' }, 'tenant'],
    ['an unknown field', { ...VALID, secret: 'x' }, 'secret'],
  ])('refuses %s', (_what, body, field) => {
    expect(Object.keys(problemsOf(body))).toEqual([field]);
  });

  it('names every missing field at once', () => {
    expect(Object.keys(problemsOf({})).sort()).toEqual(['clientId', 'clientSecret', 'orgId', 'url']);
  });

  it('never repeats a password of a URL', () => {
    const problems = problemsOf({ ...VALID, url: 'https://user:hunter2pass@na1.api.commerce.adobe.com/T1/' });
    expect(problems.url).toContain('[REDACTED]');
    expect(problems.url).not.toContain('hunter2pass');
  });
});
