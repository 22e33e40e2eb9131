import type { ImsCredentialEntity } from './ims-credential.entity';
import { checkImsCall, readBearerToken, type ImsCall } from './ims-gateway-check';
import type { ImsTokenEntity } from './ims-token.entity';

const token = (changes: Partial<ImsTokenEntity> = {}): ImsTokenEntity => ({
  tokenHash: 'h',
  tokenId: 't',
  clientId: 'client',
  scopes: ['openid', 'commerce.accs'],
  issuedAt: 1000,
  expiresAt: 2000,
  revoked: false,
  ...changes,
});
const credential = { clientId: 'client', orgId: 'ORG@AdobeOrg' } as ImsCredentialEntity;
const call = (changes: Partial<ImsCall> = {}): ImsCall => ({
  token: token(),
  credential,
  apiKey: 'client',
  orgId: 'ORG@AdobeOrg',
  now: 1999,
  ...changes,
});
const reasonOf = (changes: Partial<ImsCall>) => checkImsCall(call(changes))?.reason ?? null;

describe('checkImsCall (the gateway)', () => {
  it('lets a good call through, with or without the org id', () => {
    expect(checkImsCall(call())).toBeNull();
    expect(checkImsCall(call({ orgId: null }))).toBeNull();
  });

  it.each([
    [{ token: null }, 'unknown token'],
    [{ token: token({ revoked: true }) }, 'revoked token'],
    [{ now: 2000 }, 'expired token'],
    [{ credential: null }, 'credential deleted'],
    [{ token: token({ scopes: ['openid'] }) }, 'token without commerce.accs'],
    [{ apiKey: null }, 'no x-api-key'],
    [{ apiKey: 'CLIENT' }, "x-api-key is not the token's client"],
  ])('refuses %j with 401 %s and the gateway body', (changes, reason) => {
    expect(checkImsCall(call(changes))).toEqual({
      status: 401,
      reason,
      body: { error_code: '401013', message: 'Oauth token is not valid' },
    });
  });

  it('checks in order: revocation before expiry, the token before the API key', () => {
    expect(reasonOf({ token: token({ revoked: true }), now: 5000 })).toBe('revoked token');
    expect(reasonOf({ now: 5000, apiKey: 'x' })).toBe('expired token');
    expect(reasonOf({ apiKey: 'x', orgId: 'OTHER@AdobeOrg' })).toBe("x-api-key is not the token's client");
  });

  it("refuses another organization's id with 403", () => {
    expect(checkImsCall(call({ orgId: 'OTHER@AdobeOrg' }))).toMatchObject({
      status: 403,
      reason: "x-gw-ims-org-id is not the credential's organization",
    });
  });

  it.each([
    ['Bearer abc', 'abc'],
    ['bearer abc', 'abc'],
    ['BEARER a.b.c', 'a.b.c'],
    ['Bearer', null],
    ['Bearer  abc', null],
    ['Bearer abc def', null],
    ['Basic abc', null],
    [undefined, null],
  ])('reads the Bearer token of %j', (header, expected) => {
    expect(readBearerToken(header)).toBe(expected);
  });
});
