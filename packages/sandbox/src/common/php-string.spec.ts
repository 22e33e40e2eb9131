import { phpFloatString, phpGettype, phpString } from './php-string';

describe("PHP's (string) cast and gettype()", () => {
  it.each<[string | number | boolean | null, string]>([
    ['text', 'text'],
    [true, '1'],
    [false, ''],
    [null, ''],
    [42, '42'],
    [-7, '-7'],
    [12.5, '12.5'],
    [12.0, '12'],
  ])('(string) %p is %p', (value, expected) => {
    expect(phpString(value)).toBe(expected);
  });

  it.each<[number, string]>([
    [0.1 + 0.2, '0.3'],
    [1 / 3, '0.33333333333333'],
    [2 / 3, '0.66666666666667'],
    [123456.789, '123456.789'],
    [0.5, '0.5'],
    [0.05, '0.05'],
    [0.0001, '0.0001'],
    [0.00001, '1.0E-5'],
    [0.000012345, '1.2345E-5'],
    [1e14, '1.0E+14'],
    [99999999999999, '99999999999999'],
    [1.5e25, '1.5E+25'],
    [-2.5, '-2.5'],
    [-0, '-0'],
    [Infinity, 'INF'],
    [-Infinity, '-INF'],
    [Number.NaN, 'NAN'],
  ])('floats use 14 significant digits: %p → %p', (value, expected) => {
    expect(phpFloatString(value)).toBe(expected);
  });

  it('names JSON values as gettype() does', () => {
    expect([null, true, 3, 3.5, 's', [], {}].map(phpGettype)).toEqual([
      'NULL',
      'boolean',
      'integer',
      'double',
      'string',
      'array',
      'array',
    ]);
  });
});
