import { readAcceptTypes } from './accept-types';
import { ApplicationFailure } from './application-failure';
import { negotiateRenderer } from './rest-renderer';

describe('Webapi\\Rest\\Request::getAcceptTypes()', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, ['*/*']],
    ['', ['*/*']],
    ['application/json', ['application/json']],
    [
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      ['text/html', 'application/xhtml+xml', 'application/xml', '*/*'],
    ],
    ['application/xml;q=0.5, application/json', ['application/json', 'application/xml']],
    ['text/xml;q=0.5,application/json;q=0.50', ['text/xml', 'application/json']],
    ['a/b;q=0.9, c/d;q=10', ['c/d', 'a/b']],
    ['a/b;level=2, c/d', ['a/b', 'c/d']],
    ['a/b;q=x, c/d;q=1', ['a/b', 'c/d']],
    ['not a type, bad/ty pe, application', ['application']],
    ['application/json, application/json;q=0.1', ['application/json']],
    [' text/xml ;q=0.3', ['text/xml']],
  ])('orders %p as %p', (header, expected) => {
    expect(readAcceptTypes(header)).toEqual(expected);
  });
});

describe('Rest\\Response\\RendererFactory', () => {
  it.each<[string | undefined, 'json' | 'xml']>([
    [undefined, 'json'],
    ['*/*', 'json'],
    ['application/json', 'json'],
    ['application/*', 'json'],
    ['application/xml', 'xml'],
    ['text/xml', 'xml'],
    ['text/*', 'xml'],
    ['application/xhtml+xml', 'xml'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'xml'],
    ['text/html, application/json;q=0.2', 'json'],
    ['application/xml;q=0.4, application/json;q=0.5', 'json'],
  ])('answers Accept %p in %s', (header, renderer) => {
    expect(negotiateRenderer(header)).toBe(renderer);
  });

  it('has no renderer for other types, nor for a type in other case, and names the first accepted type', () => {
    for (const header of ['text/html', 'Application/JSON', 'image/png, text/plain;q=0.5']) {
      expect(() => negotiateRenderer(header)).toThrow(ApplicationFailure);
    }
    expect(() => negotiateRenderer('text/plain;q=0.5, image/png')).toThrow(
      'Server cannot match any of the given Accept HTTP header media type(s) from the request: "image/png" with media types from the config of response renderer.',
    );
  });
});
