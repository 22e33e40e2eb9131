import {
  DEFAULT_IMS_CREDENTIAL,
  DEFAULT_TENANT_ID,
  IMS_TOKEN_LIFETIME_SECONDS,
  resolveSaasOptions,
} from './saas-options';

describe('resolveSaasOptions', () => {
  it('fills every default', () => {
    expect(resolveSaasOptions()).toEqual({
      tenantId: DEFAULT_TENANT_ID,
      tokenLifetimeSeconds: IMS_TOKEN_LIFETIME_SECONDS,
      credential: DEFAULT_IMS_CREDENTIAL,
    });
    expect(IMS_TOKEN_LIFETIME_SECONDS).toBe(86399);
  });

  it('keeps what is given, field by field', () => {
    expect(resolveSaasOptions({ tenantId: 'X2duJmy3FaTKf1Mmr4GiQY', credential: { orgId: 'ABC@AdobeOrg' } })).toEqual({
      tenantId: 'X2duJmy3FaTKf1Mmr4GiQY',
      tokenLifetimeSeconds: 86399,
      credential: { ...DEFAULT_IMS_CREDENTIAL, orgId: 'ABC@AdobeOrg' },
    });
  });

  it.each([
    ['a/b', 'tenantId must be 1 to 64 letters, digits, "-" or "_" (got "a/b")'],
    ['', 'tenantId must be 1 to 64 letters'],
    ['V1', 'tenantId "V1" is a path the sandbox serves itself'],
    ['rest', 'tenantId "rest" is a path the sandbox serves itself'],
    ['Sandbox', 'tenantId "Sandbox" is a path the sandbox serves itself'],
    ['ims', 'is a path the sandbox serves itself'],
  ])('refuses the tenant id %j', (tenantId, message) => {
    expect(() => resolveSaasOptions({ tenantId })).toThrow(message);
  });

  it('names every bad value in one message, and no secret', () => {
    let message = '';
    try {
      resolveSaasOptions({
        tenantId: 'rest',
        tokenLifetimeSeconds: 0,
        credential: { clientId: 'has space', clientSecret: 'p8e-secret with space' },
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(
      /^Invalid SaaS edition options: tenantId "rest" .*; tokenLifetimeSeconds must be an integer from 1 to 604800 seconds \(got 0\); credential\.clientId .*; credential\.clientSecret must be 1 to 255 printable characters without spaces\.$/,
    );
    expect(message).not.toContain('p8e-secret');
  });

  it.each([1, 604800])('takes a token lifetime of %i s', (seconds) => {
    expect(resolveSaasOptions({ tokenLifetimeSeconds: seconds }).tokenLifetimeSeconds).toBe(seconds);
  });

  it.each([604801, 1.5, -1])('refuses a token lifetime of %p', (seconds) => {
    expect(() => resolveSaasOptions({ tokenLifetimeSeconds: seconds })).toThrow(/tokenLifetimeSeconds must be/);
  });
});
