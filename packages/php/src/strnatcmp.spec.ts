import { strnatcmp, strnatcmpStepwise } from './strnatcmp';

const PIECES = [
  'a',
  'b',
  'A',
  '0',
  '00',
  '1',
  '2',
  '9',
  '10',
  '010',
  ' ',
  '\t',
  '%5B',
  '%5D',
  '.',
  '_',
  '\x00',
  '\xe9',
];
const randomPiece = () => PIECES[Math.floor(Math.random() * PIECES.length)];
const randomString = (pieces: number) => Array.from({ length: pieces }, randomPiece).join('');

describe('strnatcmp', () => {
  it.each([
    ['a9', 'a10', -1],
    ['img12.png', 'img10.png', 1],
    ['img2.png', 'img10.png', -1],
    ['%5B2%5D', '%5B10%5D', -1],
    ['oauth_nonce', 'oauth_consumer_key', 1],
    ['x', 'x', 0],
    ['', 'a', -1],
    ['a', '', 1],
    ['abc', 'ab', 1],
    ['a 1', 'a1', 0],
    ['007', '7', 0],
    ['1.010', '1.02', -1],
    ['1.5', '1.05', 1],
  ])('strnatcmp(%j, %j) is %d', (left, right, expected) => {
    expect(strnatcmp(left, right)).toBe(expected);
    expect(strnatcmp(right, left)).toBe(-expected || 0);
  });

  it('agrees with the stepwise comparison from the start on any mix of digits, spaces, zeros and bytes', () => {
    for (let i = 0; i < 50_000; i++) {
      const prefix = randomString(i % 5);
      const left = prefix + randomString((i >> 2) % 4);
      const right = prefix + randomString((i >> 4) % 4);
      expect([left, right, strnatcmp(left, right)]).toEqual([left, right, strnatcmpStepwise(left, right)]);
    }
  });

  it('reads past the end as C does: a NUL', () => {
    expect(strnatcmp('\t', '\t\x00')).toBe(0);
    expect(strnatcmp('a', 'a\x00')).toBe(-1);
  });

  it('orders encoded parameter names as Laminas does: brackets by value, then bytes', () => {
    const names = ['b%5B10%5D', 'b%5B2%5D', 'a', 'oauth_version', 'b%5B1%5D', 'B'];
    expect(names.sort(strnatcmp)).toEqual(['B', 'a', 'b%5B1%5D', 'b%5B2%5D', 'b%5B10%5D', 'oauth_version']);
  });
});
