import { trim } from './trim';

describe('trim', () => {
  it('cuts the given characters from both ends', () => {
    expect(trim('//V1/products/', '/')).toBe('V1/products');
    expect(trim('///', '/')).toBe('');
    expect(trim('V1', '/')).toBe('V1');
  });

  it("cuts PHP's default white space, NUL included, by default", () => {
    expect(trim('\t\n\r\0\x0B a b \n')).toBe('a b');
    expect(trim('\f a')).toBe('\f a');
  });
});
