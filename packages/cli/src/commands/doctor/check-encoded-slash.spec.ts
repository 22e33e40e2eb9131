import { classifyEncodedSlash, ENCODED_SLASH_PATH } from './check-encoded-slash';
import { fakeNoAnswer, fakeRefusal, fakeReply } from './fake-replies';

describe('classifyEncodedSlash', () => {
  it('sends the SKU as one segment with %2F', () => {
    expect(ENCODED_SLASH_PATH).toBe('/V1/products/magekit-doctor%2Fno-such-sku');
  });

  it.each([
    [
      'the product 404',
      fakeReply(404, { message: "The product that was requested doesn't exist. Verify the product and try again." }),
      /doesn't exist/,
    ],
    [
      'the ACL refusal for Magento_Catalog::products',
      fakeRefusal('Magento_Catalog::products'),
      /ACL asked for Magento_Catalog::products/,
    ],
    ['a 200', fakeReply(200, { sku: 'magekit-doctor/no-such-sku' }), /HTTP 200/],
    [
      "the sandbox's 501 for the route",
      fakeReply(501, {
        message: 'The sandbox store does not implement %1 (%2::%3); the route and its ACL (%4) were checked.',
        parameters: ['GET /V1/products/:sku', 'X', 'get', 'Magento_Catalog::products'],
      }),
      /HTTP 501/,
    ],
  ])('passes on %s', (_name, reply, finding) => {
    const result = classifyEncodedSlash(reply);
    expect(result.status).toBe('pass');
    expect(result.finding).toMatch(finding);
  });

  it('fails when the %2F was decoded before routing', () => {
    const result = classifyEncodedSlash(fakeReply(404, { message: 'Request does not match any route.' }));
    expect(result.status).toBe('fail');
    expect(result.hint).toContain('AllowEncodedSlashes NoDecode');
  });

  it("fails on the web server's own HTML 404", () => {
    const result = classifyEncodedSlash(fakeReply(404, '<!DOCTYPE HTML><title>404 Not Found</title>'));
    expect(result.status).toBe('fail');
    expect(result.finding).toContain('the web server answered');
    expect(result.hint).toContain('AllowEncodedSlashes NoDecode');
  });

  it('warns on an ACL refusal for another resource and on no answer', () => {
    expect(classifyEncodedSlash(fakeRefusal('Magento_Sales::sales')).status).toBe('warn');
    expect(classifyEncodedSlash(fakeNoAnswer()).status).toBe('warn');
  });
});
