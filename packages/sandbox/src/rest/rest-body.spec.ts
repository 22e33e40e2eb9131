import type { RawRequest } from '../common/http-request';
import { MagentoException } from '../common/magento-exception';
import { readRestBody } from './rest-body';

function request(method: string, contentType: string | undefined, body: string | Buffer | undefined): RawRequest {
  return {
    method,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    rawBody: body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  } as unknown as RawRequest;
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof MagentoException) return `${error.httpStatus} ${error.message}`;
    throw error;
  }
  throw new Error('expected a MagentoException');
}

describe('Webapi\\Rest\\Request::getBodyParams() through DeserializerFactory', () => {
  it('reads JSON and XML bodies of POST and PUT', () => {
    expect(readRestBody(request('POST', 'application/json', '{"a":1}'))).toEqual({ a: 1 });
    expect(readRestBody(request('PUT', 'application/json; charset=UTF-8', '{"a":1}'))).toEqual({ a: 1 });
    for (const type of ['application/xml', 'text/xml', 'application/xhtml+xml', 'text/xml; charset=utf-8'])
      expect(readRestBody(request('POST', type, '<r><a>1</a></r>'))).toEqual({ a: '1' });
  });

  it('has no body parameters for other methods, an empty body or "0", whatever the headers', () => {
    expect(readRestBody(request('GET', 'text/plain', '{"a":1}'))).toEqual({});
    expect(readRestBody(request('DELETE', undefined, '{"a":1}'))).toEqual({});
    expect(readRestBody(request('POST', undefined, ''))).toEqual({});
    expect(readRestBody(request('POST', 'text/plain', '0'))).toEqual({});
    expect(readRestBody(request('POST', undefined, undefined))).toEqual({});
  });

  it("casts the decoded value as PHP's (array)", () => {
    expect(readRestBody(request('POST', 'application/json', 'null'))).toEqual({});
    expect(readRestBody(request('POST', 'application/json', '"abc"'))).toEqual({ 0: 'abc' });
    expect(readRestBody(request('POST', 'application/json', '[{"a":1},2]'))).toEqual({ 0: { a: 1 }, 1: 2 });
    expect(readRestBody(request('POST', 'application/xml', '<r/>'))).toEqual({});
    expect(readRestBody(request('POST', 'application/xml', '<r>abc</r>'))).toEqual({ 0: 'abc' });
  });

  it.each<[string, string | undefined, string | Buffer, string]>([
    ['no Content-Type', undefined, '{}', '400 Content-Type header is empty.'],
    ['parameters that do not parse', 'application/json; boundary=x', '{}', '400 Content-Type header is invalid.'],
    ['another charset', 'application/json; charset=ISO-8859-1', '{}', '400 UTF-8 is the only supported charset.'],
    [
      'an unknown media type',
      'application/x-www-form-urlencoded',
      'a=1',
      '400 Server cannot understand Content-Type HTTP header media type application/x-www-form-urlencoded',
    ],
    [
      'a media type in other case',
      'Application/JSON',
      '{}',
      '400 Server cannot understand Content-Type HTTP header media type Application/JSON',
    ],
    ['undecodable JSON', 'application/json', '{"a":', '400 Decoding error.'],
    ['a blank JSON body', 'application/json', '  ', '400 Decoding error.'],
    ['undecodable XML', 'application/xml', '<r><a></r>', '400 Decoding error.'],
    ['bytes that are not UTF-8', 'application/json', Buffer.from([0x22, 0xe9, 0x22]), '400 Decoding error.'],
  ])('refuses %s', (_case, contentType, body, message) => {
    expect(errorOf(() => readRestBody(request('POST', contentType, body)))).toBe(message);
  });

  it('reports the Content-Type before the body: a bad charset wins over bad JSON', () => {
    expect(errorOf(() => readRestBody(request('PUT', 'application/json; charset=latin1', '{')))).toBe(
      '400 UTF-8 is the only supported charset.',
    );
  });
});
