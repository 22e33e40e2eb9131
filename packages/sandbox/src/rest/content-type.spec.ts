import { readContentType } from './content-type';

const EMPTY = 'Content-Type header is empty.';
const INVALID = 'Content-Type header is invalid.';
const CHARSET = 'UTF-8 is the only supported charset.';

describe('Webapi\\Rest\\Request::getContentType()', () => {
  it.each<[string, string]>([
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json'],
    ['application/json;charset=UTF-8', 'application/json'],
    ['application/json;   CHARSET=Utf-8', 'application/json'],
    ['Application/JSON', 'Application/JSON'],
    ['text/xml; charset=utf-8', 'text/xml'],
    ['application/vnd.api+json', 'application/vnd.api+json'],
  ])('reads %p as the media type %p', (header, expected) => {
    expect(readContentType(header)).toBe(expected);
  });

  it.each<[string | undefined, string]>([
    [undefined, EMPTY],
    ['', EMPTY],
    ['0', EMPTY],
    ['application/json; boundary=x', INVALID],
    ['application/json;', INVALID],
    ['application/json ; charset=utf-8', INVALID],
    ['application/json; charset=', INVALID],
    ['application/json, text/xml', INVALID],
    ['multipart/form-data; boundary=----x', INVALID],
    ['application/json; charset=ISO-8859-1', CHARSET],
    ['application/json; charset="utf-8"', CHARSET],
    ['application/json; charset=utf8', CHARSET],
    ['application/json; charset=utf-8; q=1', CHARSET],
  ])('refuses %p with 400 %p', (header, message) => {
    expect(() => readContentType(header)).toThrow(message);
    try {
      readContentType(header);
    } catch (error) {
      expect(error).toMatchObject({ httpStatus: 400, phrase: message });
    }
  });
});
