import { findRequestPitfalls } from './explain-notes';

describe('findRequestPitfalls', () => {
  it('notes what the profiles sign surprisingly in the query, the host, the path and the body', () => {
    const url = 'https://Shop.example.com:443/rest/V1/products/a%2Fb/comments?flag&q=a+b&x=1=2&123=y&a.b=1&q=c';
    const notes = findRequestPitfalls(url, 'application/x-www-form-urlencoded', 'item[sku]=a').join('\n');
    expect(notes).toMatch(/"flag" has no "="/);
    expect(notes).toMatch(/"\+" in the value of "q"/);
    expect(notes).toMatch(/Query value of "x" has a raw "="/);
    expect(notes).toMatch(/Query key "q" is repeated/);
    expect(notes).toMatch(/Numeric query key "123"/);
    expect(notes).toMatch(/Query key "a.b" has "." or a space/);
    expect(notes).toMatch(/The path has %2F, %2B or %26/);
    expect(notes).toMatch(/default port/);
    expect(notes).toMatch(/upper-case letters/);
    expect(notes).toMatch(/Form body/);
    expect(notes).toMatch(/Bracketed names in a form body/);
  });

  it('notes a body that is not signed, and nothing about a plain request', () => {
    expect(findRequestPitfalls('https://shop.example.com/rest/V1/x', 'application/json', '{}')).toEqual([
      'Body with content type "application/json": not part of the signature.',
    ]);
    expect(findRequestPitfalls('https://shop.example.com/rest/V1/x?a=1', undefined, null)).toEqual([]);
  });
});
