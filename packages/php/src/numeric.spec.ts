import { intCast, isIntegerKey, isNumeric, looseEquals } from './numeric';

describe('PHP 8 numeric strings', () => {
  it.each(['1', '-1', '+1.5', '.5', '5.', '1e3', ' 12', '12 ', ' 1', '1 ', '-1.5e3', '\t\n\v\f\r 1e-2 '])(
    'is_numeric(%j) is true',
    (value) => {
      expect(isNumeric(value)).toBe(true);
    },
  );

  it.each(['', ' ', 'abc', '1a', '1x', '0x1A', '1e', '.', '- 1', '1 2', '١'])('is_numeric(%j) is false', (value) => {
    expect(isNumeric(value)).toBe(false);
  });

  it('(int) casts the leading numeric prefix, exponent included', () => {
    expect(intCast('1700000000')).toBe(1700000000);
    expect(intCast(' 12abc')).toBe(12);
    expect(intCast('1e3')).toBe(1000);
    expect(intCast('-7.9')).toBe(-7);
    expect(intCast('abc')).toBe(0);
    expect(intCast('1e999')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('integer array keys are canonical decimal integers in the 64-bit range', () => {
    expect(['0', '7', '-7', '9223372036854775807', '-9223372036854775808'].every(isIntegerKey)).toBe(true);
    expect(['07', '-0', '+7', '7 ', '1.0', '9223372036854775808', ''].some(isIntegerKey)).toBe(false);
  });

  it('loose == compares numeric strings as numbers', () => {
    expect(looseEquals('1', '01')).toBe(true);
    expect(looseEquals('1e1', '10')).toBe(true);
    expect(looseEquals(' 1', '1')).toBe(true);
    expect(looseEquals('abc', 'ABC')).toBe(false);
    expect(looseEquals('1', '1a')).toBe(false);
  });
});
