import { buildImsHeaders, classifyAuthenticatedCall } from './check-authenticated-call';
import { fakeNoAnswer, fakeReply } from './fake-replies';

const NOT_AUTHORIZED = "The consumer isn't authorized to access %resources.";

describe('buildImsHeaders', () => {
  it('sends the token as Bearer with x-api-key, the org id and the store view when given', () => {
    expect(buildImsHeaders({ clientId: 'client-1', orgId: 'ORG@AdobeOrg' }, 'tok', 'es_mx')).toEqual({
      authorization: 'Bearer tok',
      'x-api-key': 'client-1',
      'x-gw-ims-org-id': 'ORG@AdobeOrg',
      store: 'es_mx',
    });
    expect(buildImsHeaders({ clientId: 'client-1', orgId: null }, 'tok')).toEqual({
      authorization: 'Bearer tok',
      'x-api-key': 'client-1',
    });
  });
});

describe('classifyAuthenticatedCall', () => {
  it('passes on a 2xx', () => {
    const result = classifyAuthenticatedCall(fakeReply(200, [{ id: 1 }], { durationMs: 40 }));
    expect(result).toMatchObject({ name: 'authenticated-call', status: 'pass', hint: null });
    expect(result.finding).toBe('the tenant took the IMS token: GET /V1/store/storeConfigs answered HTTP 200 in 40 ms');
  });

  it('passes when only the ACL refused the route (403 on SaaS): the caller was known', () => {
    const reply = fakeReply(403, { message: NOT_AUTHORIZED, parameters: { resources: 'Magento_Backend::store' } });
    const result = classifyAuthenticatedCall(reply);
    expect(result.status).toBe('pass');
    expect(result.finding).toContain(
      "refused by the ACL: The consumer isn't authorized to access Magento_Backend::store.",
    );
  });

  it("fails on the gateway's 401 with a hint on organization and scopes", () => {
    const result = classifyAuthenticatedCall(
      fakeReply(401, { error_code: '401013', message: 'Oauth token is not valid' }),
    );
    expect(result.status).toBe('fail');
    expect(result.finding).toBe(
      'the tenant refused the IMS token: HTTP 401 "Oauth token is not valid" for GET /V1/store/storeConfigs',
    );
    expect(result.hint).toContain('commerce.accs');
    expect(result.details['code']).toBe('NOT_AUTHORIZED');
  });

  it('fails on a 403 that is not the ACL, naming the org id', () => {
    const reply = fakeReply(403, { error_code: '403000', message: 'The organization is not the credential’s' });
    const result = classifyAuthenticatedCall(reply);
    expect(result.status).toBe('fail');
    expect(result.hint).toContain('--ims-org-id');
  });

  it('warns on answers that say nothing about the token, fails on other ones', () => {
    expect(classifyAuthenticatedCall(fakeNoAnswer()).status).toBe('warn');
    expect(classifyAuthenticatedCall(fakeReply(503, { message: 'busy' })).status).toBe('warn');
    const unknownStore = fakeReply(404, {
      message: "The store that was requested wasn't found. Verify the store and try again.",
    });
    expect(classifyAuthenticatedCall(unknownStore)).toMatchObject({ status: 'fail' });
    expect(classifyAuthenticatedCall(unknownStore).hint).toContain('--store');
  });
});
